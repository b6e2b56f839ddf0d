package vn.qms.doccontrol.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.query.projection.ProcessingGroups;

/**
 * Records every event in the audit trail in the order the processor receives them, which is commit
 * order because the processor has a single segment.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection {

    private final AuditTrailRepository trail;

    public AuditTrailProjection(AuditTrailRepository trail) {
        this.trail = trail;
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, @MessageIdentifier String eventId) {
        trail.append(new AuditEntry(eventId, AuditEntry.DOCUMENT_ISSUED, event.documentId(), event.organizationId(),
                event.code(), event.revision(), event.title(), event.recordedBy(), event.recordedAt(),
                event.effectiveFrom(), null, null, null, event.contentSha256()));
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, @MessageIdentifier String eventId) {
        trail.append(new AuditEntry(eventId, AuditEntry.DOCUMENT_REVISED, event.documentId(), event.organizationId(),
                event.code(), event.revision(), event.title(), event.recordedBy(), event.recordedAt(),
                event.effectiveFrom(), event.changeSummary(), event.changeReason(), null, event.contentSha256()));
    }

    @EventHandler
    public void on(DocumentWithdrawnEvent event, @MessageIdentifier String eventId) {
        trail.append(new AuditEntry(eventId, AuditEntry.DOCUMENT_WITHDRAWN, event.documentId(), event.organizationId(),
                event.code(), event.revision(), null, event.recordedBy(), event.recordedAt(),
                event.effectiveFrom(), null, event.reason(), event.supersededBy(), null));
    }

    @ResetHandler
    public void reset() {
        trail.clear();
    }
}
