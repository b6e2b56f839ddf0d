package vn.qms.doccontrol.platform.security;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security log: logins refused, locks, sessions opened and ended. It is an operator's log
 * (logger {@value #LOGGER}, its own file), not the documents' audit trail, which records only
 * changes to documents. It never holds a password or a token; a session is named by the first
 * characters of its token's SHA-256, which is what {@code auth_sessions} stores.
 */
public final class SecurityLog {

    public static final String LOGGER = "qms.security";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_NAME_LENGTH = 64;

    private SecurityLog() {
    }

    static void loginFailed(String username, String address, int failures, int maxFailures) {
        log.warn("login failed: user={} from={} failures={}/{}", printable(username), printable(address), failures, maxFailures);
    }

    static void locked(String username, String address, Instant until) {
        log.warn("login locked: user={} from={} until={}", printable(username), printable(address), until);
    }

    static void refusedWhileLocked(String username, String address, Instant until) {
        log.warn("login refused, locked: user={} from={} until={}", printable(username), printable(address), until);
    }

    static void tokenRefused(String address, String reason) {
        log.info("bearer token refused: from={} reason={}", printable(address), reason);
    }

    static void sessionOpened(String username, String sessionRef, String address, Instant expiresAt) {
        log.info("session opened: user={} session={} from={} expires={}", printable(username), sessionRef, printable(address), expiresAt);
    }

    static void sessionEnded(String username, String sessionRef, String address) {
        log.info("session ended: user={} session={} from={}", printable(username), sessionRef, printable(address));
    }

    /** A login name is whatever the client sent: keep it on one line and short, so it cannot forge log lines. */
    static String printable(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_NAME_LENGTH).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_NAME_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }
}
