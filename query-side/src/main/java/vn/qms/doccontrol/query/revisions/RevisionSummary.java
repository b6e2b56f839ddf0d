package vn.qms.doccontrol.query.revisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentType;

/** The metadata of one revision, without its content (which may be large). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One revision of a document without its content; fetch /revisions/{revision} for the content.")
public record RevisionSummary(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        int revision,
        String title,
        String contentSha256,
        Instant effectiveFrom,
        @Schema(nullable = true) String changeSummary,
        @Schema(nullable = true) String changeReason,
        Approval approval,
        String recordedBy,
        Instant recordedAt) {
}
