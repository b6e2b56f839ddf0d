package vn.qms.doccontrol.query.revisions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.projection.BatchReads;
import vn.qms.doccontrol.query.projection.BatchedProjection;
import vn.qms.doccontrol.query.projection.ProcessingGroups;
import vn.qms.doccontrol.query.projection.UnprojectableEventException;

/**
 * Projects every revision's metadata into {@code revisions}, with where its event (and so its
 * content) lies in the event store ({@link RevisionRow}). It runs in the register's
 * processing group, first, so that the register never names a revision whose row is not written yet.
 */
@Component
@ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
@Order(1)
public class RevisionProjection implements BatchedProjection {

    private final RevisionRepository revisions;
    /** A batch's revisions by id, written at its end (before the register's, see {@code @Order}). */
    private final Map<String, RevisionRow> pending = new LinkedHashMap<>();
    /** Within a batch: the type of each revised document, read at its start in one query. */
    private final BatchReads<DocumentType> types;
    private boolean inBatch;

    public RevisionProjection(RevisionRepository revisions) {
        this.revisions = revisions;
        this.types = new BatchReads<>(DocumentRevisedEvent.class, revisions::typesOf, revisions::typeOf);
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.DOCUMENT_REGISTER;
    }

    @Override
    public void beginBatch(List<?> payloads) {
        pending.clear();
        inBatch = true;
        types.begin(payloads);
    }

    @Override
    public void endBatch() {
        inBatch = false;
        types.clear();
        List<RevisionRow> batch = List.copyOf(pending.values());
        pending.clear();
        revisions.saveAll(batch);
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, @SequenceNumber Long sequence) {
        save(new RevisionRow(new RevisionSummary(event.documentId(), event.organizationId(), event.type(), event.code(),
                event.revision(), event.title(), event.contentSha256(), event.effectiveFrom(), null, null,
                event.approval(), event.recordedBy(), event.recordedAt()), sequence));
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, @SequenceNumber Long sequence) {
        // Without revision 1 the document was never issued: refuse like the register does (the event
        // is skipped, loudly) rather than answer a revision of a document that does not exist.
        DocumentType type = typeOf(event.documentId()).orElseThrow(() -> new UnprojectableEventException(
                "Revision " + event.revision() + " of document " + event.documentId() + " arrived before the document was issued"));
        save(new RevisionRow(new RevisionSummary(event.documentId(), event.organizationId(), type, event.code(),
                event.revision(), event.title(), event.contentSha256(), event.effectiveFrom(), event.changeSummary(),
                event.changeReason(), event.approval(), event.recordedBy(), event.recordedAt()), sequence));
    }

    @ResetHandler
    public void reset() {
        pending.clear();
        types.clear();
        revisions.clear();
    }

    private void save(RevisionRow row) {
        if (inBatch) {
            pending.put(row.id(), row);
        } else {
            revisions.save(row);
        }
    }

    private Optional<DocumentType> typeOf(String documentId) {
        RevisionRow first = pending.get(RevisionBson.id(documentId, 1));
        return first != null ? Optional.of(first.summary().type()) : types.find(documentId);
    }
}
