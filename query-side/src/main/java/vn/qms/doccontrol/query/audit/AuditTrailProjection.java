package vn.qms.doccontrol.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.platform.eventstore.EventPosition;
import vn.qms.doccontrol.query.projection.BatchedProjection;
import vn.qms.doccontrol.query.projection.ProcessingGroups;

/**
 * Records every event in the audit trail under its global index in the event store
 * ({@link EventPosition}): the order is the event store's, whatever order the events arrive in (an
 * event whose gap filled late arrives after higher indexes), so a replay numbers and orders every
 * entry exactly as before.
 *
 * <p>Within a batch of the tracking processor ({@link #beginBatch} .. {@link #endBatch()}, called
 * by an interceptor of the processing group around its first and last event), entries are collected
 * and written together at the end of the batch, before the processor stores its token; outside a
 * batch each entry is written at once. The processor has one thread, so the collected entries need
 * no locking.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditTrailProjection implements BatchedProjection {

    private final AuditTrailRepository trail;
    private final List<AuditTrailRepository.Appended> pending = new ArrayList<>();
    private boolean inBatch;

    public AuditTrailProjection(AuditTrailRepository trail) {
        this.trail = trail;
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.AUDIT_TRAIL;
    }

    @Override
    public void beginBatch(List<?> payloads) {
        pending.clear();
        inBatch = true;
    }

    @Override
    public void endBatch() {
        inBatch = false;
        if (!pending.isEmpty()) {
            List<AuditTrailRepository.Appended> batch = List.copyOf(pending);
            pending.clear();
            trail.appendAll(batch);
        }
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, EventMessage<?> message) {
        record(new AuditEntry(message.getIdentifier(), AuditEntry.DOCUMENT_ISSUED, event.documentId(),
                event.organizationId(), event.code(), event.revision(), event.title(), event.recordedBy(),
                event.recordedAt(), event.effectiveFrom(), null, null, null, event.contentSha256()), message);
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, EventMessage<?> message) {
        record(new AuditEntry(message.getIdentifier(), AuditEntry.DOCUMENT_REVISED, event.documentId(),
                event.organizationId(), event.code(), event.revision(), event.title(), event.recordedBy(),
                event.recordedAt(), event.effectiveFrom(), event.changeSummary(), event.changeReason(), null,
                event.contentSha256()), message);
    }

    @EventHandler
    public void on(DocumentWithdrawnEvent event, EventMessage<?> message) {
        record(new AuditEntry(message.getIdentifier(), AuditEntry.DOCUMENT_WITHDRAWN, event.documentId(),
                event.organizationId(), event.code(), event.revision(), null, event.recordedBy(), event.recordedAt(),
                event.effectiveFrom(), null, event.reason(), event.supersededBy(), null), message);
    }

    @ResetHandler
    public void reset() {
        pending.clear();
        trail.clear();
    }

    private void record(AuditEntry entry, EventMessage<?> message) {
        AuditTrailRepository.Appended appended = new AuditTrailRepository.Appended(entry, EventPosition.globalIndexOf(message));
        if (inBatch) {
            pending.add(appended);
        } else {
            trail.appendAll(List.of(appended));
        }
    }
}
