package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one commit: takes its global indexes, then inserts it as one document, so that its events
 * are stored together or not at all.
 *
 * <p>Whenever it can tell that its commit is not stored, it leaves a tombstone at the commit's
 * {@code _id}, so that tracking readers close the gap at once instead of waiting for the gap timeout.
 * When an insert's outcome is unknown (a lost connection, a timeout), inserting the tombstone settles
 * it: the {@code _id} is this writer's alone, so either the tombstone goes in (the commit never will)
 * or it collides with the commit itself (the commit is stored).
 */
final class CommitWriter {

    private static final Logger log = LoggerFactory.getLogger(CommitWriter.class);

    /** A unique key other than the global index is taken: the aggregate sequence or an event identifier. */
    static final class ConflictingCommit extends Exception {
        private static final long serialVersionUID = 1L;

        ConflictingCommit(Exception duplicateKey) {
            super(duplicateKey);
        }

        Exception duplicateKey() {
            return (Exception) getCause();
        }
    }

    private final MongoCollection<BsonDocument> commits;
    private final GlobalIndexAllocator allocator;
    private final Clock clock;
    private final Duration lateCommitLimit;
    private final IndexTakenHook indexTakenHook;

    CommitWriter(MongoCollection<BsonDocument> commits, GlobalIndexAllocator allocator, Clock clock,
                 Duration lateCommitLimit, IndexTakenHook indexTakenHook) {
        this.commits = commits;
        this.allocator = allocator;
        this.clock = clock;
        this.lateCommitLimit = lateCommitLimit;
        this.indexTakenHook = indexTakenHook;
    }

    IndexBlock write(PreparedCommit commit) throws ConflictingCommit {
        IndexBlock block = allocator.take(commit.size());
        Instant indexTakenAt = clock.instant();
        indexTakenHook.indexTaken(block);
        Duration sinceTaken = Duration.between(indexTakenAt, clock.instant());
        if (sinceTaken.compareTo(lateCommitLimit) > 0) {
            // Readers give a gap up after the gap timeout; refusing at half of it leaves the other half
            // for this insert to travel and for clocks to differ. An event stored after its gap was
            // given up would be in the store and in no projection.
            leaveTombstone(block, indexTakenAt, "refused: " + sinceTaken.toMillis() + " ms after taking the index");
            throw new EventStoreException("Refused to store a commit " + sinceTaken.toMillis()
                    + " ms after it took global index " + block.first() + " (limit " + lateCommitLimit.toMillis()
                    + " ms, half the gap timeout). Nothing was stored.");
        }
        try {
            // Bounded by what is left of the limit, so that a hung insert is settled (and fenced off
            // by a tombstone) while readers still wait for it. The driver marks withTimeout as alpha
            // API; it is the one way to bound a single operation without touching the shared client.
            commits.withTimeout(lateCommitLimit.minus(sinceTaken).toMillis() + 1, TimeUnit.MILLISECONDS)
                    .insertOne(commit.toDocument(block, indexTakenAt));
            return block;
        } catch (RuntimeException failure) {
            settle(commit, block, indexTakenAt, failure);
            return block;
        }
    }

    private void settle(PreparedCommit commit, IndexBlock block, Instant indexTakenAt, RuntimeException failure)
            throws ConflictingCommit {
        if (MongoDuplicateKeys.isDuplicateKey(failure)) {
            BsonDocument atOurIndex = commitAt(block);
            if (atOurIndex == null) {
                leaveTombstone(block, indexTakenAt, "conflict: " + failure.getMessage());
                throw new ConflictingCommit(failure);
            }
            if (isOurs(atOurIndex, commit)) {
                // The driver retried an insert whose first attempt had succeeded.
                return;
            }
            throw new EventStoreException("Global index " + block.first() + " was handed out twice; "
                    + "the sequence document in the event store is behind its commits", failure);
        }
        if (leaveTombstone(block, indexTakenAt, "failed: " + failure.getMessage())) {
            throw new EventStoreException("The commit at global index " + block.first() + " was not stored", failure);
        }
        BsonDocument atOurIndex = commitAt(block);
        if (atOurIndex != null && isOurs(atOurIndex, commit)) {
            Duration sinceTaken = Duration.between(indexTakenAt, clock.instant());
            if (sinceTaken.compareTo(lateCommitLimit.multipliedBy(2)) > 0) {
                log.error("Commit {} became visible {} ms after it took its index, later than the gap timeout: "
                                  + "tracking processors may have passed it; replay them", block, sinceTaken.toMillis());
            } else {
                log.warn("The insert of commit {} reported {}, but the commit is stored", block, failure.toString());
            }
            return;
        }
        throw new EventStoreException("Cannot tell whether the commit at global index " + block.first()
                + " was stored", failure);
    }

    private boolean leaveTombstone(IndexBlock block, Instant indexTakenAt, String reason) {
        try {
            commits.insertOne(CommitDocument.tombstone(block, indexTakenAt, clock.instant(), reason));
            return true;
        } catch (RuntimeException e) {
            log.debug("No tombstone for {}: {}", block, e.toString());
            return false;
        }
    }

    private BsonDocument commitAt(IndexBlock block) {
        try {
            return commits.find(Filters.eq(CommitDocument.ID, block.first())).first();
        } catch (RuntimeException e) {
            throw new EventStoreException("Cannot tell whether the commit at global index " + block.first()
                    + " was stored", e);
        }
    }

    private static boolean isOurs(BsonDocument stored, PreparedCommit commit) {
        return Objects.equals(CommitDocument.of(stored).firstEventIdentifier(), commit.firstEventIdentifier());
    }
}
