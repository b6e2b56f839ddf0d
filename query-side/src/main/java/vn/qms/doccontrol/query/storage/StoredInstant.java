package vn.qms.doccontrol.query.storage;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Instants in the read models are UTC text with exactly nine fraction digits
 * ({@code 2026-01-31T01:00:00.000000000Z}), not BSON dates: a BSON date keeps milliseconds only,
 * and the audit trail must show the very instant the event carries. The fixed width keeps string
 * order equal to time order, so range filters and indexes work on the text as they would on dates.
 */
public final class StoredInstant {

    private static final DateTimeFormatter FIXED_WIDTH = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private StoredInstant() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FIXED_WIDTH.format(instant);
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
