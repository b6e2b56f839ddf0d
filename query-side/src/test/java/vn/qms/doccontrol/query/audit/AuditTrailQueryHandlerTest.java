package vn.qms.doccontrol.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.qms.doccontrol.query.support.SampleDocuments.PHU_XUYEN;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.platform.web.InvalidFieldException;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.support.Delivery;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

class AuditTrailQueryHandlerTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private AuditTrailQueryHandler handler;

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        ReadModels readModels = new ReadModels(mongo.database(), new TestClock(vn("2026-05-01")));
        handler = readModels.auditTrailQueries;

        // Recorded on 5 January (issues), 10 February (revision by another actor) and 1 March (withdrawal).
        DocumentIssuedEvent quan1 = issued("d-q1", QUAN_1, DocumentType.PROCEDURE, "QT-01", "Quy trình kiểm soát tài liệu", vn("2026-01-10"));
        DocumentIssuedEvent phuXuyen = issued("d-px", PHU_XUYEN, DocumentType.PROCEDURE, "QT-01", "Quy trình kiểm soát tài liệu", vn("2026-01-10"));
        DocumentRevisedEvent byOther = revised(quan1, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-10"));
        byOther = new DocumentRevisedEvent(byOther.documentId(), byOther.organizationId(), byOther.code(), 2, byOther.title(),
                byOther.content(), byOther.contentSha256(), byOther.changeSummary(), byOther.changeReason(), byOther.effectiveFrom(),
                byOther.approval(), "pho-phong", byOther.recordedAt());
        readModels.deliver(
                new Delivery(quan1, 0, "e1"),
                new Delivery(phuXuyen, 0, "e2"),
                new Delivery(byOther, 1, "e3"),
                new Delivery(withdrawn(phuXuyen, 1, vn("2026-03-01"), null, vn("2026-03-01")), 1, "e4"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aDocumentsTrailIsInCommitOrderAndAnUnknownDocumentHasNone() {
        assertThat(handler.handle(new FetchDocumentAuditTrailQuery("d-q1")).orElseThrow().entries())
                .extracting(AuditEntry::eventId).containsExactly("e1", "e3");
        assertThat(handler.handle(new FetchDocumentAuditTrailQuery("d-px")).orElseThrow().entries())
                .extracting(AuditEntry::eventType).containsExactly("DocumentIssued", "DocumentWithdrawn");
        assertThat(handler.handle(new FetchDocumentAuditTrailQuery("d-unknown"))).isEmpty();
    }

    @Test
    void theWholeTrailIsInCommitOrder() {
        AuditTrailPage page = handler.handle(query(null, null, null, null, null, null, null));

        assertThat(page.items()).extracting(AuditEntry::eventId).containsExactly("e1", "e2", "e3", "e4");
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void filtersByOrganizationDocumentAndActor() {
        assertThat(eventIds(query(QUAN_1, null, null, null, null, null, null))).containsExactly("e1", "e3");
        assertThat(eventIds(query(null, "d-px", null, null, null, null, null))).containsExactly("e2", "e4");
        assertThat(eventIds(query(null, null, "pho-phong", null, null, null, null))).containsExactly("e3");
        assertThat(eventIds(query(PHU_XUYEN, null, "truong-phong", null, null, null, null))).containsExactly("e4");
        assertThat(eventIds(query(QUAN_1, "d-px", null, null, null, null, null))).isEmpty();
    }

    @Test
    void fromIsInclusiveAndToExclusiveOnWhenTheEventOccurred() {
        assertThat(eventIds(query(null, null, null, "2026-02-10", null, null, null))).containsExactly("e3", "e4");
        assertThat(eventIds(query(null, null, null, null, "2026-02-10", null, null))).containsExactly("e1", "e2");
        assertThat(eventIds(query(null, null, null, "2026-02-10", "2026-03-01", null, null))).containsExactly("e3");
        assertThat(eventIds(query(null, null, null, "2026-03-01T00:00:00+07:00", "2026-03-01T00:00:00.000000001+07:00", null, null)))
                .containsExactly("e4");
        Instant issueRecorded = vn.qms.doccontrol.query.support.SampleDocuments.RECORDED;
        assertThat(eventIds(query(null, null, null, null, issueRecorded.plusNanos(1).toString(), null, null)))
                .as("occurredAt keeps its nanoseconds").containsExactly("e1", "e2");
        assertThat(eventIds(query(null, null, null, null, issueRecorded.toString(), null, null))).isEmpty();
    }

    @Test
    void pagesTheTrail() {
        AuditTrailPage second = handler.handle(query(null, null, null, null, null, 1, 3));

        assertThat(second.items()).extracting(AuditEntry::eventId).containsExactly("e4");
        assertThat(second.total()).isEqualTo(4);
        assertThat(handler.handle(query(null, null, null, null, null, 7, 500)).items()).isEmpty();
    }

    @Test
    void refusesInvalidParametersNamingThem() {
        assertField(() -> query("Quan 1", null, null, null, null, null, null), "organizationId");
        assertField(() -> query(null, null, null, "hôm qua", null, null, null), "from");
        assertField(() -> query(null, null, null, null, "2026-02-30", null, null), "to");
        assertField(() -> query(null, null, null, "2026-03-01", "2026-02-01", null, null), "to");
        assertField(() -> query(null, null, null, null, null, -1, null), "page");
        assertField(() -> query(null, null, null, null, null, null, 501), "size");
        assertField(() -> query(null, "x".repeat(201), null, null, null, null, null), "documentId");
        assertField(() -> query(null, null, "x".repeat(201), null, null, null, null), "actor");
        assertThat(new FetchAuditTrailQuery(null, null, null, null, null, null).page()).isEqualTo(new PageRequest(0, 50));
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static FetchAuditTrailQuery query(String organizationId, String documentId, String actor, String from, String to,
                                              Integer page, Integer size) {
        return FetchAuditTrailQuery.fromParameters(organizationId, documentId, actor, from, to, page, size);
    }

    private List<String> eventIds(FetchAuditTrailQuery query) {
        return handler.handle(query).items().stream().map(AuditEntry::eventId).toList();
    }
}
