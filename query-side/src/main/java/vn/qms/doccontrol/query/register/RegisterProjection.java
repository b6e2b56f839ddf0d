package vn.qms.doccontrol.query.register;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentEvent;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.query.projection.BatchReads;
import vn.qms.doccontrol.query.projection.BatchedProjection;
import vn.qms.doccontrol.query.projection.ProcessingGroups;
import vn.qms.doccontrol.query.projection.UnprojectableEventException;

/**
 * Projects the documents' timelines into the {@code register}, and each timeline's filter keys into
 * its organization's {@code register_index}. Read-modify-replace is safe because the processor has
 * one segment: no other thread writes the same document meanwhile.
 *
 * <p>Each step can be repeated: the timeline is written first (unchanged when the event was applied
 * already), then the index entry is written from the timeline as it now stands, every time. So a
 * crash between the two writes is repaired by the redelivery, and the index never names a document
 * whose timeline is missing. Within a processor's batch ({@link BatchedProjection}) the changed
 * timelines are kept in memory and written together at its end, after the batch's revisions.
 *
 * <p>Ordered after the revisions projection of the same group (Axon invokes the handlers of a group
 * in {@link Order} order), so that once the register names a revision its row exists.
 */
@Component
@ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
@Order(2)
public class RegisterProjection implements BatchedProjection {

    private final RegisterRepository register;
    private final RegisterIndexRepository index;
    /** Within a batch: the timelines it changed, written (with their index entries) at its end. */
    private final Map<String, DocumentTimeline> pending = new LinkedHashMap<>();
    private final Set<String> pendingOrganizations = new LinkedHashSet<>();
    /** Within a batch: the stored timelines of its documents, read at its start in one query. */
    private final BatchReads<DocumentTimeline> stored;
    private boolean inBatch;

    public RegisterProjection(RegisterRepository register, RegisterIndexRepository index) {
        this.register = register;
        this.index = index;
        this.stored = new BatchReads<>(DocumentEvent.class, register::findAll, register::find);
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.DOCUMENT_REGISTER;
    }

    @Override
    public void beginBatch(List<?> payloads) {
        pending.clear();
        pendingOrganizations.clear();
        inBatch = true;
        stored.begin(payloads);
    }

    /** Timelines first, then their index entries, then the list of organizations: each step repeatable. */
    @Override
    public void endBatch() {
        inBatch = false;
        stored.clear();
        List<DocumentTimeline> timelines = List.copyOf(pending.values());
        List<String> organizations = List.copyOf(pendingOrganizations);
        pending.clear();
        pendingOrganizations.clear();
        register.saveAll(timelines);
        index.putAll(timelines.stream().map(RegisterIndexEntry::of).toList());
        if (!organizations.isEmpty()) {
            index.addOrganizations(organizations);
        }
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, @SequenceNumber Long sequence) {
        DocumentTimeline timeline = find(event.documentId()).orElseGet(() -> DocumentTimeline.issued(event, sequence));
        write(timeline, true);
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, @SequenceNumber Long sequence) {
        write(existing(event.documentId()).revised(event, sequence), false);
    }

    @EventHandler
    public void on(DocumentWithdrawnEvent event, @SequenceNumber Long sequence) {
        write(existing(event.documentId()).withdrawn(event, sequence), false);
    }

    @ResetHandler
    public void reset() {
        pending.clear();
        pendingOrganizations.clear();
        stored.clear();
        register.clear();
        index.clear();
    }

    /**
     * Writes the timeline as it now stands and its index entry, even when the event changed nothing
     * (a redelivery): that repairs an index entry a crash kept from being written.
     */
    private void write(DocumentTimeline timeline, boolean issued) {
        if (inBatch) {
            pending.put(timeline.documentId(), timeline);
            if (issued) {
                pendingOrganizations.add(timeline.organizationId());
            }
            return;
        }
        register.save(timeline);
        index.put(RegisterIndexEntry.of(timeline));
        if (issued) {
            index.addOrganizations(List.of(timeline.organizationId()));
        }
    }

    private Optional<DocumentTimeline> find(String documentId) {
        DocumentTimeline written = pending.get(documentId);
        return written != null ? Optional.of(written) : stored.find(documentId);
    }

    private DocumentTimeline existing(String documentId) {
        // One segment delivers a document's events in order, so a missing timeline means the event
        // store lacks the issue event. Refuse rather than invent a document: the event is skipped,
        // loudly (ProjectionErrors), instead of a register row without type or first revision.
        return find(documentId).orElseThrow(() -> new UnprojectableEventException(
                "Event for document " + documentId + " arrived before the document was issued"));
    }
}
