package vn.qms.doccontrol.query.revisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.register.DocumentState;
import vn.qms.doccontrol.query.register.DocumentStatus;
import vn.qms.doccontrol.query.register.DocumentTimeline;
import vn.qms.doccontrol.query.register.Withdrawal;

/** A document as it stands at the moment asked: the revision in force, with its content. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A document with the revision in force at the moment asked (now, or asOf).")
public record DocumentView(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        String title,
        String content,
        String contentSha256,
        @Schema(description = "The revision shown: the one in force, or revision 1 while SCHEDULED.")
        int revision,
        int latestRevision,
        DocumentStatus status,
        Instant effectiveFrom,
        @Schema(nullable = true) String changeSummary,
        @Schema(nullable = true) String changeReason,
        Approval approval,
        String recordedBy,
        Instant recordedAt,
        @Schema(description = "The withdrawal, when it is in force at the moment asked; else null.", nullable = true)
        Withdrawal withdrawal) {

    static DocumentView of(DocumentTimeline timeline, DocumentState state, Revision shown) {
        return new DocumentView(timeline.documentId(), timeline.organizationId(), timeline.type(), timeline.code(),
                shown.title(), shown.content(), shown.contentSha256(), shown.revision(), timeline.latestRevision(),
                state.status(), shown.effectiveFrom(), shown.changeSummary(), shown.changeReason(), shown.approval(),
                shown.recordedBy(), shown.recordedAt(), state.withdrawal());
    }
}
