package vn.qms.doccontrol.query.revisions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.projection.BatchedProjection;
import vn.qms.doccontrol.query.projection.ProcessingGroups;
import vn.qms.doccontrol.query.projection.UnprojectableEventException;

/**
 * Projects every revision with its content into {@code revisions}. It runs in the register's
 * processing group, first, so that the register never names a revision whose row is not written yet.
 */
@Component
@ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
@Order(1)
public class RevisionProjection implements BatchedProjection {

    private final RevisionRepository revisions;
    /** A batch's revisions by id, written at its end (before the register's, see {@code @Order}). */
    private final Map<String, Revision> pending = new LinkedHashMap<>();
    private boolean inBatch;

    public RevisionProjection(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.DOCUMENT_REGISTER;
    }

    @Override
    public void beginBatch() {
        pending.clear();
        inBatch = true;
    }

    @Override
    public void endBatch() {
        inBatch = false;
        List<Revision> batch = List.copyOf(pending.values());
        pending.clear();
        revisions.saveAll(batch);
    }

    @EventHandler
    public void on(DocumentIssuedEvent event) {
        save(new Revision(event.documentId(), event.organizationId(), event.type(), event.code(),
                event.revision(), event.title(), event.content(), event.contentSha256(), event.effectiveFrom(),
                null, null, event.approval(), event.recordedBy(), event.recordedAt()));
    }

    @EventHandler
    public void on(DocumentRevisedEvent event) {
        // Without revision 1 the document was never issued: refuse like the register does (the event
        // is skipped, loudly) rather than answer a revision of a document that does not exist.
        DocumentType type = typeOf(event.documentId()).orElseThrow(() -> new UnprojectableEventException(
                "Revision " + event.revision() + " of document " + event.documentId() + " arrived before the document was issued"));
        save(new Revision(event.documentId(), event.organizationId(), type, event.code(), event.revision(), event.title(),
                event.content(), event.contentSha256(), event.effectiveFrom(), event.changeSummary(),
                event.changeReason(), event.approval(), event.recordedBy(), event.recordedAt()));
    }

    @ResetHandler
    public void reset() {
        pending.clear();
        revisions.clear();
    }

    private void save(Revision revision) {
        if (inBatch) {
            pending.put(revision.documentId() + ":" + revision.revision(), revision);
        } else {
            revisions.save(revision);
        }
    }

    private Optional<DocumentType> typeOf(String documentId) {
        Revision first = pending.get(documentId + ":1");
        return first != null ? Optional.of(first.type()) : revisions.typeOf(documentId);
    }
}
