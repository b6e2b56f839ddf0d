package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import vn.qms.doccontrol.command.document.WithdrawDocumentCommand;

@Schema(description = "Withdraw a document, now or from a later moment. Its code becomes free for a new document.")
public record WithdrawDocumentRequest(
        @Schema(description = "Why it is withdrawn", example = "Thủ tục hành chính đã được bãi bỏ", maxLength = 2000)
        @NotNull @ValidText(maxLength = 2000, multiline = true) String reason,
        @Schema(description = "The id of the document of the same organization that replaces it",
                example = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b", nullable = true)
        String supersededBy,
        @Schema(description = "When the withdrawal takes effect, not before the latest revision does: ISO-8601 instant "
                + "with offset, or a date meaning 00:00 in Việt Nam; now when absent", example = "2026-06-30", nullable = true)
        String effectiveFrom) {

    public WithdrawDocumentRequest {
        reason = RequestText.nfc(reason);
        supersededBy = supersededBy == null || supersededBy.isBlank() ? null : supersededBy.strip();
    }

    WithdrawDocumentCommand toCommand(String documentId, String actor, Instant now) {
        String successor = supersededBy == null ? null : DocumentIds.require("supersededBy", supersededBy);
        return new WithdrawDocumentCommand(documentId, reason, successor, EffectiveFrom.orNow(effectiveFrom, now), actor, now);
    }
}
