package vn.qms.doccontrol.query.revisions;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.projection.ProcessingGroups;

/**
 * Projects every revision with its content into {@code revisions}. It runs in the register's
 * processing group, first, so that the register never names a revision whose row is not written yet.
 */
@Component
@ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
@Order(1)
public class RevisionProjection {

    private final RevisionRepository revisions;

    public RevisionProjection(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @EventHandler
    public void on(DocumentIssuedEvent event) {
        revisions.save(new Revision(event.documentId(), event.organizationId(), event.type(), event.code(),
                event.revision(), event.title(), event.content(), event.contentSha256(), event.effectiveFrom(),
                null, null, event.approval(), event.recordedBy(), event.recordedAt()));
    }

    @EventHandler
    public void on(DocumentRevisedEvent event) {
        // Without revision 1 the document was never issued: refuse like the register does (Axon logs
        // and skips the event) rather than answer a revision of a document that does not exist.
        DocumentType type = revisions.typeOf(event.documentId()).orElseThrow(() -> new IllegalStateException(
                "Revision " + event.revision() + " of document " + event.documentId() + " arrived before the document was issued"));
        revisions.save(new Revision(event.documentId(), event.organizationId(), type, event.code(), event.revision(), event.title(),
                event.content(), event.contentSha256(), event.effectiveFrom(), event.changeSummary(),
                event.changeReason(), event.approval(), event.recordedBy(), event.recordedAt()));
    }

    @ResetHandler
    public void reset() {
        revisions.clear();
    }
}
