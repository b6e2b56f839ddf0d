package vn.qms.doccontrol.query.revisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentType;

/** One revision of a document with its content, exactly as recorded (NFC text, SHA-256 of it). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One revision of a document, with its content.")
public record Revision(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        int revision,
        String title,
        String content,
        @Schema(description = "Hex SHA-256 of the UTF-8 bytes of content.")
        String contentSha256,
        Instant effectiveFrom,
        @Schema(description = "What changed; null for revision 1.", nullable = true)
        String changeSummary,
        @Schema(description = "Why it changed; null for revision 1.", nullable = true)
        String changeReason,
        Approval approval,
        String recordedBy,
        Instant recordedAt) {

    static Revision of(RevisionSummary summary, String content) {
        return new Revision(summary.documentId(), summary.organizationId(), summary.type(), summary.code(),
                summary.revision(), summary.title(), content, summary.contentSha256(), summary.effectiveFrom(),
                summary.changeSummary(), summary.changeReason(), summary.approval(), summary.recordedBy(),
                summary.recordedAt());
    }
}
