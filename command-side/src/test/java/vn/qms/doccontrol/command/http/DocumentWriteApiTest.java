package vn.qms.doccontrol.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.qms.doccontrol.command.CommandSideApplication;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;

/**
 * The command side as deployed on its own, on the embedded MongoDB: proves the wiring (aggregate,
 * code registry, error mapping, security) end to end. The full HTTP suite lives in the app module.
 */
@SpringBootTest(classes = CommandSideApplication.class)
@AutoConfigureMockMvc
class DocumentWriteApiTest {

    private static final String SECRETARY = basic("secretary");

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private ObjectMapper json;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("qms-command-side-test");
            registry.add("qms.data-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void issueAnswersCreatedAndRecordsTheAuthenticatedUserAsActor() throws Exception {
        String org = newOrganization();
        JsonNode body = read(issue(org, "QT-01", "Quy trình kiểm soát tài liệu")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(1)));
        String id = body.get("documentId").asText();

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        DomainEventMessage<?> issued = events(id).get(0);
        assertThat(issued.getPayload()).isInstanceOfSatisfying(DocumentIssuedEvent.class, e -> {
            assertThat(e.recordedBy()).isEqualTo("secretary");
            assertThat(e.organizationId()).isEqualTo(org);
            assertThat(e.effectiveFrom()).isEqualTo(e.recordedAt());
        });
    }

    @Test
    void issueAnswersLocationOfTheNewDocument() throws Exception {
        ResultActions result = issue(newOrganization(), "QT-02", "Quy trình kiểm soát hồ sơ").andExpect(status().isCreated());

        String id = read(result).get("documentId").asText();
        result.andExpect(header().string("Location", "/api/documents/" + id));
    }

    @Test
    void secondDocumentWithTheSameCodeInAnotherCaseIsAConflictOnCode() throws Exception {
        String org = newOrganization();
        issued(org, "QT-03");

        issue(org, "qt-03", "Quy trình đánh giá nội bộ")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void revisionAnswersCreatedWithItsNumberAndLocation() throws Exception {
        String id = issued(newOrganization(), "QT-04");

        revise(id, 1, "2099-01-01")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/documents/" + id + "/revisions/2"))
                .andExpect(jsonPath("$.documentId").value(id))
                .andExpect(jsonPath("$.revision").value(2));
        assertThat(events(id).get(1).getPayload()).isInstanceOf(DocumentRevisedEvent.class);
    }

    @Test
    void staleRevisionIsAConflictOnExpectedRevision() throws Exception {
        String id = issued(newOrganization(), "QT-05");
        revise(id, 1, null).andExpect(status().isCreated());

        revise(id, 1, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("expectedRevision"))
                .andExpect(jsonPath("$.latestRevision").value(2));
    }

    @Test
    void revisionTakingEffectBeforeThePreviousIsAConflictOnEffectiveFrom() throws Exception {
        String id = issued(newOrganization(), "QT-06");
        revise(id, 1, "2099-01-01").andExpect(status().isCreated());

        revise(id, 2, "2098-12-31")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("effectiveFrom"));
    }

    @Test
    void revisionOfAnUnknownOrMalformedIdIsNotFound() throws Exception {
        revise(UUID.randomUUID().toString(), 1, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"));
        revise("QT-01", 1, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void withdrawalFreesTheCodeForANewDocument() throws Exception {
        String org = newOrganization();
        String id = issued(org, "QT-07");

        withdraw(id, "{\"reason\":\"Thủ tục hành chính đã được bãi bỏ\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentId").value(id))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));

        assertThat(events(id).get(1).getPayload()).isInstanceOf(DocumentWithdrawnEvent.class);
        issue(org, "QT-07", "Quy trình hành động khắc phục").andExpect(status().isCreated());
    }

    @Test
    void withdrawalScheduledForLaterLeavesTheDocumentEffectiveUntilThen() throws Exception {
        String id = issued(newOrganization(), "QT-08");

        withdraw(id, "{\"reason\":\"Sáp nhập đơn vị hành chính\",\"effectiveFrom\":\"2099-07-01\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EFFECTIVE"))
                .andExpect(jsonPath("$.withdrawalEffectiveFrom").value("2099-06-30T17:00:00Z"));
    }

    @Test
    void secondWithdrawalIsAConflict() throws Exception {
        String id = issued(newOrganization(), "QT-09");
        withdraw(id, "{\"reason\":\"Bãi bỏ\"}").andExpect(status().isOk());

        withdraw(id, "{\"reason\":\"Bãi bỏ\"}").andExpect(status().isConflict());
    }

    @Test
    void supersedingDocumentMustExistAndBelongToTheSameOrganization() throws Exception {
        String org = newOrganization();
        String id = issued(org, "QT-10");
        String elsewhere = issued(newOrganization(), "QT-10");

        withdraw(id, "{\"reason\":\"Thay thế\",\"supersededBy\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("supersededBy"));
        withdraw(id, "{\"reason\":\"Thay thế\",\"supersededBy\":\"" + elsewhere + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("supersededBy"));
        withdraw(id, "{\"reason\":\"Thay thế\",\"supersededBy\":\"" + id + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("supersededBy"));

        String successor = issued(org, "QT-11");
        withdraw(id, "{\"reason\":\"Thay thế\",\"supersededBy\":\"" + successor + "\"}").andExpect(status().isOk());
    }

    @Test
    void actorCannotBeNamedInTheBody() throws Exception {
        mvc.perform(post("/api/documents").header("Authorization", SECRETARY).contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody(newOrganization(), "QT-12", "Tiêu đề").replaceFirst("\\{", "{\"requestedBy\":\"mallory\",")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("requestedBy"));
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        mvc.perform(post("/api/documents").header("Authorization", SECRETARY).contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody("UBND Quận 1", "QT-13", "Tiêu đề")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("organizationId"));
    }

    @Test
    void onlyASecretaryMayWrite() throws Exception {
        mvc.perform(post("/api/documents").header("Authorization", basic("approver")).contentType(MediaType.APPLICATION_JSON)
                        .content(issueBody(newOrganization(), "QT-14", "Tiêu đề")))
                .andExpect(status().isForbidden());
    }

    @Test
    void openApiDocumentDescribesTheWriteApiWithVietnameseExamples() throws Exception {
        String apiDocs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(apiDocs).contains("/api/documents/{id}/revisions", "/api/documents/{id}/withdrawal",
                "ubnd-quan-1", "Quy trình kiểm soát tài liệu", "Quyết định số 123/QĐ-UBND");
    }

    private String issued(String org, String code) throws Exception {
        return read(issue(org, code, "Quy trình kiểm soát tài liệu").andExpect(status().isCreated()))
                .get("documentId").asText();
    }

    private ResultActions issue(String org, String code, String title) throws Exception {
        return mvc.perform(post("/api/documents").header("Authorization", SECRETARY)
                .contentType(MediaType.APPLICATION_JSON).content(issueBody(org, code, title)));
    }

    private ResultActions revise(String id, int expectedRevision, String effectiveFrom) throws Exception {
        String body = "{\"expectedRevision\":" + expectedRevision + ",\"content\":\"Nội dung sửa đổi\","
                + "\"changeSummary\":\"Bổ sung hồ sơ điện tử\",\"changeReason\":\"Áp dụng ISO điện tử\""
                + (effectiveFrom == null ? "" : ",\"effectiveFrom\":\"" + effectiveFrom + "\"") + "}";
        return mvc.perform(post("/api/documents/" + id + "/revisions").header("Authorization", SECRETARY)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions withdraw(String id, String body) throws Exception {
        return mvc.perform(post("/api/documents/" + id + "/withdrawal").header("Authorization", SECRETARY)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String issueBody(String org, String code, String title) {
        return """
                {"organizationId":"%s","type":"PROCEDURE","code":"%s","title":"%s",
                 "content":"1. Mục đích\\nQuy định cách thức kiểm soát tài liệu.",
                 "approval":{"approvedBy":"Nguyễn Văn A","position":"Chủ tịch UBND Quận 1",
                             "approvedAt":"2026-01-05","decisionNumber":"Quyết định số 123/QĐ-UBND"}}
                """.formatted(org, code, title);
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<? extends DomainEventMessage<?>> events(String id) {
        return eventStore.readEvents(id).asStream().toList();
    }

    /** Each test its own organization, so that codes never collide across tests sharing the store. */
    private static String newOrganization() {
        return "ubnd-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder().encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
    }
}
