package vn.qms.doccontrol.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A controlled document was withdrawn from {@code effectiveFrom} on. {@code revision} is the latest
 * revision recorded when it was withdrawn; {@code supersededBy} names the document of the same
 * organization that replaces it, or is null.
 */
@Revision("1")
public record DocumentWithdrawnEvent(
        String documentId,
        String organizationId,
        String code,
        int revision,
        String reason,
        String supersededBy,
        Instant effectiveFrom,
        String recordedBy,
        Instant recordedAt) implements DocumentEvent {
}
