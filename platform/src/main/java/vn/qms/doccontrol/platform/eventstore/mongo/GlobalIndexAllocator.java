package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import vn.qms.doccontrol.platform.mongo.CarriedByNextCommit;

/**
 * Hands out dense global indexes from one counter document, a block per commit.
 *
 * <p>The counter is read with {@code $inc} and {@link ReturnDocument#BEFORE}, deliberately. On the
 * embedded server (mongo-java-server 1.46) {@code findAndModify} runs under the collection's lock,
 * but with {@code AFTER} it answers with the live stored document, which is encoded for the wire
 * after the lock is released; a concurrent {@code $inc} can change it in between, so two callers
 * can be told the same value (measured: 106 duplicates in 8,000 calls from 16 threads). With
 * {@code BEFORE} it answers with a copy taken under the lock (0 duplicates in the same run). On a
 * real MongoDB both are atomic. The block is {@code before+1 .. before+size}.
 *
 * <p>A driver retry after a lost reply can only increment twice; that leaves a block nobody uses,
 * which readers see as a gap that times out. An index is never handed out twice.
 */
final class GlobalIndexAllocator {

    static final String SEQUENCE_ID = "globalIndex";
    static final String VALUE = "value";

    private static final Bson COUNTER = Filters.eq(CommitDocument.ID, SEQUENCE_ID);

    private final MongoCollection<BsonDocument> sequence;

    /**
     * With {@code unjournaled} (the embedded server only), the counter's increment does not wait for
     * its own commit ({@link CarriedByNextCommit}): it matters only together with the commit that uses
     * its indexes, which is made durable after it and carries it into the file. That saves a durable
     * commit per append; it did not speed up a single writer measurably (decision 16).
     */
    GlobalIndexAllocator(MongoCollection<BsonDocument> sequence, boolean unjournaled) {
        this.sequence = unjournaled ? CarriedByNextCommit.writesTo(sequence) : sequence;
    }

    IndexBlock take(int size) {
        BsonDocument before = sequence.findOneAndUpdate(
                COUNTER, Updates.inc(VALUE, (long) size),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new EventStoreException("The global index sequence document is missing; ensureSchema() creates it");
        }
        long previous = before.get(VALUE).asNumber().longValue();
        return new IndexBlock(previous + 1, previous + size);
    }

    /** The highest index handed out so far (0 when none): events up to it are stored, in flight or lost. */
    long highestTaken() {
        BsonDocument counter = sequence.find(COUNTER).first();
        return counter == null ? 0L : counter.get(VALUE).asNumber().longValue();
    }

    /**
     * Creates the counter if it is missing, past every commit already stored, so that a lost counter
     * document cannot make the sequence hand out stored indexes again. Finding the highest commit
     * scans the collection on the embedded server; it happens once, when the counter is created.
     */
    void ensureExists(MongoCollection<BsonDocument> commits) {
        if (sequence.find(COUNTER).first() != null) {
            return;
        }
        BsonDocument highest = commits.find()
                .projection(Projections.include(CommitDocument.LAST_INDEX))
                .sort(Sorts.descending(CommitDocument.ID))
                .limit(1)
                .first();
        long start = highest == null ? 0L : CommitDocument.of(highest).lastIndex();
        try {
            sequence.insertOne(new BsonDocument(CommitDocument.ID, new BsonString(SEQUENCE_ID))
                                       .append(VALUE, new BsonInt64(start)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another engine instance created it at the same moment; that one is as good.
        }
    }
}
