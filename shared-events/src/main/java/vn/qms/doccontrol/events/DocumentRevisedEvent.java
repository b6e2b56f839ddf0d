package vn.qms.doccontrol.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A new revision of a controlled document was recorded. It is in force from {@code effectiveFrom},
 * which may lie in the future (a scheduled revision). The query side's processors get this event
 * without its content (null there), as {@link DocumentIssuedEvent}.
 */
@Revision("1")
public record DocumentRevisedEvent(
        String documentId,
        String organizationId,
        String code,
        int revision,
        String title,
        String content,
        String contentSha256,
        String changeSummary,
        String changeReason,
        Instant effectiveFrom,
        Approval approval,
        String recordedBy,
        Instant recordedAt) implements DocumentEvent {
}
