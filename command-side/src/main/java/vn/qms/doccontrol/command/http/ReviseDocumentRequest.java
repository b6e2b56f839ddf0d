package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import vn.qms.doccontrol.command.document.DocumentText;
import vn.qms.doccontrol.command.document.ReviseDocumentCommand;

@Schema(description = "Record the next revision of a document. Text is stored NFC-normalized.")
public record ReviseDocumentRequest(
        @Schema(description = "The latest revision the change was made from; anything else is answered 409", example = "1", minimum = "1")
        @NotNull @Min(1) Integer expectedRevision,
        @Schema(description = "New title; absent keeps the current one", example = "Quy trình kiểm soát tài liệu và hồ sơ",
                maxLength = 300, nullable = true)
        @ValidText(maxLength = 300) String title,
        @Schema(description = "Full text of the new revision, at most 1 MiB of UTF-8",
                example = "1. Mục đích: Quy định cách thức kiểm soát tài liệu và hồ sơ của Hệ thống quản lý chất lượng.")
        @NotNull @ValidText(multiline = true) String content,
        @Schema(description = "What changed", example = "Bổ sung mục kiểm soát hồ sơ điện tử", maxLength = 2000)
        @NotNull @ValidText(maxLength = 2000, multiline = true) String changeSummary,
        @Schema(description = "Why it changed", example = "Áp dụng ISO điện tử theo Quyết định số 101/QĐ-BKHCN", maxLength = 2000)
        @NotNull @ValidText(maxLength = 2000, multiline = true) String changeReason,
        @Schema(description = "When the revision takes effect, not before the previous one: ISO-8601 instant with offset, "
                + "or a date meaning 00:00 in Việt Nam; now when absent", example = "2026-03-01", nullable = true)
        String effectiveFrom,
        @Schema(nullable = true)
        @Valid ApprovalRequest approval) {

    public ReviseDocumentRequest {
        title = RequestText.nfcStripped(title);
        content = RequestText.nfc(content);
        changeSummary = RequestText.nfc(changeSummary);
        changeReason = RequestText.nfc(changeReason);
    }

    ReviseDocumentCommand toCommand(String documentId, String actor, Instant now) {
        RequestText.requireContentWithinLimit(content);
        return new ReviseDocumentCommand(documentId, expectedRevision, title, content, changeSummary, changeReason,
                EffectiveFrom.orNow(effectiveFrom, now), ApprovalRequest.toApproval(approval), actor, now);
    }

    /** Content by its size only: see {@link DocumentText#forLogs}. */
    @Override
    public String toString() {
        return "ReviseDocumentRequest[expectedRevision=" + expectedRevision + ", title=" + title
                + ", content=" + DocumentText.forLogs(content) + ", effectiveFrom=" + effectiveFrom + ", approval=" + approval + "]";
    }
}
