package vn.qms.doccontrol.command.document;

import java.time.Instant;

/**
 * A revision or withdrawal would take effect before the latest revision does. Refused so that the
 * revision in force at any moment stays well defined.
 */
public class EffectiveFromTooEarlyException extends RuntimeException {

    public static final String FIELD = "effectiveFrom";

    private final Instant requested;
    private final Instant notBefore;

    public EffectiveFromTooEarlyException(Instant requested, Instant notBefore) {
        super("must not be before " + notBefore + ", when the latest revision takes effect");
        this.requested = requested;
        this.notBefore = notBefore;
    }

    public String field() {
        return FIELD;
    }

    public Instant requested() {
        return requested;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
