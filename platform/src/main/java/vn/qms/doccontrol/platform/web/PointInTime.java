package vn.qms.doccontrol.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Reads the moments the API accepts ({@code effectiveFrom}, {@code asOf}, {@code from}, {@code to}):
 * an ISO-8601 instant with an offset ({@code 2026-01-01T08:00:00+07:00}, {@code ...Z}) or a date
 * ({@code 2026-01-01}), which means 00:00 in Việt Nam, where the documents are signed.
 */
public final class PointInTime {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_LENGTH = 64;

    private PointInTime() {
    }

    /** @return the instant, or null when {@code value} is null or blank */
    public static Instant parseOptional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "must be an ISO-8601 date or instant");
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(VIETNAM).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field,
                    "must be an ISO-8601 date (2026-01-31) or instant with offset (2026-01-31T08:00:00+07:00)");
        }
    }
}
