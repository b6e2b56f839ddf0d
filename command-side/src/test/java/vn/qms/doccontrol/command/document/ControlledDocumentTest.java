package vn.qms.doccontrol.command.document;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;

class ControlledDocumentTest {

    private static final String ID = "6d1f0c3e-2b7a-4c59-9f0e-5a8b7c6d5e4f";
    private static final String SUCCESSOR_ID = "0b9e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String ORG = "ubnd-quan-1";
    private static final String CODE = "QT-01";
    private static final String TITLE = "Quy trình kiểm soát tài liệu";
    private static final String CONTENT = "1. Mục đích\nQuy định cách thức kiểm soát tài liệu của Hệ thống quản lý chất lượng.";
    private static final String SECRETARY = "thu-ky-iso";
    private static final Instant ISSUED_AT = Instant.parse("2026-01-05T01:00:00Z");
    private static final Instant EFFECTIVE = Instant.parse("2026-01-04T17:00:00Z"); // 2026-01-05 00:00 in Việt Nam
    private static final Approval APPROVAL = new Approval("Nguyễn Văn A", "Chủ tịch UBND Quận 1",
            Instant.parse("2026-01-04T17:00:00Z"), "Quyết định số 123/QĐ-UBND");

    private FixtureConfiguration<ControlledDocument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ControlledDocument.class);
    }

    // --- issue -------------------------------------------------------------------------------

    @Test
    void shouldIssueRevisionOneRecordedByTheRequester() {
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(ID, ORG, DocumentType.PROCEDURE, CODE, TITLE, CONTENT, EFFECTIVE,
                        APPROVAL, SECRETARY, ISSUED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued());
    }

    @Test
    void shouldStoreIssuedTextInNfcAndHashTheNfcUtf8Bytes() {
        String decomposedTitle = nfd(TITLE);
        String decomposedContent = nfd(CONTENT);
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(ID, ORG, DocumentType.PROCEDURE, nfd("QT-ĐÔ"), decomposedTitle,
                        decomposedContent, EFFECTIVE, null, SECRETARY, ISSUED_AT))
                .expectEvents(new DocumentIssuedEvent(ID, ORG, DocumentType.PROCEDURE, "QT-ĐÔ", TITLE, CONTENT,
                        independentSha256(CONTENT), 1, EFFECTIVE, null, SECRETARY, ISSUED_AT));
    }

    @Test
    void shouldNormalizeApprovalTextToNfc() {
        Approval decomposed = new Approval(nfd(APPROVAL.approvedBy()), nfd(APPROVAL.position()), APPROVAL.approvedAt(),
                nfd(APPROVAL.decisionNumber()));
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(ID, ORG, DocumentType.PROCEDURE, CODE, TITLE, CONTENT, EFFECTIVE,
                        decomposed, SECRETARY, ISSUED_AT))
                .expectEvents(issued());
    }

    @Test
    void shouldRejectIssueWithBlankContent() {
        fixture.givenNoPriorActivity()
                .when(new IssueDocumentCommand(ID, ORG, DocumentType.PROCEDURE, CODE, TITLE, " \n\t", EFFECTIVE,
                        null, SECRETARY, ISSUED_AT))
                .expectNoEvents()
                .expectException(fieldError("content"));
    }

    // --- revise ------------------------------------------------------------------------------

    @Test
    void shouldRecordNextRevisionWithNewTitleAndReturnItsNumber() {
        String title = "Quy trình kiểm soát tài liệu và hồ sơ";
        String content = CONTENT + "\n2. Phạm vi áp dụng: các phòng ban chuyên môn.";
        Instant effective = EFFECTIVE.plus(Duration.ofDays(30));
        Instant requestedAt = ISSUED_AT.plus(Duration.ofDays(20));
        fixture.given(issued())
                .when(new ReviseDocumentCommand(ID, 1, title, content, "Bổ sung phạm vi áp dụng",
                        "Kết quả đánh giá nội bộ năm 2026", effective, APPROVAL, "nguyen-thi-b", requestedAt))
                .expectResultMessagePayload(2)
                .expectEvents(new DocumentRevisedEvent(ID, ORG, CODE, 2, title, content, independentSha256(content),
                        "Bổ sung phạm vi áp dụng", "Kết quả đánh giá nội bộ năm 2026", effective, APPROVAL,
                        "nguyen-thi-b", requestedAt));
    }

    @Test
    void shouldKeepCurrentTitleWhenRevisionGivesNone() {
        String renamed = "Quy trình kiểm soát tài liệu nội bộ";
        fixture.given(issued(), revised(2, renamed, EFFECTIVE.plus(Duration.ofDays(1))))
                .when(revise(2, null, EFFECTIVE.plus(Duration.ofDays(2))))
                .expectEvents(revised(3, renamed, EFFECTIVE.plus(Duration.ofDays(2))));
    }

    @Test
    void shouldStoreRevisedTextInNfcAndHashTheNfcUtf8Bytes() {
        String content = "Hướng dẫn áp dụng ISO điện tử cho thủ tục Đăng ký khai sinh.";
        Instant effective = EFFECTIVE.plus(Duration.ofDays(3));
        fixture.given(issued())
                .when(new ReviseDocumentCommand(ID, 1, nfd("Quy trình đăng ký khai sinh"), nfd(content),
                        nfd("Thay đổi toàn bộ nội dung"), nfd("Chuyển sang ISO điện tử"), effective, null, SECRETARY,
                        ISSUED_AT))
                .expectEvents(new DocumentRevisedEvent(ID, ORG, CODE, 2, "Quy trình đăng ký khai sinh", content,
                        independentSha256(content), "Thay đổi toàn bộ nội dung", "Chuyển sang ISO điện tử", effective,
                        null, SECRETARY, ISSUED_AT));
    }

    @Test
    void shouldRejectRevisionOfAnEarlierRevision() {
        fixture.given(issued(), revised(2, TITLE, EFFECTIVE))
                .when(revise(1, TITLE, EFFECTIVE))
                .expectNoEvents()
                .expectException(staleRevision(1, 2));
    }

    @Test
    void shouldRejectRevisionOfARevisionNotYetRecorded() {
        fixture.given(issued())
                .when(revise(2, TITLE, EFFECTIVE))
                .expectNoEvents()
                .expectException(staleRevision(2, 1));
    }

    @Test
    void shouldRejectRevisionWithBlankChangeSummary() {
        fixture.given(issued())
                .when(new ReviseDocumentCommand(ID, 1, null, CONTENT, "   ", "Rà soát định kỳ", EFFECTIVE, null,
                        SECRETARY, ISSUED_AT))
                .expectNoEvents()
                .expectException(fieldError("changeSummary"));
    }

    @Test
    void shouldRejectRevisionWithBlankChangeReason() {
        fixture.given(issued())
                .when(new ReviseDocumentCommand(ID, 1, null, CONTENT, "Sửa lỗi chính tả", "", EFFECTIVE, null,
                        SECRETARY, ISSUED_AT))
                .expectNoEvents()
                .expectException(fieldError("changeReason"));
    }

    @Test
    void shouldRejectRevisionWithBlankTitle() {
        fixture.given(issued())
                .when(revise(1, "  ", EFFECTIVE))
                .expectNoEvents()
                .expectException(fieldError("title"));
    }

    @Test
    void shouldRejectRevisionOfWithdrawnDocument() {
        fixture.given(issued(), withdrawn(1, null, EFFECTIVE.plus(Duration.ofDays(10))))
                .when(revise(1, TITLE, EFFECTIVE.plus(Duration.ofDays(20))))
                .expectNoEvents()
                .expectException(DocumentWithdrawnException.class);
    }

    @Test
    void shouldRejectRevisionOfDocumentWhoseWithdrawalIsOnlyScheduled() {
        Instant future = ISSUED_AT.plus(Duration.ofDays(365));
        fixture.given(issued(), withdrawn(1, null, future))
                .when(revise(1, TITLE, EFFECTIVE.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(DocumentWithdrawnException.class);
    }

    @Test
    void shouldRejectRevisionTakingEffectBeforeThePreviousRevision() {
        Instant previous = EFFECTIVE.plus(Duration.ofDays(30));
        fixture.given(issued(), revised(2, TITLE, previous))
                .when(revise(2, TITLE, previous.minusSeconds(1)))
                .expectNoEvents()
                .expectException(tooEarly(previous));
    }

    @Test
    void shouldAcceptRevisionTakingEffectAtTheSameMomentAsThePreviousRevision() {
        fixture.given(issued())
                .when(revise(1, TITLE, EFFECTIVE))
                .expectEvents(revised(2, TITLE, EFFECTIVE));
    }

    @Test
    void shouldReviseADocumentLoadedWithoutItsContent() {
        // The event store leaves content out when it loads a document (SnapshotConfiguration).
        fixture.given(issuedWithoutContent(), new DocumentRevisedEvent(ID, ORG, CODE, 2, TITLE, null,
                        independentSha256(CONTENT), "Rà soát định kỳ", "Theo kết quả xem xét của lãnh đạo",
                        EFFECTIVE.plus(Duration.ofDays(1)), null, SECRETARY, ISSUED_AT))
                .when(revise(2, null, EFFECTIVE.plus(Duration.ofDays(2))))
                .expectEvents(revised(3, TITLE, EFFECTIVE.plus(Duration.ofDays(2))));
    }

    @Test
    void shouldWithdrawADocumentLoadedWithoutItsContent() {
        fixture.given(issuedWithoutContent())
                .when(withdraw(null, ISSUED_AT))
                .expectEvents(withdrawn(1, null, ISSUED_AT));
    }

    private static DocumentIssuedEvent issuedWithoutContent() {
        return new DocumentIssuedEvent(ID, ORG, DocumentType.PROCEDURE, CODE, TITLE, null, independentSha256(CONTENT),
                1, EFFECTIVE, APPROVAL, SECRETARY, ISSUED_AT);
    }

    // --- withdraw ----------------------------------------------------------------------------

    @Test
    void shouldWithdrawAtTheLatestRevision() {
        Instant at = EFFECTIVE.plus(Duration.ofDays(40));
        fixture.given(issued(), revised(2, TITLE, EFFECTIVE.plus(Duration.ofDays(1))))
                .when(new WithdrawDocumentCommand(ID, "Thủ tục hành chính đã được bãi bỏ", null, at, SECRETARY, at))
                .expectEvents(new DocumentWithdrawnEvent(ID, ORG, CODE, 2, "Thủ tục hành chính đã được bãi bỏ", null,
                        at, SECRETARY, at));
    }

    @Test
    void shouldReturnWhatReleasesTheCodeOfTheWithdrawnDocument() {
        fixture.given(issued())
                .when(withdraw(null, ISSUED_AT))
                .expectResultMessagePayload(new WithdrawalOutcome(ID, ORG, CODE, 1, ISSUED_AT));
    }

    @Test
    void shouldRecordTheSupersedingDocument() {
        fixture.given(issued())
                .when(withdraw(SUCCESSOR_ID, ISSUED_AT))
                .expectEvents(withdrawn(1, SUCCESSOR_ID, ISSUED_AT));
    }

    @Test
    void shouldScheduleWithdrawalForALaterMoment() {
        Instant endOfYear = Instant.parse("2026-12-30T17:00:00Z");
        fixture.given(issued())
                .when(new WithdrawDocumentCommand(ID, "Thay thế bằng quy trình mới", null, endOfYear, SECRETARY, ISSUED_AT))
                .expectEvents(new DocumentWithdrawnEvent(ID, ORG, CODE, 1, "Thay thế bằng quy trình mới", null,
                        endOfYear, SECRETARY, ISSUED_AT))
                .expectResultMessagePayload(new WithdrawalOutcome(ID, ORG, CODE, 1, endOfYear));
    }

    @Test
    void shouldStoreWithdrawalReasonInNfc() {
        String reason = "Sáp nhập đơn vị hành chính";
        fixture.given(issued())
                .when(new WithdrawDocumentCommand(ID, nfd(reason), null, ISSUED_AT, SECRETARY, ISSUED_AT))
                .expectEvents(new DocumentWithdrawnEvent(ID, ORG, CODE, 1, reason, null, ISSUED_AT, SECRETARY, ISSUED_AT));
    }

    @Test
    void shouldRejectSecondWithdrawal() {
        fixture.given(issued(), withdrawn(1, null, ISSUED_AT))
                .when(withdraw(null, ISSUED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectException(DocumentWithdrawnException.class);
    }

    @Test
    void shouldRejectWithdrawalSupersededByTheDocumentItself() {
        fixture.given(issued())
                .when(withdraw(ID, ISSUED_AT))
                .expectNoEvents()
                .expectException(fieldError("supersededBy"));
    }

    @Test
    void shouldRejectWithdrawalWithBlankReason() {
        fixture.given(issued())
                .when(new WithdrawDocumentCommand(ID, "\t ", null, ISSUED_AT, SECRETARY, ISSUED_AT))
                .expectNoEvents()
                .expectException(fieldError("reason"));
    }

    @Test
    void shouldRejectWithdrawalTakingEffectBeforeTheLatestRevision() {
        Instant scheduledRevision = ISSUED_AT.plus(Duration.ofDays(60));
        fixture.given(issued(), revised(2, TITLE, scheduledRevision))
                .when(withdraw(null, scheduledRevision.minus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(tooEarly(scheduledRevision));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static DocumentIssuedEvent issued() {
        return new DocumentIssuedEvent(ID, ORG, DocumentType.PROCEDURE, CODE, TITLE, CONTENT, independentSha256(CONTENT),
                1, EFFECTIVE, APPROVAL, SECRETARY, ISSUED_AT);
    }

    private static ReviseDocumentCommand revise(int expectedRevision, String title, Instant effectiveFrom) {
        return new ReviseDocumentCommand(ID, expectedRevision, title, CONTENT, "Rà soát định kỳ",
                "Theo kết quả xem xét của lãnh đạo", effectiveFrom, null, SECRETARY, ISSUED_AT);
    }

    private static DocumentRevisedEvent revised(int revision, String title, Instant effectiveFrom) {
        return new DocumentRevisedEvent(ID, ORG, CODE, revision, title, CONTENT, independentSha256(CONTENT),
                "Rà soát định kỳ", "Theo kết quả xem xét của lãnh đạo", effectiveFrom, null, SECRETARY, ISSUED_AT);
    }

    private static WithdrawDocumentCommand withdraw(String supersededBy, Instant effectiveFrom) {
        return new WithdrawDocumentCommand(ID, "Thủ tục hành chính đã được bãi bỏ", supersededBy, effectiveFrom,
                SECRETARY, ISSUED_AT);
    }

    private static DocumentWithdrawnEvent withdrawn(int revision, String supersededBy, Instant effectiveFrom) {
        return new DocumentWithdrawnEvent(ID, ORG, CODE, revision, "Thủ tục hành chính đã được bãi bỏ", supersededBy,
                effectiveFrom, SECRETARY, ISSUED_AT);
    }

    private static String nfd(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        if (decomposed.equals(text) && !text.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("Test text should change under NFD: " + text);
        }
        return decomposed;
    }

    /** Computed here rather than with DocumentText, so that a wrong hash in the aggregate shows. */
    private static String independentSha256(String nfcText) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nfcText.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Matcher<?> fieldError(String field) {
        return allOf(instanceOf(DocumentFieldException.class),
                new FeatureMatcher<Object, String>(Matchers.equalTo(field), "field", "field") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((DocumentFieldException) actual).field();
                    }
                });
    }

    private static Matcher<?> staleRevision(int expected, int latest) {
        return allOf(instanceOf(StaleRevisionException.class),
                new FeatureMatcher<Object, String>(Matchers.equalTo(expected + "/" + latest), "expected/latest", "revisions") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        StaleRevisionException stale = (StaleRevisionException) actual;
                        return stale.expectedRevision() + "/" + stale.latestRevision();
                    }
                });
    }

    private static Matcher<?> tooEarly(Instant notBefore) {
        return allOf(instanceOf(EffectiveFromTooEarlyException.class),
                new FeatureMatcher<Object, Instant>(Matchers.equalTo(notBefore), "notBefore", "notBefore") {
                    @Override
                    protected Instant featureValueOf(Object actual) {
                        return ((EffectiveFromTooEarlyException) actual).notBefore();
                    }
                });
    }
}
