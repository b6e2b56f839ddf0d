package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.CapturedLogs;
import vn.qms.doccontrol.app.support.RawHttp;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.app.support.StoredState;
import vn.qms.doccontrol.platform.security.SecurityLog;
import vn.qms.doccontrol.platform.security.SessionStore;

/**
 * Sessions (sign in once, then a bearer token), the lock after repeated failed logins, the
 * security log, and why a browser's cached Basic credentials cannot be abused cross-site.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAndLoginsTest {

    private static final String LOCK_SECONDS = "2";

    @TempDir
    static Path dataDir;
    private RunningQms qms;
    private Api api;

    @BeforeAll
    void start() {
        qms = RunningQms.embedded(dataDir, "--qms.security.login.lock-duration=PT" + LOCK_SECONDS + "S");
        api = qms.api();
    }

    @AfterAll
    void stop() {
        qms.close();
    }

    @Test
    void shouldServeReadsAndWritesWithTheBearerTokenOfASessionOpenedWithThePassword() {
        Response opened = api.send("secretary", api.request("/api/sessions").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.header("Cache-Control")).contains("no-store");
        JsonNode session = opened.json();
        String token = session.get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(session.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(session.get("username").asText()).isEqualTo("secretary");
        assertThat(session.get("roles")).extracting(JsonNode::asText).containsExactly("SECRETARY");
        assertThat(session.get("expiresAt").asText()).isNotBlank();

        String org = Samples.freshOrganization();
        Response issued = api.postWithToken(token, "/api/documents",
                DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", "Nội dung"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().get("documentId").asText();

        String reader = api.openSession("auditor");
        JsonNode document = awaitWithToken(reader, "/api/documents/" + id);
        assertThat(document.get("recordedBy").asText()).as("the event names the user who opened the session").isEqualTo("secretary");
        assertThat(api.getWithToken(reader, "/api/audit-trail?organizationId=" + org).status()).isEqualTo(200);
        assertThat(api.postWithToken(reader, "/api/documents", DocumentControlApiContract.issueBody(org, "QT-02", "T", "C")).status())
                .as("a session has its user's role").isEqualTo(403);
    }

    @Test
    void shouldKeepOnlyTheTokensHashInMongoDb() {
        String token = api.openSession("inspector");
        MongoDatabase database = qms.bean(MongoDatabase.class);
        Document stored = database.getCollection(SessionStore.COLLECTION).find(new Document("_id", Samples.sha256(token))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("username")).isEqualTo("inspector");
        assertThat(stored.getList("roles", String.class)).containsExactly("INSPECTOR");
        assertThat(stored.keySet()).contains("createdAt", "expiresAt", "idleTimeoutSeconds", "lastUsedAt", "idleExpiresAt");
        for (Document any : database.getCollection(SessionStore.COLLECTION).find()) {
            assertThat(any.toJson()).doesNotContain(token);
        }
    }

    @Test
    void shouldIssueADifferentRandomTokenForEverySession() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(api.openSession("approver"));
        }
        assertThat(tokens).hasSize(3).allSatisfy(t -> assertThat(Base64.getUrlDecoder().decode(t)).hasSize(32));
    }

    @Test
    void shouldRefuseTheTokenAtOnceAfterLogout() {
        String token = api.openSession("auditor");
        assertThat(api.getWithToken(token, "/api/documents").status()).isEqualTo(200);

        assertThat(api.endSession(token).status()).isEqualTo(204);

        Response after = api.getWithToken(token, "/api/documents");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.isProblem()).isTrue();
        assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.endSession(token).status()).isEqualTo(401);
    }

    @Test
    void shouldOpenASessionOnlyWithThePassword() {
        String token = api.openSession("auditor");
        Response fromToken = api.exchange(api.request("/api/sessions").header("Authorization", Api.bearer(token))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(fromToken.status()).as("a token cannot extend itself").isEqualTo(403);
        assertThat(fromToken.isProblem()).isTrue();
        Response anonymous = api.exchange(api.request("/api/sessions").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        Response logoutWithBasic = api.send("auditor", api.request("/api/sessions/current").DELETE());
        assertThat(logoutWithBasic.status()).isEqualTo(400);
        assertThat(logoutWithBasic.json().get("field").asText()).isEqualTo("Authorization");
        assertThat(api.getWithToken("not-a-session", "/api/documents").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseWritesThatACrossSiteFormCouldSendEvenWithValidBasicCredentials() {
        MongoDatabase database = qms.bean(MongoDatabase.class);
        long before = StoredState.eventCommits(database);
        String body = DocumentControlApiContract.issueBody(Samples.freshOrganization(), "QT-01", "Quy trình", "Nội dung").toString();
        for (String formType : new String[]{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            Response answer = api.postRaw("secretary", "/api/documents", body, formType);
            assertThat(answer.status()).as(formType + ": " + answer).isEqualTo(415);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(StoredState.eventCommits(database)).isEqualTo(before);
    }

    @Test
    void shouldLockAnAccountFromOneAddressAfterFiveFailedLoginsAndLogIt() throws Exception {
        MongoDatabase database = qms.bean(MongoDatabase.class);
        long events = StoredState.eventCommits(database);
        String openBeforeTheLock = api.openSession("approver");
        InetAddress elsewhere = InetAddress.getByName("127.0.0.2");
        try (CapturedLogs security = CapturedLogs.of(SecurityLog.LOGGER)) {
            for (int i = 0; i < 5; i++) {
                assertThat(api.withCredentials("approver", "doan-mat-khau-" + i, "/api/documents").status()).isEqualTo(401);
            }
            Response locked = api.withCredentials("approver", "approver", "/api/documents");
            assertThat(locked.status()).as("the right password does not help while locked").isEqualTo(429);
            assertThat(locked.isProblem()).isTrue();
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, Long.parseLong(LOCK_SECONDS) + 1);
            Response openWhileLocked = api.send("approver", api.request("/api/sessions").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(openWhileLocked.status()).isEqualTo(429);

            assertThat(RawHttp.send(api.port(), get("/api/documents", "approver", "approver"), new byte[0], elsewhere).status())
                    .as("the real user elsewhere is not locked out").isEqualTo(200);
            assertThat(api.getWithToken(openBeforeTheLock, "/api/documents").status())
                    .as("an open session does not need the password").isEqualTo(200);

            Thread.sleep(Long.parseLong(LOCK_SECONDS) * 1000 + 300);
            assertThat(api.withCredentials("approver", "approver", "/api/documents").status()).as("the lock lifts").isEqualTo(200);

            String log = security.text();
            assertThat(security.lines()).filteredOn(l -> l.contains("login failed: user=approver from=127.0.0.1")).hasSize(5);
            assertThat(log).contains("login locked: user=approver from=127.0.0.1 until=");
            assertThat(log).contains("login refused, locked: user=approver from=127.0.0.1");
            assertThat(log).doesNotContain("doan-mat-khau").doesNotContain("127.0.0.2 failures");
        }
        assertThat(StoredState.eventCommits(database)).as("logins are not document events").isEqualTo(events);
    }

    @Test
    void shouldLogSessionsOpenedAndEndedWithoutTheirTokens() {
        try (CapturedLogs security = CapturedLogs.of(SecurityLog.LOGGER)) {
            String token = api.openSession("inspector");
            api.endSession(token);
            String reference = Samples.sha256(token).substring(0, 12);
            assertThat(security.text())
                    .contains("session opened: user=inspector session=" + reference)
                    .contains("session ended: user=inspector session=" + reference)
                    .doesNotContain(token);
        }
    }

    private JsonNode awaitWithToken(String token, String path) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Response last;
        do {
            last = api.getWithToken(token, path);
            if (last.status() == 200) {
                return last.json();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Still not there: " + last);
    }

    private static String get(String path, String user, String password) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
