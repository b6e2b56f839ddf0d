package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The latest snapshot of each aggregate, one document whose {@code _id} is the aggregate identifier:
 * finding it is an {@code _id} lookup on any server.
 *
 * <p>Two snapshotters racing on one aggregate may leave the older of their two snapshots. That is
 * harmless: a snapshot at sequence n stays a true state of the aggregate after n forever, and loading
 * replays the events after it.
 *
 * <p><b>Absences are remembered for a while.</b> Most documents never reach the snapshot threshold,
 * so most loads asked the server for a snapshot that is not there: one of the four round trips of a
 * command. An aggregate found without a snapshot is taken to still have none for
 * {@link #ABSENCE_TRUSTED}, unless this store writes one meanwhile. Missing a snapshot only costs
 * time, never correctness: loading then replays the aggregate from its first event, which the store
 * keeps forever. That is what happens when another process stores a snapshot within that time (or
 * when a snapshot is written while this store is still recording the absence it just read).
 */
final class SnapshotStore {

    /** How long an aggregate found without a snapshot is taken to have none. */
    static final Duration ABSENCE_TRUSTED = Duration.ofMinutes(1);
    /** Bounds the memory the absences take (an entry is an aggregate id and a time). */
    private static final int ABSENCES_REMEMBERED = 100_000;

    private final MongoCollection<BsonDocument> snapshots;
    private final Clock clock;
    /** Aggregate id to when it was found without a snapshot, least recently used first. */
    private final Map<String, Long> absentSince = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > ABSENCES_REMEMBERED;
        }
    });

    SnapshotStore(MongoCollection<BsonDocument> snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        absentSince.remove(snapshot.getAggregateIdentifier());
        Bson byAggregate = Filters.eq(CommitDocument.ID, snapshot.getAggregateIdentifier());
        BsonDocument current = snapshots.find(byAggregate)
                .projection(Projections.include(EventDocuments.SEQUENCE_NUMBER))
                .first();
        if (current != null
                && current.get(EventDocuments.SEQUENCE_NUMBER).asNumber().longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        BsonDocument document = new BsonDocument(CommitDocument.ID, new BsonString(snapshot.getAggregateIdentifier()));
        document.putAll(EventDocuments.write(snapshot, serializer));
        try {
            snapshots.replaceOne(byAggregate, document, new ReplaceOptions().upsert(true));
        } catch (RuntimeException e) {
            if (!MongoDuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            // Another snapshotter inserted the first snapshot of this aggregate at the same moment.
        }
    }

    Optional<StoredEvent> latest(String aggregateIdentifier) {
        long now = clock.millis();
        Long absent = absentSince.get(aggregateIdentifier);
        if (absent != null && now - absent < ABSENCE_TRUSTED.toMillis()) {
            return Optional.empty();
        }
        BsonDocument document = snapshots.find(Filters.eq(CommitDocument.ID, aggregateIdentifier)).first();
        if (document == null) {
            absentSince.put(aggregateIdentifier, now);
            return Optional.empty();
        }
        absentSince.remove(aggregateIdentifier);
        return Optional.of(EventDocuments.read(document));
    }
}
