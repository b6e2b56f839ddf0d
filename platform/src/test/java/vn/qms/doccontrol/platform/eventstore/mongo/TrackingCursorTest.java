package vn.qms.doccontrol.platform.eventstore.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

class TrackingCursorTest {

    @Test
    void passingACommitBeyondTheIndexOpensGapsForTheIndexesSkipped() {
        TrackingCursor cursor = TrackingCursor.from(null);

        cursor.advancePast(3, 5, true);
        cursor.advancePast(9, 9, true);

        assertThat(cursor.token()).isEqualTo(GapAwareTrackingToken.newInstance(9, List.of(1L, 2L, 6L, 7L, 8L)));
        assertThat(cursor.gapRuns()).containsExactly(new TrackingCursor.GapRun(1, 2), new TrackingCursor.GapRun(6, 8));
    }

    @Test
    void indexesSkippedPastAnOldCommitAreNotGaps() {
        TrackingCursor cursor = TrackingCursor.from(GapAwareTrackingToken.newInstance(10, List.of(4L)));

        cursor.advancePast(14, 20, false);

        assertThat(cursor.token()).isEqualTo(GapAwareTrackingToken.newInstance(20, List.of(4L)));
    }

    @Test
    void aFilledCommitClosesAllItsGapsAndAnExpiredRunClosesForGood() {
        TrackingCursor cursor = TrackingCursor.from(GapAwareTrackingToken.newInstance(30, List.of(3L, 4L, 5L, 10L, 11L)));

        cursor.fill(3, 5);
        assertThat(cursor.gapRuns()).containsExactly(new TrackingCursor.GapRun(10, 11));
        cursor.expire(new TrackingCursor.GapRun(10, 11));

        assertThat(cursor.token()).isEqualTo(GapAwareTrackingToken.newInstance(30, List.of()));
        assertThat(cursor.index()).isEqualTo(30);
    }

    @Test
    void neverGoesBackwards() {
        TrackingCursor cursor = TrackingCursor.from(GapAwareTrackingToken.newInstance(30, List.of()));

        assertThatThrownBy(() -> cursor.advancePast(30, 31, true)).isInstanceOf(IllegalStateException.class);
    }
}
