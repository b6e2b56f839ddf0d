package vn.qms.doccontrol.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.query.projection.ProcessingGroups;

/**
 * Projects the documents' timelines into the {@code register}, and each timeline's filter keys into
 * its organization's {@code register_index}. Read-modify-replace is safe because the processor has
 * one segment: no other thread writes the same document meanwhile.
 *
 * <p>Each step can be repeated: the timeline is written first (unchanged when the event was applied
 * already), then the index entry is written from the timeline as it now stands, every time. So a
 * crash between the two writes is repaired by the redelivery, and the index never names a document
 * whose timeline is missing.
 *
 * <p>Ordered after the revisions projection of the same group (Axon invokes the handlers of a group
 * in {@link Order} order), so that once the register names a revision its row exists.
 */
@Component
@ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
@Order(2)
public class RegisterProjection {

    private final RegisterRepository register;
    private final RegisterIndexRepository index;

    public RegisterProjection(RegisterRepository register, RegisterIndexRepository index) {
        this.register = register;
        this.index = index;
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, @SequenceNumber Long sequence) {
        DocumentTimeline timeline = register.find(event.documentId()).orElse(null);
        if (timeline == null) {
            timeline = DocumentTimeline.issued(event, sequence);
            register.save(timeline);
        }
        index.addOrganization(timeline.organizationId());
        index.put(RegisterIndexEntry.of(timeline));
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, @SequenceNumber Long sequence) {
        DocumentTimeline timeline = existing(event.documentId());
        DocumentTimeline revised = timeline.revised(event, sequence);
        if (revised != timeline) {
            register.save(revised);
        }
        index.put(RegisterIndexEntry.of(revised));
    }

    @EventHandler
    public void on(DocumentWithdrawnEvent event, @SequenceNumber Long sequence) {
        DocumentTimeline timeline = existing(event.documentId());
        DocumentTimeline withdrawn = timeline.withdrawn(event, sequence);
        if (withdrawn != timeline) {
            register.save(withdrawn);
        }
        index.put(RegisterIndexEntry.of(withdrawn));
    }

    @ResetHandler
    public void reset() {
        register.clear();
        index.clear();
    }

    private DocumentTimeline existing(String documentId) {
        // One segment delivers a document's events in order, so a missing timeline means the event
        // store lacks the issue event. Refuse rather than invent a document: Axon logs the error and
        // the event is skipped, visibly, instead of a register row without type or first revision.
        return register.find(documentId).orElseThrow(() -> new IllegalStateException(
                "Event for document " + documentId + " arrived before the document was issued"));
    }
}
