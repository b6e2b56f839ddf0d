package vn.qms.doccontrol.command.http;

import java.time.Instant;
import vn.qms.doccontrol.platform.web.PointInTime;

/** When a change takes effect: the moment the request names, or the moment it is recorded. */
final class EffectiveFrom {

    private EffectiveFrom() {
    }

    static Instant orNow(String requested, Instant now) {
        Instant from = PointInTime.parseOptional("effectiveFrom", requested);
        return from == null ? now : from;
    }
}
