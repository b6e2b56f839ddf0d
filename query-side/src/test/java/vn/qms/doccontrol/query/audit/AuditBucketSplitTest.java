package vn.qms.doccontrol.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.query.storage.StoredInstant;
import vn.qms.doccontrol.query.storage.WholeDocuments;
import vn.qms.doccontrol.query.support.MongoTestDatabase;

/**
 * An entry that starts a bucket of an organization's listing and arrives after entries with higher
 * {@code seq}s: those move into its bucket, the month's first bucket is dropped once it holds nothing,
 * and a redelivery, also after only some of the batch's writes landed, leaves what a replay in
 * {@code seq} order writes.
 */
class AuditBucketSplitTest {

    private static final AuditScope ORGANIZATION = AuditScope.of("ubnd-phuong-ben-nghe", null);
    private static final Instant IN_MARCH = Instant.parse("2026-03-10T03:00:00Z");
    private static final String[] COLLECTIONS = {AuditTrailIndex.BUCKETS_COLLECTION, AuditTrailIndex.YEARS_COLLECTION};

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private AuditTrailIndex index;
    /** The {@code _id}s of the buckets written, in the order they were sent. */
    private final List<Object> bucketWrites = new ArrayList<>();
    /** A seq that starts a bucket, with seqs that do not right before and after it. */
    private long start;

    @BeforeEach
    void open() {
        mongo = MongoTestDatabase.start(dataDir);
        index = new AuditTrailIndex(mongo.database(), new WholeDocuments(true) {
            @Override
            public void inCommands(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
                if (collection.getNamespace().getCollectionName().equals(AuditTrailIndex.BUCKETS_COLLECTION)) {
                    writes.forEach(write -> bucketWrites.add(write instanceof ReplaceOneModel<Document> replace
                            ? replace.getReplacement().get("_id") : ((DeleteOneModel<Document>) write).getFilter()));
                }
                super.inCommands(collection, writes);
            }
        });
        start = LongStream.iterate(100, seq -> seq + 1)
                .filter(seq -> AuditTrailIndex.startsBucket(seq, ORGANIZATION)
                        && !AuditTrailIndex.startsBucket(seq - 2, ORGANIZATION) && !AuditTrailIndex.startsBucket(seq - 1, ORGANIZATION)
                        && !AuditTrailIndex.startsBucket(seq + 1, ORGANIZATION) && !AuditTrailIndex.startsBucket(seq + 2, ORGANIZATION))
                .findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aLateStartTakesTheHigherEntriesOutOfTheBucketBeforeIt() {
        Map<String, List<String>> replay = inOrder(start - 1, start, start + 1);

        file(start - 1, start + 1);
        file(start);

        assertThat(mongo.dump(COLLECTIONS)).isEqualTo(replay);
        assertThat(bucketIds()).containsExactly(bucketId(0), bucketId(start));
    }

    @Test
    void theMonthsFirstBucketIsDroppedWhenALateStartTakesAllItsEntries() {
        Map<String, List<String>> replay = inOrder(start, start + 1, start + 2);

        file(start + 1, start + 2);
        assertThat(bucketIds()).containsExactly(bucketId(0));
        file(start);

        assertThat(mongo.dump(COLLECTIONS)).isEqualTo(replay);
        assertThat(bucketIds()).containsExactly(bucketId(start));
        assertThat(mongo.database().getCollection(AuditTrailIndex.YEARS_COLLECTION)
                .find(Filters.eq("_id", ORGANIZATION.key() + "|2026")).first().get("buckets", Document.class).keySet())
                .containsExactly("2026-03#" + start);
    }

    @Test
    void theBucketThatReceivesEntriesIsWrittenBeforeTheOneThatGivesThemUp() {
        file(start - 1, start + 1);
        bucketWrites.clear();

        file(start);

        assertThat(bucketWrites).containsExactly(bucketId(start), bucketId(0));
    }

    @Test
    void aRedeliveryAfterOnlyTheReceivingBucketWasWrittenSplitsAgain() {
        Map<String, List<String>> replay = inOrder(start - 1, start, start + 1);
        file(start - 1, start + 1);
        Document headBefore = mongo.database().getCollection(AuditTrailIndex.BUCKETS_COLLECTION).find(Filters.eq("_id", bucketId(0))).first();
        Document yearBefore = mongo.database().getCollection(AuditTrailIndex.YEARS_COLLECTION)
                .find(Filters.eq("_id", ORGANIZATION.key() + "|2026")).first();

        file(start);
        // As if the batch stopped after its first write: the new bucket holds its entries, the month's
        // first bucket still holds the entry that moved, and the summary is the old one.
        mongo.database().getCollection(AuditTrailIndex.BUCKETS_COLLECTION)
                .replaceOne(Filters.eq("_id", bucketId(0)), headBefore, new ReplaceOptions().upsert(true));
        mongo.database().getCollection(AuditTrailIndex.YEARS_COLLECTION)
                .replaceOne(Filters.eq("_id", yearBefore.get("_id")), yearBefore);
        file(start);

        assertThat(mongo.dump(COLLECTIONS)).isEqualTo(replay);
    }

    private Map<String, List<String>> inOrder(long... seqs) {
        for (long seq : seqs) {
            file(seq);
        }
        Map<String, List<String>> replay = mongo.dump(COLLECTIONS);
        index.clear();
        return replay;
    }

    private void file(long... seqs) {
        index.addAll(LongStream.of(seqs).mapToObj(seq -> {
            Instant occurredAt = IN_MARCH.plusSeconds(seq);
            return new AuditTrailIndex.Filing(ORGANIZATION, seq, occurredAt,
                    new Document("seq", seq).append(AuditBson.OCCURRED_AT, StoredInstant.format(occurredAt)));
        }).toList());
    }

    private List<String> bucketIds() {
        return mongo.dump(AuditTrailIndex.BUCKETS_COLLECTION).get(AuditTrailIndex.BUCKETS_COLLECTION).stream()
                .map(json -> Document.parse(json).getString("_id")).toList();
    }

    private static String bucketId(long block) {
        return ORGANIZATION.key() + "|2026-03#" + block;
    }
}
