package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the next batch for a tracking processor with {@code _id} lookups only: the sequence's value,
 * then one {@code $in} over the next indexes handed out (at most {@code batchSize}), the token's gaps
 * and the commit after each run of gaps.
 *
 * <p><b>Gaps.</b> An index below the token's that was taken but is not visible yet is a gap; every
 * read looks for it again, and when its commit appears its events are delivered then, once. A gap
 * expires when it is older than the gap timeout. Its age is read from the commit right after its run:
 * indexes are handed out in increasing order, so a gap was taken no later than that commit's
 * {@code indexTakenAt}. A writer refuses to make a commit visible once half the gap timeout has passed
 * since it took its index (see the engine), so an expired gap can no longer fill.
 *
 * <p><b>Ordering.</b> Within a batch, events come in global-index order. A gap that fills late is
 * delivered after the higher indexes already passed: that is what lets readers go on while one
 * writer stalls. Events of one aggregate keep their order, because a writer loads an aggregate's
 * events before it takes the index of the next one.
 *
 * <p><b>One token per commit.</b> All events of a commit carry the token that passes the whole
 * commit. Axon's processors treat events with equal tokens as one unit, so a processor never stops
 * in the middle of a commit, and the token never points inside one.
 */
final class TrackedEventReader {

    private static final Logger log = LoggerFactory.getLogger(TrackedEventReader.class);

    private final MongoCollection<BsonDocument> commits;
    private final GlobalIndexAllocator allocator;
    private final Clock clock;
    private final Duration gapTimeout;
    /** Leaves out the payload fields no tracking processor reads; null (everything) when none are. */
    private final Bson leanEvents;

    TrackedEventReader(MongoCollection<BsonDocument> commits, GlobalIndexAllocator allocator, Clock clock,
                       Duration gapTimeout, Set<String> payloadFieldsNotTracked) {
        this.commits = commits;
        this.allocator = allocator;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.leanEvents = CommitDocument.withoutPayloadFields(payloadFieldsNotTracked);
    }

    List<TrackedEventData<?>> read(GapAwareTrackingToken lastToken, int batchSize) {
        TrackingCursor cursor = TrackingCursor.from(lastToken);
        Instant gapsExpireBefore = clock.instant().minus(gapTimeout);
        List<TrackedEventData<?>> batch = new ArrayList<>();
        // Read first, so that a reader at the head looks up only the indexes handed out since its
        // last read (usually none) instead of a whole window of indexes that do not exist yet.
        long highestTaken = allocator.highestTaken();
        long scanFrom = cursor.index() + 1;
        while (true) {
            if (scanFrom > highestTaken && !cursor.gaps().iterator().hasNext()) {
                return batch;
            }
            long scanTo = Math.min(scanFrom + batchSize - 1, highestTaken);
            NavigableMap<Long, CommitDocument> found = find(idsToLookUp(cursor, scanFrom, scanTo));
            fillGaps(cursor, found, batch);
            expireGaps(cursor, found, gapsExpireBefore);
            boolean passedCommits = readBeyond(cursor, found.tailMap(scanFrom, true), gapsExpireBefore, batch);
            if (!batch.isEmpty()) {
                return batch;
            }
            if (passedCommits) {
                // Only tombstones so far: keep going from behind them.
                scanFrom = cursor.index() + 1;
            } else if (scanTo < highestTaken) {
                // Nothing visible in this window, but indexes beyond it were handed out (a writer that
                // crashed or gave up on a block wider than the window): look further, or a reader
                // would wait in front of that hole forever.
                scanFrom = scanTo + 1;
            } else {
                return batch;
            }
            if (scanFrom > highestTaken) {
                return batch;
            }
        }
    }

    private static Set<Long> idsToLookUp(TrackingCursor cursor, long scanFrom, long scanTo) {
        Set<Long> ids = new TreeSet<>(cursor.gaps());
        for (TrackingCursor.GapRun run : cursor.gapRuns()) {
            // The commit after a run of gaps dates the run (see the class comment).
            ids.add(run.last() + 1);
        }
        for (long id = scanFrom; id <= scanTo; id++) {
            ids.add(id);
        }
        return ids;
    }

    private NavigableMap<Long, CommitDocument> find(Set<Long> ids) {
        NavigableMap<Long, CommitDocument> found = new TreeMap<>();
        for (BsonDocument document : commits.find(Filters.in(CommitDocument.ID, ids)).projection(leanEvents)) {
            CommitDocument commit = CommitDocument.of(document);
            found.put(commit.firstIndex(), commit);
        }
        return found;
    }

    private static void fillGaps(TrackingCursor cursor, NavigableMap<Long, CommitDocument> found,
                                 List<TrackedEventData<?>> batch) {
        for (CommitDocument commit : found.headMap(cursor.index(), true).values()) {
            if (cursor.isGap(commit.firstIndex())) {
                cursor.fill(commit.firstIndex(), commit.lastIndex());
                deliver(commit, cursor.token(), batch);
            }
        }
    }

    private static void expireGaps(TrackingCursor cursor, NavigableMap<Long, CommitDocument> found,
                                   Instant gapsExpireBefore) {
        for (TrackingCursor.GapRun run : cursor.gapRuns()) {
            CommitDocument next = found.get(run.last() + 1);
            // No commit right after the run: the index after it was itself given up as too old, or
            // lies inside a commit that was given up; either way this older run cannot fill in time.
            if (next == null || next.indexTakenAt().isBefore(gapsExpireBefore)) {
                log.debug("Gaps {}..{} expired", run.first(), run.last());
                cursor.expire(run);
            }
        }
    }

    private static boolean readBeyond(TrackingCursor cursor, NavigableMap<Long, CommitDocument> beyond,
                                      Instant gapsExpireBefore, List<TrackedEventData<?>> batch) {
        for (CommitDocument commit : beyond.values()) {
            boolean skippedMayStillFill = !commit.indexTakenAt().isBefore(gapsExpireBefore);
            cursor.advancePast(commit.firstIndex(), commit.lastIndex(), skippedMayStillFill);
            deliver(commit, cursor.token(), batch);
        }
        return !beyond.isEmpty();
    }

    private static void deliver(CommitDocument commit, GapAwareTrackingToken token, List<TrackedEventData<?>> batch) {
        for (BsonDocument event : commit.events()) {
            batch.add(new TrackedDomainEventData<>(token, EventDocuments.readTracked(event)));
        }
    }
}
