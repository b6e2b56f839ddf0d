package vn.qms.doccontrol.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.RECORDED;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.query.audit.AuditEntry;
import vn.qms.doccontrol.query.audit.FetchDocumentAuditTrailQuery;
import vn.qms.doccontrol.query.register.DocumentStatus;
import vn.qms.doccontrol.query.register.FetchRegisterQuery;
import vn.qms.doccontrol.query.register.RegisterItem;
import vn.qms.doccontrol.query.revisions.DocumentView;
import vn.qms.doccontrol.query.revisions.FetchDocumentQuery;
import vn.qms.doccontrol.query.revisions.FetchRevisionQuery;
import vn.qms.doccontrol.query.revisions.Revision;
import vn.qms.doccontrol.query.support.Delivery;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

/** The projections of both processing groups, called as Axon calls them, against the embedded server. */
class DocumentProjectionsTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private TestClock clock;
    private ReadModels readModels;

    private final DocumentIssuedEvent issue = issued("doc-qt01", QUAN_1, DocumentType.PROCEDURE, "QT-01",
            "Quy trình kiểm soát tài liệu", vn("2026-01-10"));

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        clock = new TestClock(vn("2026-02-01"));
        readModels = new ReadModels(mongo.database(), clock);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void issuingWritesARegisterRowARevisionRowAndAnAuditEntry() {
        readModels.deliver(new Delivery(issue, 0, "evt-1"));

        Document row = mongo.database().getCollection("register").find().first();
        assertThat(row.getString("_id")).isEqualTo("doc-qt01");
        assertThat(row.getString("organizationId")).isEqualTo(QUAN_1);
        assertThat(row.getString("type")).isEqualTo("PROCEDURE");
        assertThat(row.getInteger("latestRevision")).isEqualTo(1);
        assertThat(row.get("withdrawal")).isNull();
        assertThat(row.get("lastSequence", Number.class).longValue()).isZero();
        Document first = row.getList("timeline", Document.class).get(0);
        assertThat(first.keySet()).doesNotContain("content")
                .contains("revision", "title", "effectiveFrom", "contentSha256", "recordedBy", "recordedAt", "approval");

        Document revisionRow = mongo.database().getCollection("revisions").find().first();
        assertThat(revisionRow.getString("_id")).isEqualTo("doc-qt01:1");
        assertThat(revisionRow.keySet()).as("the content stays in the event store").doesNotContain("content");
        assertThat(revisionRow.get("sequenceNumber", Number.class).longValue()).isZero();
        assertThat(readModels.revisionQueries.handle(new FetchRevisionQuery("doc-qt01", 1)).orElseThrow().content())
                .as("read from the event store").isEqualTo(issue.content());

        List<AuditEntry> trail = readModels.auditTrailQueries.handle(new FetchDocumentAuditTrailQuery("doc-qt01"))
                .orElseThrow().entries();
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo("evt-1");
            assertThat(entry.eventType()).isEqualTo("DocumentIssued");
            assertThat(entry.revision()).isEqualTo(1);
            assertThat(entry.actor()).isEqualTo(issue.recordedBy());
            assertThat(entry.occurredAt()).isEqualTo(RECORDED);
            assertThat(entry.effectiveFrom()).isEqualTo(issue.effectiveFrom());
            assertThat(entry.contentSha256()).isEqualTo(issue.contentSha256());
        });
        assertThat(mongo.database().getCollection("audit_trail").find().first().getLong("seq")).isEqualTo(1L);
    }

    @Test
    void keepsInstantsToTheNanosecond() {
        readModels.deliver(new Delivery(issue, 0, "evt-1"));

        assertThat(RECORDED.getNano() % 1_000_000).isNotZero();
        Revision revision = readModels.revisionQueries.handle(new FetchRevisionQuery("doc-qt01", 1)).orElseThrow();
        assertThat(revision.recordedAt()).isEqualTo(RECORDED);
        assertThat(revision.approval()).isEqualTo(issue.approval());
    }

    @Test
    void revisingAddsToTheTimelineAndTheRevisionInForceFollowsTheClock() {
        DocumentRevisedEvent revise = revised(issue, 2, "Quy trình kiểm soát tài liệu và hồ sơ", vn("2026-03-01"), vn("2026-02-10"));
        readModels.deliver(new Delivery(issue, 0, "evt-1"), new Delivery(revise, 1, "evt-2"));

        clock.set(vn("2026-02-15"));
        DocumentView beforeRevision = readModels.documentQueries.handle(new FetchDocumentQuery("doc-qt01", null)).orElseThrow();
        assertThat(beforeRevision.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(beforeRevision.revision()).isEqualTo(1);
        assertThat(beforeRevision.latestRevision()).isEqualTo(2);
        assertThat(beforeRevision.content()).isEqualTo(issue.content());

        clock.set(vn("2026-03-01"));
        DocumentView afterRevision = readModels.documentQueries.handle(new FetchDocumentQuery("doc-qt01", null)).orElseThrow();
        assertThat(afterRevision.revision()).isEqualTo(2);
        assertThat(afterRevision.title()).isEqualTo(revise.title());
        assertThat(afterRevision.changeSummary()).isEqualTo(revise.changeSummary());
        assertThat(afterRevision.changeReason()).isEqualTo(revise.changeReason());
        assertThat(afterRevision.type()).isEqualTo(DocumentType.PROCEDURE);

        Revision row = readModels.revisions.find("doc-qt01", 2).orElseThrow();
        assertThat(row.type()).as("revision events do not carry the type").isEqualTo(DocumentType.PROCEDURE);
        assertThat(readModels.auditTrailQueries.handle(new FetchDocumentAuditTrailQuery("doc-qt01")).orElseThrow().entries())
                .extracting(AuditEntry::eventType, AuditEntry::revision, AuditEntry::summary, AuditEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DocumentIssued", 1, null, null),
                        org.assertj.core.groups.Tuple.tuple("DocumentRevised", 2, revise.changeSummary(), revise.changeReason()));
    }

    @Test
    void withdrawingShowsTheLastRevisionInForceAsWithdrawnOnceTheWithdrawalIsInForce() {
        DocumentRevisedEvent revise = revised(issue, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-10"));
        DocumentWithdrawnEvent withdraw = withdrawn(issue, 2, vn("2026-06-01"), "doc-qt01-moi", vn("2026-05-20"));
        readModels.deliver(new Delivery(issue, 0, "evt-1"), new Delivery(revise, 1, "evt-2"), new Delivery(withdraw, 2, "evt-3"));

        clock.set(vn("2026-05-25"));
        assertThat(statusNow()).isEqualTo(DocumentStatus.EFFECTIVE);

        clock.set(vn("2026-06-01"));
        DocumentView view = readModels.documentQueries.handle(new FetchDocumentQuery("doc-qt01", null)).orElseThrow();
        assertThat(view.status()).isEqualTo(DocumentStatus.WITHDRAWN);
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.withdrawal().reason()).isEqualTo(withdraw.reason());
        assertThat(view.withdrawal().supersededBy()).isEqualTo("doc-qt01-moi");
        assertThat(view.withdrawal().effectiveFrom()).isEqualTo(vn("2026-06-01"));

        AuditEntry last = readModels.auditTrailQueries.handle(new FetchDocumentAuditTrailQuery("doc-qt01")).orElseThrow()
                .entries().get(2);
        assertThat(last.eventType()).isEqualTo("DocumentWithdrawn");
        assertThat(last.reason()).isEqualTo(withdraw.reason());
        assertThat(last.supersededBy()).isEqualTo("doc-qt01-moi");
        assertThat(last.actor()).isEqualTo("truong-phong");
        assertThat(last.contentSha256()).isNull();
    }

    @Test
    void aDocumentIssuedForLaterIsScheduledAndAScheduledRevisionLeavesTheOldOneInForce() {
        DocumentIssuedEvent later = issued("doc-mtcl", QUAN_1, DocumentType.QUALITY_OBJECTIVES, "MTCL",
                "Mục tiêu chất lượng năm 2026", vn("2026-04-01"));
        DocumentRevisedEvent scheduledRevision = revised(issue, 2, "Quy trình kiểm soát tài liệu (2026)", vn("2026-09-01"),
                vn("2026-01-20"));
        readModels.deliver(new Delivery(issue, 0, "evt-1"), new Delivery(later, 0, "evt-2"),
                new Delivery(scheduledRevision, 1, "evt-3"));

        List<RegisterItem> items = readModels.registerQueries.handle(FetchRegisterQuery.fromParameters(
                QUAN_1, null, null, null, null, null, null)).items();

        assertThat(items).extracting(RegisterItem::code, RegisterItem::status, RegisterItem::revision, RegisterItem::latestRevision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MTCL", DocumentStatus.SCHEDULED, null, 1),
                        org.assertj.core.groups.Tuple.tuple("QT-01", DocumentStatus.EFFECTIVE, 1, 2));
        assertThat(items.get(0).title()).isEqualTo("Mục tiêu chất lượng năm 2026");
        assertThat(items.get(0).effectiveFrom()).isEqualTo(vn("2026-04-01"));
        assertThat(items.get(1).title()).isEqualTo("Quy trình kiểm soát tài liệu");

        DocumentView scheduled = readModels.documentQueries.handle(new FetchDocumentQuery("doc-mtcl", null)).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(DocumentStatus.SCHEDULED);
        assertThat(scheduled.revision()).isEqualTo(1);
    }

    @Test
    void asOfShowsTheDocumentAsItStoodThen() {
        DocumentRevisedEvent revise = revised(issue, 2, "Bản sửa đổi lần 2", vn("2026-03-01"), vn("2026-02-10"));
        DocumentWithdrawnEvent withdraw = withdrawn(issue, 2, vn("2026-06-01"), null, vn("2026-05-20"));
        readModels.deliver(new Delivery(issue, 0, "evt-1"), new Delivery(revise, 1, "evt-2"), new Delivery(withdraw, 2, "evt-3"));

        assertThat(readModels.documentQueries.handle(new FetchDocumentQuery("doc-qt01", vn("2026-01-09")))).isEmpty();
        assertThat(asOf(vn("2026-01-10")).revision()).isEqualTo(1);
        assertThat(asOf(vn("2026-02-28")).title()).isEqualTo("Quy trình kiểm soát tài liệu");
        assertThat(asOf(vn("2026-03-01")).title()).isEqualTo("Bản sửa đổi lần 2");
        assertThat(asOf(vn("2026-03-01")).status()).isEqualTo(DocumentStatus.EFFECTIVE);
        DocumentView afterWithdrawal = asOf(vn("2026-07-01"));
        assertThat(afterWithdrawal.status()).isEqualTo(DocumentStatus.WITHDRAWN);
        assertThat(afterWithdrawal.revision()).isEqualTo(2);
        assertThat(afterWithdrawal.withdrawal()).isNotNull();
    }

    @Test
    void vietnameseTextComesBackExactlyAsRecorded() {
        DocumentIssuedEvent vietnamese = issued("doc-ks", "ubnd-phuong-da-kao", DocumentType.PROCEDURE, "QT-ĐK-01",
                "Đăng ký khai sinh, khai tử và kết hôn — Ủy ban nhân dân phường Đa Kao", vn("2026-01-10"));
        readModels.deliver(new Delivery(vietnamese, 0, "evt-1"));

        Revision revision = readModels.revisionQueries.handle(new FetchRevisionQuery("doc-ks", 1)).orElseThrow();
        assertThat(revision.title()).isEqualTo(vietnamese.title());
        assertThat(revision.content()).isEqualTo(vietnamese.content());
        assertThat(revision.code()).isEqualTo("QT-ĐK-01");
        assertThat(Normalizer.isNormalized(revision.title(), Normalizer.Form.NFC)).isTrue();
        assertThat(Normalizer.isNormalized(revision.content(), Normalizer.Form.NFC)).isTrue();
        assertThat(revision.approval().approvedBy()).isEqualTo("Nguyễn Văn Định");
        assertThat(revision.contentSha256()).isEqualTo(vn.qms.doccontrol.query.support.SampleDocuments.sha256(revision.content()));
        assertThat(readModels.registerQueries.handle(FetchRegisterQuery.fromParameters(null, null, null, null, null, null, null))
                .items().get(0).title()).isEqualTo(vietnamese.title());
    }

    @Test
    void searchFindsTitlesAndCodesWithOrWithoutDiacritics() {
        readModels.deliver(
                new Delivery(issue, 0, "evt-1"),
                new Delivery(issued("doc-qt03", QUAN_1, DocumentType.PROCEDURE, "QT-03", "Quy trình đánh giá nội bộ",
                        vn("2026-01-10")), 0, "evt-2"),
                new Delivery(issued("doc-dk", QUAN_1, DocumentType.FORM, "ĐK-01", "Đăng ký kết hôn", vn("2026-01-10")), 0, "evt-3"));

        assertThat(codesFound("kiem soat tai lieu")).containsExactly("QT-01");
        assertThat(codesFound("Kiểm Soát")).containsExactly("QT-01");
        assertThat(codesFound("danh gia noi bo")).containsExactly("QT-03");
        assertThat(codesFound("ĐÁNH GIÁ")).containsExactly("QT-03");
        assertThat(codesFound("dang ky")).containsExactly("ĐK-01");
        assertThat(codesFound("dk-01")).containsExactly("ĐK-01");
        assertThat(codesFound("quy trinh")).containsExactly("QT-01", "QT-03");
        assertThat(codesFound("qt-0")).containsExactly("QT-01", "QT-03");
        assertThat(codesFound("hồ sơ")).isEmpty();
    }

    @Test
    void searchMatchesTheTitleInForceAtTheMomentAsked() {
        DocumentRevisedEvent renamed = revised(issue, 2, "Quy trình quản lý văn bản", vn("2026-03-01"), vn("2026-02-10"));
        readModels.deliver(new Delivery(issue, 0, "evt-1"), new Delivery(renamed, 1, "evt-2"));

        clock.set(vn("2026-02-15"));
        assertThat(codesFound("kiem soat")).containsExactly("QT-01");
        assertThat(codesFound("quan ly van ban")).isEmpty();

        clock.set(vn("2026-03-02"));
        assertThat(codesFound("kiem soat")).isEmpty();
        assertThat(codesFound("quan ly van ban")).containsExactly("QT-01");
    }

    private List<String> codesFound(String q) {
        return readModels.registerQueries.handle(FetchRegisterQuery.fromParameters(null, null, null, q, null, null, null))
                .items().stream().map(RegisterItem::code).toList();
    }

    private DocumentStatus statusNow() {
        return readModels.documentQueries.handle(new FetchDocumentQuery("doc-qt01", null)).orElseThrow().status();
    }

    private DocumentView asOf(java.time.Instant moment) {
        return readModels.documentQueries.handle(new FetchDocumentQuery("doc-qt01", moment)).orElseThrow();
    }
}
