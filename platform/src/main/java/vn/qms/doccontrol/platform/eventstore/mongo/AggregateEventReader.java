package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * Reads an aggregate's events by {@code $in} over the keys of the sequence numbers that should come
 * next, in windows that start at {@value #FIRST_WINDOW} keys and double.
 *
 * <p>Why windows: each key is an index lookup whether it exists or not, so asking for a fixed 100
 * keys made small aggregates pay for 100 lookups. Why the first window is as large as it is: each
 * window is a round trip, and a command waits on every round trip of its load. Since the embedded
 * server's unique indexes compare keys natively ({@code IndexKeyType}), lookups are cheap next to a
 * round trip: with 32 keys first, a 65-event document (96 keys in two round trips instead of 120 in
 * four) loaded in the same 0.6-0.7 ms at the median in the event-store benchmark, and the documents
 * of this domain (an issue and a few revisions, at most a snapshot threshold's worth after a
 * snapshot) load in one or two round trips.
 */
final class AggregateEventReader {

    private static final int FIRST_WINDOW = 32;

    private final MongoCollection<BsonDocument> commits;
    /** Leaves out the payload fields that loading an aggregate does not read; null (everything) when none. */
    private final Bson leanEvents;

    AggregateEventReader(MongoCollection<BsonDocument> commits, Set<String> payloadFieldsNotLoaded) {
        this.commits = commits;
        this.leanEvents = CommitDocument.withoutPayloadFields(payloadFieldsNotLoaded);
    }

    /** For loading the aggregate: at least {@code batchSize} events from {@code firstSequenceNumber} on, or all there are. */
    List<StoredEvent> load(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return read(aggregateIdentifier, firstSequenceNumber, batchSize, leanEvents);
    }

    /** One event with its whole payload, or none. */
    Optional<StoredEvent> whole(String aggregateIdentifier, long sequenceNumber) {
        return read(aggregateIdentifier, sequenceNumber, 1, null).stream()
                .filter(event -> event.getSequenceNumber() == sequenceNumber)
                .findFirst();
    }

    private List<StoredEvent> read(String aggregateIdentifier, long firstSequenceNumber, int batchSize, Bson projection) {
        List<StoredEvent> events = new ArrayList<>();
        Set<Long> seenCommits = new HashSet<>();
        long next = firstSequenceNumber;
        int window = Math.min(FIRST_WINDOW, batchSize);
        while (events.size() < batchSize) {
            long windowEnd = next + window - 1;
            long highest = next - 1;
            for (BsonDocument document : commits.find(Filters.in(CommitDocument.AGGREGATE_KEYS,
                                                                 keys(aggregateIdentifier, next, windowEnd)))
                    .projection(projection)) {
                CommitDocument commit = CommitDocument.of(document);
                // The embedded server answers a multikey $in with the document once per matching key.
                if (!seenCommits.add(commit.firstIndex())) {
                    continue;
                }
                for (BsonDocument event : commit.events()) {
                    if (EventDocuments.belongsTo(event, aggregateIdentifier, next)) {
                        StoredEvent stored = EventDocuments.read(event);
                        events.add(stored);
                        highest = Math.max(highest, stored.getSequenceNumber());
                    }
                }
            }
            if (highest < windowEnd) {
                // An aggregate's sequence numbers have no holes: a key missing in the window is its end.
                break;
            }
            next = highest + 1;
            window = Math.min(window * 2, Math.max(1, batchSize - events.size()));
        }
        events.sort(Comparator.comparingLong(StoredEvent::getSequenceNumber));
        return events;
    }

    private static List<BsonValue> keys(String aggregateIdentifier, long from, long to) {
        List<BsonValue> keys = new ArrayList<>((int) (to - from + 1));
        for (long sequence = from; sequence <= to; sequence++) {
            keys.add(new BsonString(EventDocuments.aggregateKey(aggregateIdentifier, sequence)));
        }
        return keys;
    }
}
