package vn.qms.doccontrol.command.document;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;

/**
 * Reads a document's own event stream, the single source of truth, rather than a projection that
 * may lag behind the write just made.
 */
@Component
public class EventStoreRecordedDocuments implements RecordedDocuments {

    private final EventStore eventStore;

    public EventStoreRecordedDocuments(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RecordedDocument> find(String documentId) {
        // From sequence 0 rather than readEvents(id): that one may start with a snapshot.
        DomainEventStream events = eventStore.readEvents(documentId, 0L);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof DocumentIssuedEvent issued)) {
            throw new IllegalStateException("The stream of " + documentId + " does not start with its issue but with "
                    + first.getPayloadType().getName());
        }
        Class<?> lastType = first.getPayloadType();
        while (events.hasNext()) {
            // The payload type is known without deserializing the (possibly large) payload.
            lastType = events.next().getPayloadType();
        }
        return Optional.of(new RecordedDocument(documentId, issued.organizationId(),
                DocumentWithdrawnEvent.class.equals(lastType)));
    }
}
