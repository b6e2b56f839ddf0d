package vn.qms.doccontrol.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A controlled document was issued: its revision 1 was recorded. Content is NFC-normalized and
 * {@code contentSha256} is the hex SHA-256 of its UTF-8 bytes, so an inspector can prove that
 * nothing was altered afterwards. The query side's processors get this event without its content
 * (null there): no read model holds it; it is read from the event store when it is shown.
 */
@Revision("1")
public record DocumentIssuedEvent(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        String title,
        String content,
        String contentSha256,
        int revision,
        Instant effectiveFrom,
        Approval approval,
        String recordedBy,
        Instant recordedAt) implements DocumentEvent {
}
