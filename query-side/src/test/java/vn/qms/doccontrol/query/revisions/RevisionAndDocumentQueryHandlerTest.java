package vn.qms.doccontrol.query.revisions;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.register.DocumentStatus;
import vn.qms.doccontrol.query.support.Delivery;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

class RevisionAndDocumentQueryHandlerTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private TestClock clock;
    private ReadModels readModels;

    private final DocumentIssuedEvent issue = issued("d-1", QUAN_1, DocumentType.WORK_INSTRUCTION, "HD-01",
            "Hướng dẫn tiếp nhận hồ sơ tại bộ phận một cửa", vn("2026-01-10"));
    private final DocumentRevisedEvent second = revised(issue, 2, "Hướng dẫn tiếp nhận hồ sơ điện tử", vn("2026-03-01"), vn("2026-02-10"));
    private final DocumentRevisedEvent third = revised(issue, 3, "Hướng dẫn tiếp nhận hồ sơ trực tuyến", vn("2026-08-01"), vn("2026-02-20"));

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        clock = new TestClock(vn("2026-05-01"));
        readModels = new ReadModels(mongo.database(), clock);
        readModels.deliver(new Delivery(issue, 0, "e1"), new Delivery(second, 1, "e2"), new Delivery(third, 2, "e3"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void listsEveryRevisionInOrderIncludingScheduledOnesWithoutContent() {
        List<RevisionSummary> revisions = readModels.revisionQueries.handle(new FetchRevisionsQuery("d-1")).orElseThrow().revisions();

        assertThat(revisions).extracting(RevisionSummary::revision).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(RevisionSummary::title)
                .containsExactly(issue.title(), second.title(), third.title());
        assertThat(revisions.get(0).changeSummary()).isNull();
        assertThat(revisions.get(1).changeSummary()).isEqualTo(second.changeSummary());
        assertThat(revisions.get(2).contentSha256()).isEqualTo(third.contentSha256());
        assertThat(revisions).allSatisfy(r -> assertThat(r.type()).isEqualTo(DocumentType.WORK_INSTRUCTION));
        assertThat(RevisionSummary.class.getRecordComponents()).extracting(c -> c.getName()).doesNotContain("content");
    }

    @Test
    void answersOneRevisionWithItsContent() {
        Revision revision = readModels.revisionQueries.handle(new FetchRevisionQuery("d-1", 2)).orElseThrow();

        assertThat(revision.content()).isEqualTo(second.content());
        assertThat(revision.changeReason()).isEqualTo(second.changeReason());
        assertThat(revision.approval()).isEqualTo(second.approval());
    }

    @Test
    void unknownDocumentsAndRevisionsAreEmpty() {
        assertThat(readModels.revisionQueries.handle(new FetchRevisionsQuery("d-unknown"))).isEmpty();
        assertThat(readModels.revisionQueries.handle(new FetchRevisionQuery("d-1", 4))).isEmpty();
        assertThat(readModels.revisionQueries.handle(new FetchRevisionQuery("d-unknown", 1))).isEmpty();
        assertThat(readModels.documentQueries.handle(new FetchDocumentQuery("d-unknown", null))).isEmpty();
        assertThat(readModels.documentQueries.handle(new FetchDocumentQuery("d-1:1", null))).isEmpty();
    }

    @Test
    void theDocumentShowsTheRevisionInForceWithItsContent() {
        DocumentView view = readModels.documentQueries.handle(new FetchDocumentQuery("d-1", null)).orElseThrow();

        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.latestRevision()).isEqualTo(3);
        assertThat(view.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(view.content()).isEqualTo(second.content());
        assertThat(view.contentSha256()).isEqualTo(second.contentSha256());
        assertThat(view.effectiveFrom()).isEqualTo(vn("2026-03-01"));
        assertThat(view.recordedBy()).isEqualTo(second.recordedBy());
        assertThat(view.recordedAt()).isEqualTo(second.recordedAt());
        assertThat(view.code()).isEqualTo("HD-01");
        assertThat(view.organizationId()).isEqualTo(QUAN_1);
        assertThat(view.withdrawal()).isNull();
    }

    @Test
    void asOfBeforeIssueIsNotInForceButNowTheSameDocumentIsScheduled() {
        clock.set(vn("2026-01-01"));

        assertThat(readModels.documentQueries.handle(new FetchDocumentQuery("d-1", vn("2026-01-01")))).isEmpty();
        DocumentView now = readModels.documentQueries.handle(new FetchDocumentQuery("d-1", null)).orElseThrow();
        assertThat(now.status()).isEqualTo(DocumentStatus.SCHEDULED);
        assertThat(now.revision()).isEqualTo(1);
        assertThat(now.content()).isEqualTo(issue.content());
    }

    @Test
    void afterAWithdrawalTheLastRevisionInForceIsShownWithTheWithdrawal() {
        readModels.deliver(new Delivery(withdrawn(issue, 3, vn("2026-09-01"), "d-2", vn("2026-05-15")), 3, "e4"));

        DocumentView beforeWithdrawal = asOf(vn("2026-08-31"));
        assertThat(beforeWithdrawal.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(beforeWithdrawal.revision()).isEqualTo(3);
        assertThat(beforeWithdrawal.withdrawal()).as("a withdrawal not yet in force is not shown").isNull();

        DocumentView withdrawn = asOf(vn("2026-09-01"));
        assertThat(withdrawn.status()).isEqualTo(DocumentStatus.WITHDRAWN);
        assertThat(withdrawn.revision()).isEqualTo(3);
        assertThat(withdrawn.content()).isEqualTo(third.content());
        assertThat(withdrawn.withdrawal().supersededBy()).isEqualTo("d-2");
        assertThat(withdrawn.withdrawal().recordedAt()).isEqualTo(vn("2026-05-15"));

        assertThat(asOf(vn("2026-06-15")).revision()).isEqualTo(2);
        assertThat(asOf(vn("2026-06-15")).status()).isEqualTo(DocumentStatus.EFFECTIVE);
    }

    private DocumentView asOf(java.time.Instant moment) {
        return readModels.documentQueries.handle(new FetchDocumentQuery("d-1", moment)).orElseThrow();
    }
}
