package vn.qms.doccontrol.query.support;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.qms.doccontrol.events.DocumentEvent;

/**
 * Stands in for the command side: appends document events to the real event store, with the
 * aggregate sequence numbers an aggregate would give them.
 */
public final class EventPublisher {

    private final EventStore eventStore;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public EventPublisher(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public void publish(Object event) {
        String documentId = documentIdOf(event);
        long sequence = nextSequence.merge(documentId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Document", documentId, sequence, event));
    }

    private static String documentIdOf(Object event) {
        if (event instanceof DocumentEvent documentEvent) {
            return documentEvent.documentId();
        }
        throw new IllegalArgumentException("Not a document event: " + event);
    }
}
