package vn.qms.doccontrol.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.qms.doccontrol.command.document.IssueDocumentCommand;
import vn.qms.doccontrol.command.document.WithdrawDocumentCommand;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.platform.web.InvalidFieldException;

/** The request bodies' own rules: normalization, Bean Validation and the mapping to commands. */
class DocumentRequestsTest {

    private static final String ID = "6d1f0c3e-2b7a-4c59-9f0e-5a8b7c6d5e4f";
    private static final Instant NOW = Instant.parse("2026-01-05T03:00:00Z");
    private static final String CONTENT = "1. Mục đích\n\tQuy định cách thức kiểm soát tài liệu.\r\n";
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void validIssueRequestHasNoViolations() {
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "Quy trình kiểm soát tài liệu", CONTENT))).isEmpty();
    }

    @Test
    void organizationIdMustBeASlug() {
        assertThat(violations(issue("UBND-Quan-1", "QT-01", "Tiêu đề", CONTENT))).containsExactly("organizationId");
        assertThat(violations(issue("u", "QT-01", "Tiêu đề", CONTENT))).containsExactly("organizationId");
        assertThat(violations(issue("-ubnd", "QT-01", "Tiêu đề", CONTENT))).containsExactly("organizationId");
        assertThat(violations(issue("a" + "b".repeat(64), "QT-01", "Tiêu đề", CONTENT))).containsExactly("organizationId");
        assertThat(violations(issue("a" + "b".repeat(63), "QT-01", "Tiêu đề", CONTENT))).isEmpty();
    }

    @Test
    void titleLengthIsCountedInCodePointsAfterNfc() {
        // 300 NFC characters, each "ệ" typed as three code points: valid only once normalized.
        String decomposed = Normalizer.normalize("ệ".repeat(300), Normalizer.Form.NFD);
        assertThat(decomposed.length()).isEqualTo(900);
        IssueDocumentRequest request = issue("ubnd-quan-1", "QT-01", decomposed, CONTENT);

        assertThat(violations(request)).isEmpty();
        assertThat(request.title()).isEqualTo("ệ".repeat(300));
    }

    @Test
    void titleOfSupplementaryCharactersCountsEachOnce() {
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "𠀀".repeat(300), CONTENT))).isEmpty();
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "𠀀".repeat(301), CONTENT))).containsExactly("title");
    }

    @Test
    void titleOverThreeHundredCharactersIsRefused() {
        assertThat(messages(issue("ubnd-quan-1", "QT-01", "a".repeat(301), CONTENT)))
                .containsExactly("title: must be at most 300 characters");
    }

    @Test
    void codeAndTitleAreStrippedAndBlankOnesRefused() {
        IssueDocumentRequest padded = issue("ubnd-quan-1", "  QT-01 ", "\tQuy trình đánh giá nội bộ  ", CONTENT);
        assertThat(padded.code()).isEqualTo("QT-01");
        assertThat(padded.title()).isEqualTo("Quy trình đánh giá nội bộ");
        assertThat(messages(issue("ubnd-quan-1", "   ", " ", CONTENT)))
                .containsExactlyInAnyOrder("code: must not be blank", "title: must not be blank");
    }

    @Test
    void codeOverFortyCharactersIsRefused() {
        assertThat(violations(issue("ubnd-quan-1", "Q".repeat(40), "Tiêu đề", CONTENT))).isEmpty();
        assertThat(violations(issue("ubnd-quan-1", "Q".repeat(41), "Tiêu đề", CONTENT))).containsExactly("code");
    }

    @Test
    void controlCharactersAreRefusedInOneLineFields() {
        assertThat(violations(issue("ubnd-quan-1", "QT\u000701", "Quy trình\nkiểm soát", CONTENT)))
                .containsExactlyInAnyOrder("code", "title");
    }

    @Test
    void contentAllowsTabAndLineBreaksButNoOtherControlCharacter() {
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "Tiêu đề", CONTENT))).isEmpty();
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "Tiêu đề", "Nội dung\u0000"))).containsExactly("content");
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "Tiêu đề", "Nội dung\u001b[31m"))).containsExactly("content");
    }

    @Test
    void unpairedSurrogateIsRefused() {
        assertThat(violations(issue("ubnd-quan-1", "QT-01", "Tiêu đề", "Nội dung \ud800"))).containsExactly("content");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        IssueDocumentRequest empty = new IssueDocumentRequest(null, null, null, null, null, null, null);
        assertThat(violations(empty)).containsExactlyInAnyOrder("organizationId", "type", "code", "title", "content");
    }

    @Test
    void contentOfExactlyOneMebibyteOfUtf8IsAccepted() {
        String content = "ệ".repeat(RequestText.MAX_CONTENT_BYTES / 3) + "a".repeat(RequestText.MAX_CONTENT_BYTES % 3);
        assertThat(content.getBytes(StandardCharsets.UTF_8)).hasSize(RequestText.MAX_CONTENT_BYTES);

        IssueDocumentCommand command = issue("ubnd-quan-1", "QT-01", "Tiêu đề", content).toCommand(ID, "secretary", NOW);

        assertThat(command.content()).isEqualTo(content);
    }

    @Test
    void contentOverOneMebibyteAfterNfcIsAnsweredPayloadTooLarge() {
        // Under the limit in characters, over it in UTF-8 bytes: "ệ" is three bytes.
        String content = "ệ".repeat(RequestText.MAX_CONTENT_BYTES / 3 + 1);

        assertThatThrownBy(() -> issue("ubnd-quan-1", "QT-01", "Tiêu đề", content).toCommand(ID, "secretary", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(e.field()).isEqualTo("content");
                });
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        String text = "Quy trình 𠀀 ☃ ệ\n";
        assertThat(RequestText.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void issueCommandTakesEffectNowWhenNoMomentIsGiven() {
        IssueDocumentCommand command = issue("ubnd-quan-1", "QT-01", "Tiêu đề", CONTENT).toCommand(ID, "secretary", NOW);

        assertThat(command.effectiveFrom()).isEqualTo(NOW);
        assertThat(command.requestedAt()).isEqualTo(NOW);
        assertThat(command.requestedBy()).isEqualTo("secretary");
    }

    @Test
    void dateMeansMidnightInVietnamAndApprovalIsMapped() {
        IssueDocumentRequest request = new IssueDocumentRequest("ubnd-quan-1", DocumentType.PROCEDURE, "QT-01",
                "Quy trình kiểm soát tài liệu", CONTENT, "2026-01-05", approval("2026-01-05"));

        IssueDocumentCommand command = request.toCommand(ID, "secretary", NOW);

        assertThat(command.effectiveFrom()).isEqualTo(Instant.parse("2026-01-04T17:00:00Z"));
        assertThat(command.approval()).isEqualTo(new Approval("Nguyễn Văn A", "Chủ tịch UBND Quận 1",
                Instant.parse("2026-01-04T17:00:00Z"), "Quyết định số 123/QĐ-UBND"));
    }

    @Test
    void unreadableApprovalDateNamesItsNestedField() {
        IssueDocumentRequest request = new IssueDocumentRequest("ubnd-quan-1", DocumentType.PROCEDURE, "QT-01",
                "Tiêu đề", CONTENT, null, approval("05/01/2026"));

        assertThatThrownBy(() -> request.toCommand(ID, "secretary", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("approval.approvedAt"));
    }

    @Test
    void approvalFieldsAreRequiredWhenApprovalIsPresent() {
        IssueDocumentRequest request = new IssueDocumentRequest("ubnd-quan-1", DocumentType.PROCEDURE, "QT-01",
                "Tiêu đề", CONTENT, null, new ApprovalRequest(" ", null, "", "x".repeat(201)));

        assertThat(violations(request)).containsExactlyInAnyOrder("approval.approvedBy", "approval.position",
                "approval.approvedAt", "approval.decisionNumber");
    }

    @Test
    void revisionMayOmitTheTitleButNotBlankIt() {
        assertThat(violations(revise(1, null, "Sửa đổi", "Rà soát"))).isEmpty();
        assertThat(violations(revise(1, " ", "Sửa đổi", "Rà soát"))).containsExactly("title");
    }

    @Test
    void revisionNeedsAPositiveExpectedRevisionAndNonBlankSummaryAndReason() {
        assertThat(violations(revise(0, null, "", "\n"))).containsExactlyInAnyOrder("expectedRevision", "changeSummary",
                "changeReason");
    }

    @Test
    void changeSummaryOverTwoThousandCharactersIsRefused() {
        assertThat(violations(revise(1, null, "ệ".repeat(2000), "Rà soát"))).isEmpty();
        assertThat(violations(revise(1, null, "ệ".repeat(2001), "Rà soát"))).containsExactly("changeSummary");
    }

    @Test
    void withdrawalReasonIsRequired() {
        assertThat(violations(new WithdrawDocumentRequest(null, null, null))).containsExactly("reason");
    }

    @Test
    void supersedingDocumentIdIsReadCaseInsensitively() {
        WithdrawDocumentCommand command = new WithdrawDocumentRequest("Thay thế", ID.toUpperCase(), null)
                .toCommand("0b9e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "secretary", NOW);

        assertThat(command.supersededBy()).isEqualTo(ID);
    }

    @Test
    void supersedingDocumentIdThatIsNoUuidIsAnUnknownDocument() {
        assertThatThrownBy(() -> new WithdrawDocumentRequest("Thay thế", "QT-02", null).toCommand(ID, "secretary", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("supersededBy");
                });
    }

    @Test
    void scheduledWithdrawalKeepsItsMoment() {
        WithdrawDocumentCommand command = new WithdrawDocumentRequest("Bãi bỏ", null, "2026-12-31T00:00:00+07:00")
                .toCommand(ID, "secretary", NOW);

        assertThat(command.effectiveFrom()).isEqualTo(Instant.parse("2026-12-30T17:00:00Z"));
        assertThat(command.requestedAt()).isEqualTo(NOW);
    }

    private static IssueDocumentRequest issue(String organizationId, String code, String title, String content) {
        return new IssueDocumentRequest(organizationId, DocumentType.PROCEDURE, code, title, content, null, null);
    }

    private static ReviseDocumentRequest revise(int expectedRevision, String title, String summary, String reason) {
        return new ReviseDocumentRequest(expectedRevision, title, CONTENT, summary, reason, null, null);
    }

    private static ApprovalRequest approval(String approvedAt) {
        return new ApprovalRequest("Nguyễn Văn A", "Chủ tịch UBND Quận 1", approvedAt, "Quyết định số 123/QĐ-UBND");
    }

    private static Set<String> violations(Object request) {
        return validator.validate(request).stream()
                .map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    private static Set<String> messages(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.toSet());
    }
}
