package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.CapturedLogs;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.app.support.SharedQms;

/**
 * Nothing logged holds a password, a token, an Authorization header or a document's content:
 * writes, failed logins, bad requests and a logout are driven while every logger is captured, at
 * the shipped levels (INFO) and with the project's own code and the security, Axon and Spring
 * Security loggers at DEBUG.
 */
class SafeLoggingTest {

    private static final String CONTENT_MARKER = "NOI-DUNG-MAT-7f3a9c";
    private static final String WRONG_PASSWORD = "mat-khau-sai-5b1e";

    @Test
    void shouldLogNeitherCredentialsNorTokensNorContent() {
        Api api = SharedQms.get().api();
        String token;
        String text;
        try (CapturedLogs logs = CapturedLogs.everything(Map.of(
                org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO,
                "vn.qms", Level.DEBUG, "qms.security", Level.DEBUG,
                "org.springframework.security", Level.DEBUG, "org.axonframework", Level.DEBUG,
                "de.bwaldvogel.mongo", Level.INFO, "org.mongodb.driver", Level.INFO))) {
            token = api.openSession("secretary");
            String content = "# Quy trình\n\n" + CONTENT_MARKER;
            String org = Samples.freshOrganization();
            Response issued = api.postWithToken(token, "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", content));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            String id = issued.json().get("documentId").asText();
            api.postWithToken(token, "/api/documents/" + id + "/revisions", DocumentControlApiContract.reviseBody(1, content + " v2"));
            api.postWithToken(token, "/api/documents/" + id + "/revisions", DocumentControlApiContract.reviseBody(1, content + " stale"));
            api.postWithToken(token, "/api/documents", DocumentControlApiContract.issueBody(org, "qt-01", "Trùng mã", content));
            api.postWithToken(token, "/api/documents", DocumentControlApiContract.issueBody("KHONG HOP LE", "QT-02", "T", content));
            api.postWithToken(token, "/api/documents", DocumentControlApiContract.issueBody(org, "QT-03", "T", content + "\u0000"));
            api.postWithToken(token, "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(1, content).put("effectiveFrom", "ngay mai"));
            api.exchange(api.request("/api/documents").header("Authorization", Api.bearer(token))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"content\": \"" + CONTENT_MARKER + "\", \"title\": ", StandardCharsets.UTF_8)));
            api.exchange(api.request("/api/documents").header("Authorization", Api.bearer(token))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(CONTENT_MARKER, StandardCharsets.UTF_8)));
            api.postRaw("secretary", "/api/documents", "{\"content\":\"" + CONTENT_MARKER + "\"}", "application/json");
            api.withCredentials("inspector", WRONG_PASSWORD, "/api/documents");
            api.withCredentials("khong-ton-tai", WRONG_PASSWORD, "/api/documents");
            api.getWithToken(token + "x", "/api/documents");
            api.getWithToken(token, "/api/documents/" + id + "/revisions/1");
            api.endSession(token);
            api.getWithToken(token, "/api/documents");
            text = logs.text();
        }

        assertThat(text).as("the capture saw the traffic").contains("session opened: user=secretary");
        assertThat(text).doesNotContain(token)
                .doesNotContain(CONTENT_MARKER)
                .doesNotContain(WRONG_PASSWORD)
                .doesNotContain(Api.basic("secretary", "secretary").substring("Basic ".length()))
                .doesNotContainIgnoringCase("authorization: basic")
                .doesNotContainIgnoringCase("authorization: bearer");
    }
}
