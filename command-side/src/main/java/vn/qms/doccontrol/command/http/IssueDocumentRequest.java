package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import vn.qms.doccontrol.command.document.DocumentText;
import vn.qms.doccontrol.command.document.IssueDocumentCommand;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.OrganizationIds;

@Schema(description = "Issue revision 1 of a new controlled document. Text is stored NFC-normalized.")
public record IssueDocumentRequest(
        @Schema(description = "The organization (slug)", example = "ubnd-quan-1", pattern = OrganizationIds.PATTERN)
        @NotNull @Pattern(regexp = OrganizationIds.PATTERN, message = "must be a slug: lower-case letters, digits and '-', 2 to 64 characters")
        String organizationId,
        @Schema(description = "The kind of document", example = "PROCEDURE")
        @NotNull DocumentType type,
        @Schema(description = "The document's code, unique (ignoring case) among the organization's documents that are not withdrawn",
                example = "QT-01", maxLength = 40)
        @NotNull @ValidText(maxLength = 40) String code,
        @Schema(description = "Title", example = "Quy trình kiểm soát tài liệu", maxLength = 300)
        @NotNull @ValidText(maxLength = 300) String title,
        @Schema(description = "Full text, at most 1 MiB of UTF-8", example = "1. Mục đích: Quy định cách thức kiểm soát tài liệu của Hệ thống quản lý chất lượng.")
        @NotNull @ValidText(multiline = true) String content,
        @Schema(description = "When revision 1 takes effect: ISO-8601 instant with offset, or a date meaning 00:00 in Việt Nam; now when absent",
                example = "2026-01-05", nullable = true)
        String effectiveFrom,
        @Schema(nullable = true)
        @Valid ApprovalRequest approval) {

    public IssueDocumentRequest {
        code = RequestText.nfcStripped(code);
        title = RequestText.nfcStripped(title);
        content = RequestText.nfc(content);
    }

    IssueDocumentCommand toCommand(String documentId, String actor, Instant now) {
        RequestText.requireContentWithinLimit(content);
        return new IssueDocumentCommand(documentId, organizationId, type, code, title, content,
                EffectiveFrom.orNow(effectiveFrom, now), ApprovalRequest.toApproval(approval), actor, now);
    }

    /** Content by its size only: see {@link DocumentText#forLogs}. */
    @Override
    public String toString() {
        return "IssueDocumentRequest[organizationId=" + organizationId + ", type=" + type + ", code=" + code + ", title=" + title
                + ", content=" + DocumentText.forLogs(content) + ", effectiveFrom=" + effectiveFrom + ", approval=" + approval + "]";
    }
}
