package vn.qms.doccontrol.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;

/**
 * Where an event stands in the event store: its own global index. The engine (decision 11) hands
 * every event it delivers to a tracking processor this index in the metadata entry
 * {@value #GLOBAL_INDEX}; it is not stored in the metadata, only added when the event is read.
 *
 * <p>Why not the tracking token: all events of one commit carry the same token (the one that passes
 * the whole commit), and an event whose gap filled late carries the reader's high-water mark. A
 * numbering by token would give the events of a commit one number and a late event a number after
 * events that the event store orders after it, and a replay (which reads in index order) would number
 * differently. The global index is the event's own, the same on every read.
 */
public final class EventPosition {

    /** The metadata entry that carries the event's global index on tracked reads. */
    public static final String GLOBAL_INDEX = "globalIndex";

    private EventPosition() {
    }

    /**
     * @return the event's global index in the event store
     * @throws IllegalStateException when the message does not carry one: it was not read by a tracking
     *                               reader of the project's engine
     */
    public static long globalIndexOf(EventMessage<?> message) {
        Object value = message.getMetaData().get(GLOBAL_INDEX);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.matches("[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        throw new IllegalStateException("Event " + message.getIdentifier() + " carries no global index (metadata '"
                + GLOBAL_INDEX + "' is " + value + "); it must come from a tracking processor on the event store");
    }
}
