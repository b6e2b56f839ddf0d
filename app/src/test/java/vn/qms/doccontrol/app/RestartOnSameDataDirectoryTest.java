package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.app.support.Api.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;

/** A restart on the same data directory loses nothing, duplicates nothing, and numbering continues. */
class RestartOnSameDataDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEverythingAcrossARestartAndContinueNumbering() {
        String org = Samples.freshOrganization();
        String id;
        try (RunningQms first = RunningQms.embedded(dataDir)) {
            Response issued = first.api().post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", "Lần 1"));
            id = issued.json().get("documentId").asText();
            first.api().post("secretary", "/api/documents/" + id + "/revisions", DocumentControlApiContract.reviseBody(1, "Lần 2"));
            first.api().await("auditor", "/api/documents/" + id + "/audit-trail", r -> r.status() == 200 && items(r.json()).size() == 2);
        }

        try (RunningQms second = RunningQms.embedded(dataDir)) {
            JsonNode document = second.api().get("auditor", "/api/documents/" + id).json();
            assertThat(document.get("revision").asInt()).isEqualTo(2);
            assertThat(document.get("content").asText()).isEqualTo("Lần 2");

            Response third = second.api().post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(2, "Lần 3"));
            assertThat(third.status()).as(third.toString()).isEqualTo(201);
            assertThat(third.json().get("revision").asInt()).isEqualTo(3);
            assertThat(second.api().post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "qt-01", "Trùng mã sau khởi động lại", "x")).status())
                    .as("the code claim survived the restart").isEqualTo(409);

            JsonNode trail = second.api().await("auditor", "/api/documents/" + id + "/audit-trail",
                    r -> r.status() == 200 && items(r.json()).size() >= 3).json();
            assertThat(items(trail)).extracting(e -> e.get("eventType").asText())
                    .containsExactly("DocumentIssued", "DocumentRevised", "DocumentRevised");
            JsonNode register = second.api().get("auditor", "/api/documents", params("organizationId", org)).json();
            assertThat(register.get("total").asInt()).isEqualTo(1);
            assertThat(second.api().get("inspector", "/api/audit-trail", params("organizationId", org)).json().get("total").asInt())
                    .isEqualTo(3);
        }
    }

    private static JsonNode items(JsonNode trail) {
        return trail.isArray() ? trail : trail.get("items");
    }
}
