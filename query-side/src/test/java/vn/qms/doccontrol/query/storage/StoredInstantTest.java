package vn.qms.doccontrol.query.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StoredInstantTest {

    private static final long YEAR_1 = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999_END = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void readsBackEveryInstantItWroteAsInstantParseReadsIt() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_1, YEAR_9999_END + 1), random.nextInt(1_000_000_000));
            String text = StoredInstant.format(instant);

            assertThat(StoredInstant.parse(text)).isEqualTo(instant).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void readsLeapDaysAndTheEndsOfDaysAndYears() {
        for (String text : new String[] {"2024-02-29T00:00:00.000000000Z", "2023-12-31T23:59:59.999999999Z",
                "2000-02-29T12:00:00.000000001Z", "1970-01-01T00:00:00.000000000Z", "0001-01-01T00:00:00.000000000Z"}) {
            assertThat(StoredInstant.parse(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void readsOtherIsoShapesAsInstantParseDoes() {
        assertThat(StoredInstant.parse("2026-01-31T01:00:00Z")).isEqualTo(Instant.parse("2026-01-31T01:00:00Z"));
        assertThat(StoredInstant.parse("+10000-01-01T00:00:00.000000000Z")).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        // ISO's end of day, which Instant.parse takes as the next midnight.
        assertThat(StoredInstant.parse("2026-01-01T24:00:00.000000000Z")).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(StoredInstant.parse(null)).isNull();
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : new String[] {"2023-02-29T00:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z",
                "2026-01-01T00:60:00.000000000Z", "2026-01-01T00:00:00.00000000xZ",
                "2026-04-31T00:00:00.000000000Z", "not an instant"}) {
            assertThatThrownBy(() -> StoredInstant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
