package vn.qms.doccontrol.platform.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** The account is locked from the client's address after too many failed logins; answered 429. */
final class LoginLockedException extends AuthenticationException {

    private final Instant lockedUntil;

    LoginLockedException(Instant lockedUntil) {
        super("too many failed logins; locked until " + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
