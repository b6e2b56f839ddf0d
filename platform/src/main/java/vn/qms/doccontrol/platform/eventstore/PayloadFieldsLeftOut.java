package vn.qms.doccontrol.platform.eventstore;

import java.util.Set;

/**
 * Payload fields that one kind of read of the event store leaves out, declared by the side that
 * does that read and does not need them (a bean of this type; several are joined per read). The
 * store keeps every field whole, and looking up one event ({@link EventLookup}) reads it whole.
 *
 * <p>For large fields that nothing of that read uses: hauling a document's content (2-50 KB) through
 * the wire and the JSON reader for every projection and every command was most of what both did.
 */
public record PayloadFieldsLeftOut(Read read, Set<String> fieldNames) {

    /** The reads that can leave fields out. */
    public enum Read {
        /** The event stream that tracking processors (the query side's projections) read. */
        TRACKING,
        /** Loading an aggregate's events (the event-sourcing repository, the snapshotter, {@code readEvents}). */
        AGGREGATE_LOADING
    }

    public PayloadFieldsLeftOut {
        fieldNames = Set.copyOf(fieldNames);
    }
}
