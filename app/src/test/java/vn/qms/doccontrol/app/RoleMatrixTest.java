package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.app.support.SharedQms;
import vn.qms.doccontrol.app.support.StoredState;

/**
 * Who may do what: every endpoint, as nobody and as each role, against the expected status. The
 * rules do not depend on how the caller authenticated, so the roles speak with session tokens
 * (no bcrypt per row); the session endpoints, where the kind of credentials matters, are listed
 * once per kind. Only a secretary can ever cause an event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    enum Principal { ANONYMOUS, SECRETARY, APPROVER, AUDITOR, INSPECTOR }

    enum Credentials { TOKEN, PASSWORD }

    // endpoint ({id}: a document of the fixture)  credentials  anonymous secretary approver auditor inspector
    private static final String MATRIX = """
            POST   /api/documents                    TOKEN     401 201 403 403 403
            POST   /api/documents/{id}/revisions     TOKEN     401 201 403 403 403
            POST   /api/documents/{id}/withdrawal    TOKEN     401 200 403 403 403
            GET    /api/documents                    TOKEN     401 200 200 200 200
            GET    /api/documents/{id}               TOKEN     401 200 200 200 200
            GET    /api/documents/{id}/revisions     TOKEN     401 200 200 200 200
            GET    /api/documents/{id}/revisions/1   TOKEN     401 200 200 200 200
            GET    /api/documents/{id}/audit-trail   TOKEN     401 200 200 200 200
            GET    /api/audit-trail                  TOKEN     401 403 403 200 200
            POST   /api/sessions                     PASSWORD  401 201 201 201 201
            POST   /api/sessions                     TOKEN     401 403 403 403 403
            DELETE /api/sessions/current             TOKEN     401 204 204 204 204
            DELETE /api/sessions/current             PASSWORD  401 400 400 400 400
            GET    /actuator/health                  TOKEN     200 200 200 200 200
            GET    /v3/api-docs                      TOKEN     200 200 200 200 200
            GET    /swagger-ui.html                  TOKEN     302 302 302 302 302
            GET    /actuator/env                     TOKEN     401 404 404 404 404
            PUT    /api/documents/{id}               TOKEN     401 405 405 405 405
            DELETE /api/documents/{id}               TOKEN     401 405 405 405 405
            """;

    private Api api;
    private MongoDatabase database;
    private final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
    private String fixture;

    @BeforeAll
    void signInAndIssueTheFixture() {
        api = SharedQms.get().api();
        database = SharedQms.get().bean(MongoDatabase.class);
        for (Principal role : Principal.values()) {
            if (role != Principal.ANONYMOUS) {
                tokens.put(role, api.openSession(role.name().toLowerCase()));
            }
        }
        fixture = issueAndAwait();
    }

    static Stream<Arguments> matrix() {
        return MATRIX.lines().map(String::trim).filter(line -> !line.isEmpty()).flatMap(line -> {
            String[] cells = line.split("\\s+");
            Principal[] principals = Principal.values();
            return Stream.of(principals).map(p -> Arguments.of(cells[0], cells[1], Credentials.valueOf(cells[2]), p,
                    Integer.parseInt(cells[3 + p.ordinal()])));
        });
    }

    @ParameterizedTest(name = "{0} {1} with {2} as {3} -> {4}")
    @MethodSource("matrix")
    void shouldAnswerEachRoleAsTheMatrixSays(String method, String template, Credentials credentials, Principal principal,
                                             int expected) {
        boolean secretaryChanges = principal == Principal.SECRETARY && method.equals("POST") && template.contains("{id}");
        String path = template.replace("{id}", secretaryChanges ? issueAndAwait() : fixture);
        String authorization = authorization(principal, credentials, method.equals("DELETE") && path.startsWith("/api/sessions"));
        long eventsBefore = StoredState.eventCommits(database);

        Response answer = api.exchange(request(method, path, authorization));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
        if (principal != Principal.SECRETARY) {
            assertThat(StoredState.eventCommits(database)).as("only a secretary causes events").isEqualTo(eventsBefore);
        }
    }

    private String authorization(Principal principal, Credentials credentials, boolean sessionToBeEnded) {
        if (principal == Principal.ANONYMOUS) {
            return null;
        }
        String user = principal.name().toLowerCase();
        if (credentials == Credentials.PASSWORD) {
            return Api.basic(user, user);
        }
        return Api.bearer(sessionToBeEnded ? api.openSession(user) : tokens.get(principal));
    }

    private HttpRequest.Builder request(String method, String path, String authorization) {
        HttpRequest.Builder request = api.request(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        JsonNode body = body(method, path);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }

    private static JsonNode body(String method, String path) {
        if (!method.equals("POST") || path.startsWith("/api/sessions")) {
            return null;
        }
        if (path.endsWith("/revisions")) {
            return DocumentControlApiContract.reviseBody(1, "Nội dung sửa đổi");
        }
        if (path.endsWith("/withdrawal")) {
            return Api.object().put("reason", "Không còn áp dụng");
        }
        return DocumentControlApiContract.issueBody(Samples.freshOrganization(), "QT-01", "Quy trình kiểm soát tài liệu", "Nội dung");
    }

    private String issueAndAwait() {
        Response issued = api.postWithToken(tokens.get(Principal.SECRETARY), "/api/documents",
                DocumentControlApiContract.issueBody(Samples.freshOrganization(), "QT-01", "Quy trình kiểm soát tài liệu", "Nội dung"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().get("documentId").asText();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (api.getWithToken(tokens.get(Principal.AUDITOR), "/api/documents/" + id + "/audit-trail").status() != 200
                || api.getWithToken(tokens.get(Principal.AUDITOR), "/api/documents/" + id + "/revisions/1").status() != 200) {
            assertThat(System.nanoTime()).as("projection of " + id).isLessThan(deadline);
        }
        return id;
    }
}
