package vn.qms.doccontrol.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import com.mongodb.client.MongoDatabase;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.QuerySideApplication;
import vn.qms.doccontrol.query.projection.ProcessingGroups;
import vn.qms.doccontrol.query.projection.ProjectionRebuild;
import vn.qms.doccontrol.query.support.EventPublisher;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

/**
 * The query side as it runs: events appended to the real event store reach the read models through
 * the tracking processors, and the read API answers them over MVC with security on.
 */
@SpringBootTest(classes = {QuerySideApplication.class, QuerySideHttpTest.Now.class})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySideHttpTest {

    private static final Path DATA_DIR = temporaryDirectory();
    private static final String DOC = "0f8e2a34-7c1d-4c55-9a0e-5b2f3d1c9e01";

    @TestConfiguration
    static class Now {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(vn("2026-05-01"));
        }
    }

    @DynamicPropertySource
    static void embeddedDataDir(DynamicPropertyRegistry registry) {
        registry.add("qms.data-dir", DATA_DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    MongoDatabase database;

    private final DocumentIssuedEvent issue = issued(DOC, QUAN_1, DocumentType.PROCEDURE, "QT-01",
            "Quy trình kiểm soát tài liệu", vn("2026-01-10"));

    @BeforeAll
    void publishHistory() {
        EventPublisher publisher = new EventPublisher(eventStore);
        publisher.publish(issue);
        publisher.publish(revised(issue, 2, "Quy trình kiểm soát tài liệu (sửa đổi)", vn("2026-03-01"), vn("2026-02-10")));
        publisher.publish(revised(issue, 3, "Quy trình kiểm soát tài liệu, lần 3", vn("2026-09-01"), vn("2026-02-20")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("approver", get("/api/documents/" + DOC + "/audit-trail"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(3))));
    }

    @Test
    void eachProcessingGroupIsATrackingProcessorWithOneSegment() {
        for (String group : ProcessingGroups.ALL) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
            assertThat(processor.isRunning()).isTrue();
            assertThat(processor.processingStatus()).containsOnlyKeys(0);
            assertThat(processor.processingStatus().get(0).getSegment().getMask()).isZero();
        }
    }

    @Test
    void healthShowsEachProjectionHoldingItsSegmentAndCaughtUpWithTheEventStore() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.projections.status").value("UP"))
                .andExpect(jsonPath("$.components.projections.details.head").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)))
                .andExpect(jsonPath("$.components.projections.details['document-register'].claimed").value(true))
                .andExpect(jsonPath("$.components.projections.details['document-register'].behind").value(0))
                .andExpect(jsonPath("$.components.projections.details['audit-trail'].behind").value(0))
                .andExpect(jsonPath("$.components.projections.details['audit-trail'].error").doesNotExist()));
    }

    @Test
    void aNewEventIsReadableWithinASecond() {
        EventPublisher publisher = new EventPublisher(eventStore);
        DocumentIssuedEvent fresh = issued("lag-probe", "ubnd-phuong-ben-nghe", DocumentType.FORM, "BM-09",
                "Biểu mẫu tiếp nhận hồ sơ", vn("2026-01-01"));
        publisher.publish(fresh);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> as("approver", get("/api/documents/lag-probe")).andExpect(status().isOk()));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> as("approver", get("/api/documents/lag-probe/audit-trail")).andExpect(status().isOk()));
    }

    @Test
    void theRegisterAnswersWithTheAgreedFieldNames() throws Exception {
        as("approver", get("/api/documents").param("organizationId", QUAN_1).param("q", "kiem soat tai lieu"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].documentId").value(DOC))
                .andExpect(jsonPath("$.items[0].organizationId").value(QUAN_1))
                .andExpect(jsonPath("$.items[0].type").value("PROCEDURE"))
                .andExpect(jsonPath("$.items[0].code").value("QT-01"))
                .andExpect(jsonPath("$.items[0].title").value("Quy trình kiểm soát tài liệu (sửa đổi)"))
                .andExpect(jsonPath("$.items[0].revision").value(2))
                .andExpect(jsonPath("$.items[0].latestRevision").value(3))
                .andExpect(jsonPath("$.items[0].status").value("EFFECTIVE"))
                .andExpect(jsonPath("$.items[0].effectiveFrom").value("2026-02-28T17:00:00Z"))
                .andExpect(jsonPath("$.items[0].recordedBy").value("thu-ky-iso"))
                .andExpect(jsonPath("$.items[0].recordedAt").value("2026-02-09T17:00:00Z"));
    }

    @Test
    void aScheduledDocumentIsListedWithANullRevision() throws Exception {
        new EventPublisher(eventStore).publish(issued("scheduled-1", "ubnd-huyen-phu-xuyen", DocumentType.QUALITY_OBJECTIVES,
                "MTCL", "Mục tiêu chất lượng năm 2027", vn("2027-01-01")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("approver", get("/api/documents")
                .param("organizationId", "ubnd-huyen-phu-xuyen").param("status", "SCHEDULED"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].revision").value(nullValue()))
                .andExpect(jsonPath("$.items[0].title").value("Mục tiêu chất lượng năm 2027")));
    }

    @Test
    void aDocumentShowsTheRevisionInForceWithContentAndAsOfLooksBack() throws Exception {
        as("approver", get("/api/documents/" + DOC))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.latestRevision").value(3))
                .andExpect(jsonPath("$.status").value("EFFECTIVE"))
                .andExpect(jsonPath("$.content").value(containsString("sửa đổi lần 2")))
                .andExpect(jsonPath("$.contentSha256").isString())
                .andExpect(jsonPath("$.changeSummary").isString())
                .andExpect(jsonPath("$.changeReason").isString())
                .andExpect(jsonPath("$.approval.decisionNumber").value("Quyết định số 122/QĐ-UBND"))
                .andExpect(jsonPath("$.withdrawal").value(nullValue()));
        as("approver", get("/api/documents/" + DOC).param("asOf", "2026-02-01"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.title").value("Quy trình kiểm soát tài liệu"))
                .andExpect(jsonPath("$.changeSummary").value(nullValue()));
    }

    @Test
    void revisionsAreListedWithoutContentAndOneRevisionWithIt() throws Exception {
        as("inspector", get("/api/documents/" + DOC + "/revisions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].revision").value(1))
                .andExpect(jsonPath("$[2].revision").value(3))
                .andExpect(jsonPath("$[0].content").doesNotExist())
                .andExpect(jsonPath("$[1].contentSha256").isString());
        as("inspector", get("/api/documents/" + DOC + "/revisions/3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value(containsString("sửa đổi lần 3")));
    }

    @Test
    void theDocumentsAuditTrailIsInCommitOrder() throws Exception {
        as("secretary", get("/api/documents/" + DOC + "/audit-trail"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].eventType").value(org.hamcrest.Matchers.contains(
                        "DocumentIssued", "DocumentRevised", "DocumentRevised")))
                .andExpect(jsonPath("$[1].revision").value(2))
                .andExpect(jsonPath("$[0].actor").value("thu-ky-iso"))
                .andExpect(jsonPath("$[0].occurredAt").value("2026-01-05T02:30:15.123456789Z"))
                .andExpect(jsonPath("$[0].eventId").isString())
                .andExpect(jsonPath("$[0].documentId").value(DOC))
                .andExpect(jsonPath("$[0].organizationId").value(QUAN_1));
    }

    @Test
    void theWholeAuditTrailIsPagedForAuditorsAndInspectorsOnly() throws Exception {
        as("auditor", get("/api/audit-trail").param("documentId", DOC).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].eventType").value("DocumentIssued"));
        as("approver", get("/api/audit-trail")).andExpect(status().isForbidden());
    }

    @Test
    void unknownDocumentsRevisionsAndMomentsAreNotFoundProblems() throws Exception {
        for (String path : List.of("/api/documents/nope", "/api/documents/nope/revisions", "/api/documents/nope/audit-trail",
                "/api/documents/" + DOC + "/revisions/4", "/api/documents/" + DOC + "/revisions/0",
                "/api/documents/" + DOC + "/revisions/abc", "/api/documents/nope/revisions/1")) {
            as("approver", get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        as("approver", get("/api/documents/" + DOC).param("asOf", "2026-01-09"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void invalidParametersAreBadRequestProblemsNamingTheParameter() throws Exception {
        Map<String, String> invalid = Map.of("size", "0", "page", "abc", "status", "ACTIVE", "type", "SOP",
                "organizationId", "UBND", "asOf", "01/01/2026");
        for (Map.Entry<String, String> parameter : invalid.entrySet()) {
            as("approver", get("/api/documents").param(parameter.getKey(), parameter.getValue()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value(parameter.getKey()));
        }
        as("auditor", get("/api/audit-trail").param("from", "2026-03-01").param("to", "2026-02-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"));
        as("approver", get("/api/documents/" + DOC).param("asOf", "tomorrow"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("asOf"));
    }

    @Test
    void aRebuildReplaysEverythingIntoTheSameReadModels() throws Exception {
        assertThat(rebuild.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        Map<String, List<String>> before = dump();
        database.getCollection("register").deleteOne(new org.bson.Document("_id", DOC));
        database.getCollection("audit_trail").insertOne(new org.bson.Document("_id", "ghost").append("seq", 999_999L));
        assertThat(dump()).isNotEqualTo(before);

        rebuild.rebuildAll();

        assertThat(rebuild.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aWithdrawalShowsUpAsWithdrawnOnceInForce() throws Exception {
        DocumentIssuedEvent old = issued("to-withdraw", QUAN_1, DocumentType.FORM, "BM-99", "Biểu mẫu cũ", vn("2026-01-10"));
        EventPublisher publisher = new EventPublisher(eventStore);
        publisher.publish(old);
        publisher.publish(withdrawn(old, 1, vn("2026-04-01"), DOC, vn("2026-03-25")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("approver", get("/api/documents/to-withdraw"))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawal.supersededBy").value(DOC))
                .andExpect(jsonPath("$.withdrawal.reason").isString()));
    }

    @Test
    void anEventForADocumentNeverIssuedIsSkippedAndProjectionGoesOn() throws Exception {
        EventPublisher publisher = new EventPublisher(eventStore);
        DocumentIssuedEvent neverIssued = issued("never-issued", QUAN_1, DocumentType.FORM, "BM-00", "Không tồn tại", vn("2026-01-10"));
        publisher.publish(revised(neverIssued, 2, "Sửa đổi lạc", vn("2026-02-01"), vn("2026-01-20")));
        publisher.publish(issued("after-orphan", QUAN_1, DocumentType.FORM, "BM-10", "Biểu mẫu sau", vn("2026-01-10")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("approver", get("/api/documents/after-orphan"))
                .andExpect(status().isOk()));
        as("approver", get("/api/documents/never-issued")).andExpect(status().isNotFound());
        as("approver", get("/api/documents/never-issued/revisions/2")).andExpect(status().isNotFound());
        for (String group : ProcessingGroups.ALL) {
            assertThat(processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow().isError()).isFalse();
        }
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.projections.details['document-register'].skippedSinceStart")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void theOpenApiDocumentDescribesTheReadApiWithVietnameseExamples() throws Exception {
        String apiDocs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(apiDocs).contains("/api/documents/{documentId}/revisions/{revision}", "/api/audit-trail",
                "kiem soat tai lieu", "ubnd-quan-1", "the content is NOT included");
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new java.util.LinkedHashMap<>();
        for (String collection : ReadModels.COLLECTIONS) {
            dump.put(collection, database.getCollection(collection).find()
                    .sort(com.mongodb.client.model.Sorts.ascending("_id"))
                    .map(org.bson.Document::toJson)
                    .into(new java.util.ArrayList<>()));
        }
        return dump;
    }

    private ResultActions as(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return mvc.perform(request.header("Authorization", "Basic " + credentials));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("qms-query-http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
