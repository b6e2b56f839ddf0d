package vn.qms.doccontrol.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One recorded event of the audit trail: who did what to which document, and when. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One event of the audit trail, in commit order.")
public record AuditEntry(
        String eventId,
        @Schema(allowableValues = {"DocumentIssued", "DocumentRevised", "DocumentWithdrawn"})
        String eventType,
        String documentId,
        String organizationId,
        String code,
        @Schema(description = "The revision recorded; for a withdrawal the latest revision when it was withdrawn.")
        int revision,
        @Schema(description = "Title of the revision recorded; null for a withdrawal.", nullable = true)
        String title,
        String actor,
        @Schema(description = "When the event was recorded.")
        Instant occurredAt,
        Instant effectiveFrom,
        @Schema(description = "The change summary of a revision; else null.", nullable = true)
        String summary,
        @Schema(description = "The change reason of a revision or the reason of a withdrawal; else null.", nullable = true)
        String reason,
        @Schema(description = "For a withdrawal, the document that replaces this one, if any.", nullable = true)
        String supersededBy,
        @Schema(description = "SHA-256 of the content recorded; null for a withdrawal.", nullable = true)
        String contentSha256) {

    public static final String DOCUMENT_ISSUED = "DocumentIssued";
    public static final String DOCUMENT_REVISED = "DocumentRevised";
    public static final String DOCUMENT_WITHDRAWN = "DocumentWithdrawn";
}
