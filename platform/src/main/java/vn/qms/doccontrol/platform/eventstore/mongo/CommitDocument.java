package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * One commit as stored: all events one unit of work appended, in one document, so that they become
 * visible together or not at all on any MongoDB, with or without transactions.
 *
 * <p>{@code _id} is the commit's first global index; its events hold {@code _id..lastIndex}. A
 * tracking reader therefore finds commits by {@code _id} alone, and a commit whose writer gave up
 * (a conflict, a refused late commit) is a tombstone: the same keys and no events, so readers close
 * its gap at once instead of waiting for the gap timeout.
 */
final class CommitDocument {

    static final String ID = "_id";
    static final String LAST_INDEX = "lastIndex";
    /** The writer's clock when it took the indexes: the age of the gap it leaves until it commits. */
    static final String INDEX_TAKEN_AT = "indexTakenAt";
    /** The first event's timestamp, to find where a token at a point in time starts. */
    static final String TIMESTAMP = "timestamp";
    static final String AGGREGATE_KEYS = "aggregateKeys";
    static final String EVENT_IDS = "eventIds";
    static final String EVENTS = "events";
    static final String ABORTED = "aborted";

    private final BsonDocument document;

    private CommitDocument(BsonDocument document) {
        this.document = document;
    }

    static CommitDocument of(BsonDocument document) {
        return new CommitDocument(document);
    }

    /**
     * The projection of a find that leaves these top-level payload fields out of every event of a
     * commit; null (the whole document) when there are none. MongoDB and the embedded server both
     * apply an exclusion on a path through an array to each of its elements.
     */
    static Bson withoutPayloadFields(Set<String> fieldNames) {
        return fieldNames.isEmpty() ? null : Projections.exclude(fieldNames.stream()
                .sorted()
                .map(field -> EVENTS + "." + EventDocuments.PAYLOAD + "." + field)
                .toList());
    }

    static BsonDocument tombstone(IndexBlock block, Instant indexTakenAt, Instant abortedAt, String reason) {
        return new BsonDocument(ID, new BsonInt64(block.first()))
                .append(LAST_INDEX, new BsonInt64(block.last()))
                .append(INDEX_TAKEN_AT, new BsonDateTime(indexTakenAt.toEpochMilli()))
                .append(ABORTED, new BsonDocument("at", new BsonDateTime(abortedAt.toEpochMilli()))
                        .append("reason", new BsonString(reason)));
    }

    long firstIndex() {
        return document.get(ID).asNumber().longValue();
    }

    long lastIndex() {
        return document.get(LAST_INDEX).asNumber().longValue();
    }

    Instant indexTakenAt() {
        return Instant.ofEpochMilli(document.getDateTime(INDEX_TAKEN_AT).getValue());
    }

    boolean isTombstone() {
        return document.containsKey(ABORTED);
    }

    /** The first event's identifier, which tells whether a document found at our {@code _id} is our own. */
    String firstEventIdentifier() {
        List<BsonDocument> events = events();
        return events.isEmpty() ? null : events.get(0).getString(EventDocuments.EVENT_IDENTIFIER).getValue();
    }

    List<BsonDocument> events() {
        return document.getArray(EVENTS, new BsonArray()).stream().map(BsonValue::asDocument).toList();
    }
}
