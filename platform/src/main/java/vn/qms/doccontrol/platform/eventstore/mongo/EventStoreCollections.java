package vn.qms.doccontrol.platform.eventstore.mongo;

import java.util.Objects;

/**
 * The names of the engine's three collections: commits (the events), snapshots (one per aggregate)
 * and the global index sequence (one document).
 */
public record EventStoreCollections(String commits, String snapshots, String sequence) {

    public EventStoreCollections {
        Objects.requireNonNull(commits, "commits");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(sequence, "sequence");
    }

    public static EventStoreCollections defaults() {
        return new EventStoreCollections("event_commits", "event_snapshots", "event_sequence");
    }
}
