package vn.qms.doccontrol.query.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The withdrawal of a document, in force from {@code effectiveFrom} (which may lie ahead). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Withdrawal(String reason, String supersededBy, Instant effectiveFrom, String recordedBy, Instant recordedAt) {

    boolean inForceAt(Instant moment) {
        return !effectiveFrom.isAfter(moment);
    }
}
