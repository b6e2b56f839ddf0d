package vn.qms.doccontrol.query.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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

    /**
     * Reads what {@link #format} wrote. Text of exactly that shape is read digit by digit: a
     * register page parses two instants per revision of every document of the organization, and
     * {@link Instant#parse} (a general formatter building a map of fields per call) took two thirds
     * of the page's time. Anything else, and any value out of range, goes to {@link Instant#parse},
     * which reads or refuses it as before.
     */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        Instant fixedWidth = fixedWidth(text);
        return fixedWidth != null ? fixedWidth : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}, or null when the text is not exactly that. */
    private static Instant fixedWidth(String text) {
        if (text.length() != 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(29) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = digits(text, 20, 29);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
