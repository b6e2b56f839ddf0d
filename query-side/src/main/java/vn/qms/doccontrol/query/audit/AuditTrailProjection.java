package vn.qms.doccontrol.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.platform.eventstore.EventPosition;
import vn.qms.doccontrol.query.projection.ProcessingGroups;

/**
 * Records every event in the audit trail under its global index in the event store
 * ({@link EventPosition}): the order is the event store's, whatever order the events arrive in (an
 * event whose gap filled late arrives after higher indexes), so a replay numbers and orders every
 * entry exactly as before.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection {

    private final AuditTrailRepository trail;

    public AuditTrailProjection(AuditTrailRepository trail) {
        this.trail = trail;
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, EventMessage<?> message) {
        trail.append(new AuditEntry(message.getIdentifier(), AuditEntry.DOCUMENT_ISSUED, event.documentId(),
                event.organizationId(), event.code(), event.revision(), event.title(), event.recordedBy(),
                event.recordedAt(), event.effectiveFrom(), null, null, null, event.contentSha256()),
                EventPosition.globalIndexOf(message));
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, EventMessage<?> message) {
        trail.append(new AuditEntry(message.getIdentifier(), AuditEntry.DOCUMENT_REVISED, event.documentId(),
                event.organizationId(), event.code(), event.revision(), event.title(), event.recordedBy(),
                event.recordedAt(), event.effectiveFrom(), event.changeSummary(), event.changeReason(), null,
                event.contentSha256()),
                EventPosition.globalIndexOf(message));
    }

    @EventHandler
    public void on(DocumentWithdrawnEvent event, EventMessage<?> message) {
        trail.append(new AuditEntry(message.getIdentifier(), AuditEntry.DOCUMENT_WITHDRAWN, event.documentId(),
                event.organizationId(), event.code(), event.revision(), null, event.recordedBy(), event.recordedAt(),
                event.effectiveFrom(), null, event.reason(), event.supersededBy(), null),
                EventPosition.globalIndexOf(message));
    }

    @ResetHandler
    public void reset() {
        trail.clear();
    }
}
