package vn.qms.doccontrol.query.register;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentType;

class DocumentTimelineTest {

    private final DocumentIssuedEvent issue = issued("doc-1", QUAN_1, DocumentType.PROCEDURE, "QT-01",
            "Quy trình kiểm soát tài liệu", vn("2026-01-10"));
    private final DocumentTimeline issuedOnly = DocumentTimeline.issued(issue, 0L);

    @Test
    void nothingIsInForceBeforeTheFirstRevisionAndTheDocumentIsScheduled() {
        Instant before = vn("2026-01-10").minusNanos(1);

        assertThat(issuedOnly.asOf(before)).isEmpty();
        DocumentState now = issuedOnly.at(before);
        assertThat(now.status()).isEqualTo(DocumentStatus.SCHEDULED);
        assertThat(now.inForce()).isFalse();
        assertThat(now.revision().revision()).isEqualTo(1);
    }

    @Test
    void aRevisionIsInForceFromItsEffectiveMomentInclusive() {
        DocumentState state = issuedOnly.asOf(vn("2026-01-10")).orElseThrow();

        assertThat(state.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(state.revision().revision()).isEqualTo(1);
        assertThat(state.withdrawal()).isNull();
    }

    @Test
    void theLatestRevisionInForceCountsAndAScheduledOneWaits() {
        DocumentTimeline timeline = issuedOnly
                .revised(revised(issue, 2, "Quy trình kiểm soát tài liệu (sửa đổi)", vn("2026-03-01"), vn("2026-02-01")), 1L)
                .revised(revised(issue, 3, "Quy trình kiểm soát tài liệu, lần 3", vn("2026-06-01"), vn("2026-02-15")), 2L);

        assertThat(timeline.latestRevision()).isEqualTo(3);
        assertThat(timeline.at(vn("2026-02-20")).revision().revision()).isEqualTo(1);
        assertThat(timeline.at(vn("2026-03-01")).revision().revision()).isEqualTo(2);
        assertThat(timeline.at(vn("2026-05-31")).revision().title()).isEqualTo("Quy trình kiểm soát tài liệu (sửa đổi)");
        assertThat(timeline.at(vn("2027-01-01")).revision().revision()).isEqualTo(3);
    }

    @Test
    void ofRevisionsInForceFromTheSameMomentTheHigherWins() {
        DocumentTimeline timeline = issuedOnly.revised(revised(issue, 2, "Sửa ngay", vn("2026-01-10"), vn("2026-01-06")), 1L);

        assertThat(timeline.at(vn("2026-01-10")).revision().revision()).isEqualTo(2);
    }

    @Test
    void aWithdrawalCountsFromItsEffectiveMomentAndShowsTheLastRevisionInForce() {
        DocumentTimeline timeline = issuedOnly
                .revised(revised(issue, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-01")), 1L)
                .withdrawn(withdrawn(issue, 2, vn("2026-06-01"), "doc-2", vn("2026-05-01")), 2L);

        DocumentState before = timeline.at(vn("2026-05-31"));
        assertThat(before.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(before.withdrawal()).isNull();

        DocumentState after = timeline.at(vn("2026-06-01"));
        assertThat(after.status()).isEqualTo(DocumentStatus.WITHDRAWN);
        assertThat(after.revision().revision()).isEqualTo(2);
        assertThat(after.withdrawal().supersededBy()).isEqualTo("doc-2");
    }

    @Test
    void anEventAlreadyAppliedChangesNothing() {
        DocumentTimeline revisedOnce = issuedOnly.revised(revised(issue, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-01")), 1L);

        assertThat(revisedOnce.revised(revised(issue, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-01")), 1L)).isSameAs(revisedOnce);
        assertThat(revisedOnce.revised(revised(issue, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-01")), null)).isSameAs(revisedOnce);
        DocumentTimeline withdrawnOnce = revisedOnce.withdrawn(withdrawn(issue, 2, vn("2026-06-01"), null, vn("2026-05-01")), 2L);
        assertThat(withdrawnOnce.withdrawn(withdrawn(issue, 2, vn("2026-06-01"), null, vn("2026-05-01")), 2L)).isSameAs(withdrawnOnce);
        assertThat(withdrawnOnce.lastSequence()).isEqualTo(2L);
    }

    @Test
    void keepsFoldedAndLowerCaseKeysOfCodeAndTitle() {
        DocumentTimeline timeline = DocumentTimeline.issued(issued("doc-9", QUAN_1, DocumentType.FORM, "BM-ĐK-01",
                "Đăng ký khai sinh", vn("2026-01-10")), 0L);

        assertThat(timeline.codeKey()).isEqualTo("bm-dk-01");
        assertThat(timeline.codeSortKey()).isEqualTo("bm-đk-01");
        assertThat(timeline.firstRevision().titleKey()).isEqualTo("dang ky khai sinh");
    }
}
