package vn.qms.doccontrol.platform.eventstore;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One recorded event of an aggregate, read by its sequence number: one index lookup in the event
 * store, upcast and deserialized like every other read. For read models that point at what the
 * event store holds instead of copying it (a revision's content).
 */
public interface EventLookup {

    Optional<DomainEventMessage<?>> event(String aggregateIdentifier, long sequenceNumber);
}
