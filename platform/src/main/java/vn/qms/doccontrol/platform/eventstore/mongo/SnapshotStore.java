package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
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
 */
final class SnapshotStore {

    private final MongoCollection<BsonDocument> snapshots;

    SnapshotStore(MongoCollection<BsonDocument> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
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
        BsonDocument document = snapshots.find(Filters.eq(CommitDocument.ID, aggregateIdentifier)).first();
        return Optional.ofNullable(document).map(EventDocuments::read);
    }
}
