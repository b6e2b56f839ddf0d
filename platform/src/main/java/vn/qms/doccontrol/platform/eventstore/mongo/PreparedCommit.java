package vn.qms.doccontrol.platform.eventstore.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The events of one commit, serialized before any global index is taken: serialization is the slow
 * part of an append, and every millisecond between taking an index and inserting the commit is a
 * millisecond in which tracking readers see a gap.
 */
final class PreparedCommit {

    private final List<BsonDocument> events;
    private final List<String> aggregateKeys;
    private final List<String> eventIds;
    private final String firstTimestamp;

    private PreparedCommit(List<BsonDocument> events, List<String> aggregateKeys, List<String> eventIds,
                           String firstTimestamp) {
        this.events = events;
        this.aggregateKeys = aggregateKeys;
        this.eventIds = eventIds;
        this.firstTimestamp = firstTimestamp;
    }

    static PreparedCommit of(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<BsonDocument> events = new ArrayList<>(messages.size());
        List<String> aggregateKeys = new ArrayList<>();
        List<String> eventIds = new ArrayList<>(messages.size());
        Set<String> seen = new HashSet<>();
        for (EventMessage<?> message : messages) {
            events.add(EventDocuments.write(message, serializer));
            requireOnce(seen, "event " + message.getIdentifier());
            eventIds.add(message.getIdentifier());
            if (message instanceof DomainEventMessage<?> domainEvent) {
                String key = EventDocuments.aggregateKey(domainEvent.getAggregateIdentifier(),
                                                         domainEvent.getSequenceNumber());
                // MongoDB enforces a unique multikey index between documents, never inside one.
                requireOnce(seen, "aggregate key " + key);
                aggregateKeys.add(key);
            }
        }
        return new PreparedCommit(events, aggregateKeys, eventIds,
                                  events.get(0).getString(EventDocuments.TIMESTAMP).getValue());
    }

    private static void requireOnce(Set<String> seen, String what) {
        if (!seen.add(what)) {
            throw new EventStoreException("One commit holds the " + what + " twice");
        }
    }

    int size() {
        return events.size();
    }

    String firstEventIdentifier() {
        return eventIds.get(0);
    }

    BsonDocument toDocument(IndexBlock block, Instant indexTakenAt) {
        BsonArray indexedEvents = new BsonArray();
        long globalIndex = block.first();
        for (BsonDocument event : events) {
            BsonDocument indexed = new BsonDocument(EventDocuments.GLOBAL_INDEX, new BsonInt64(globalIndex++));
            indexed.putAll(event);
            indexedEvents.add(indexed);
        }
        BsonDocument commit = new BsonDocument(CommitDocument.ID, new BsonInt64(block.first()))
                .append(CommitDocument.LAST_INDEX, new BsonInt64(block.last()))
                .append(CommitDocument.INDEX_TAKEN_AT, new BsonDateTime(indexTakenAt.toEpochMilli()))
                .append(CommitDocument.TIMESTAMP, new BsonString(firstTimestamp));
        // Absent rather than empty: a unique index holds one empty array at most, a sparse one none.
        if (!aggregateKeys.isEmpty()) {
            commit.append(CommitDocument.AGGREGATE_KEYS, strings(aggregateKeys));
        }
        commit.append(CommitDocument.EVENT_IDS, strings(eventIds));
        commit.append(CommitDocument.EVENTS, indexedEvents);
        return commit;
    }

    private static BsonArray strings(List<String> values) {
        BsonArray array = new BsonArray(new ArrayList<>(values.size()));
        values.forEach(value -> array.add(new BsonString(value)));
        return array;
    }
}
