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
 * Projects the documents' timelines into the {@code register}. Read-modify-replace is safe because
 * the processor has one segment: no other thread writes the same document meanwhile.
 *
 * <p>Ordered after the revisions projection of the same group (Axon invokes the handlers of a group
 * in {@link Order} order), so that once the register names a revision its row exists.
 */
@Component
@ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
@Order(2)
public class RegisterProjection {

    private final RegisterRepository register;

    public RegisterProjection(RegisterRepository register) {
        this.register = register;
    }

    @EventHandler
    public void on(DocumentIssuedEvent event, @SequenceNumber Long sequence) {
        if (register.find(event.documentId()).isEmpty()) {
            register.save(DocumentTimeline.issued(event, sequence));
        }
    }

    @EventHandler
    public void on(DocumentRevisedEvent event, @SequenceNumber Long sequence) {
        DocumentTimeline timeline = existing(event.documentId());
        DocumentTimeline revised = timeline.revised(event, sequence);
        if (revised != timeline) {
            register.save(revised);
        }
    }

    @EventHandler
    public void on(DocumentWithdrawnEvent event, @SequenceNumber Long sequence) {
        DocumentTimeline timeline = existing(event.documentId());
        DocumentTimeline withdrawn = timeline.withdrawn(event, sequence);
        if (withdrawn != timeline) {
            register.save(withdrawn);
        }
    }

    @ResetHandler
    public void reset() {
        register.clear();
    }

    private DocumentTimeline existing(String documentId) {
        // One segment delivers a document's events in order, so a missing timeline means the event
        // store lacks the issue event. Refuse rather than invent a document: Axon logs the error and
        // the event is skipped, visibly, instead of a register row without type or first revision.
        return register.find(documentId).orElseThrow(() -> new IllegalStateException(
                "Event for document " + documentId + " arrived before the document was issued"));
    }
}
