package vn.qms.doccontrol.platform.eventstore.mongo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;

/**
 * A tracking reader's position while it reads one batch: the highest global index it has passed and
 * the gaps below it, the indexes it passed that were taken but not yet visible. Axon's
 * {@link GapAwareTrackingToken} is its immutable, stored form.
 *
 * <p>The index only ever stops at the end of a commit (or at a position that was never inside one),
 * so the next commit always starts at {@code index + 1} and is found by its {@code _id}.
 */
final class TrackingCursor {

    /** A maximal run of consecutive gaps, {@code first..last}. */
    record GapRun(long first, long last) {
    }

    private long index;
    private final TreeSet<Long> gaps;

    private TrackingCursor(long index, TreeSet<Long> gaps) {
        this.index = index;
        this.gaps = gaps;
    }

    /** Continues from {@code token}; a null token starts before the first index there can be. */
    static TrackingCursor from(GapAwareTrackingToken token) {
        if (token == null) {
            return new TrackingCursor(0L, new TreeSet<>());
        }
        return new TrackingCursor(token.getIndex(), new TreeSet<>(token.getGaps()));
    }

    long index() {
        return index;
    }

    NavigableSet<Long> gaps() {
        return Collections.unmodifiableNavigableSet(gaps);
    }

    boolean isGap(long globalIndex) {
        return gaps.contains(globalIndex);
    }

    /** A commit that was a gap became visible: none of its indexes is a gap any more. */
    void fill(long first, long last) {
        gaps.subSet(first, true, last, true).clear();
    }

    /**
     * Moves past a commit beyond the index. The indexes skipped on the way become gaps when they may
     * still fill, and are passed for good when they are too old to (see the gap timeout).
     */
    void advancePast(long first, long last, boolean skippedMayStillFill) {
        if (first <= index) {
            throw new IllegalStateException("Commit " + first + ".." + last + " is not beyond index " + index);
        }
        if (skippedMayStillFill) {
            for (long skipped = index + 1; skipped < first; skipped++) {
                gaps.add(skipped);
            }
        }
        index = last;
    }

    /** Gives up on a run of gaps: their indexes are passed for good. */
    void expire(GapRun run) {
        gaps.subSet(run.first(), true, run.last(), true).clear();
    }

    List<GapRun> gapRuns() {
        List<GapRun> runs = new ArrayList<>();
        Long runFirst = null;
        long previous = Long.MIN_VALUE;
        for (long gap : gaps) {
            if (runFirst == null) {
                runFirst = gap;
            } else if (gap != previous + 1) {
                runs.add(new GapRun(runFirst, previous));
                runFirst = gap;
            }
            previous = gap;
        }
        if (runFirst != null) {
            runs.add(new GapRun(runFirst, previous));
        }
        return runs;
    }

    GapAwareTrackingToken token() {
        return GapAwareTrackingToken.newInstance(index, gaps);
    }
}
