package vn.qms.doccontrol.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts, sessions and login throttling. {@code qms.demo} adds the demo accounts; it defaults to
 * on for the embedded default and off with a real MongoDB. Configured users carry a bcrypt hash,
 * never a password.
 */
@ConfigurationProperties(prefix = "qms")
public record QmsSecurityProperties(Boolean demo, Security security) {

    public QmsSecurityProperties {
        security = security == null ? new Security(null, null, null) : security;
    }

    public record Security(List<User> users, Session session, Login login) {
        public Security {
            users = users == null ? List.of() : List.copyOf(users);
            session = session == null ? new Session(null, null) : session;
            login = login == null ? new Login(null, null, null) : login;
        }
    }

    /**
     * @param username     login name
     * @param passwordHash bcrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...})
     * @param roles        one or more of {@link QmsRole}
     */
    public record User(String username, String passwordHash, List<QmsRole> roles) {
    }

    /**
     * @param lifetime    a session ends this long after it was opened, however busy
     * @param idleTimeout a session ends when unused for this long
     */
    public record Session(Duration lifetime, Duration idleTimeout) {
        public Session {
            lifetime = positive("qms.security.session.lifetime", lifetime, Duration.ofHours(8));
            idleTimeout = positive("qms.security.session.idle-timeout", idleTimeout, Duration.ofMinutes(30));
        }
    }

    /**
     * @param maxFailures   failed password checks for one account from one address that lock it there
     * @param failureWindow failures older than this are forgotten
     * @param lockDuration  how long such a lock lasts
     */
    public record Login(Integer maxFailures, Duration failureWindow, Duration lockDuration) {
        public Login {
            maxFailures = maxFailures == null ? 5 : maxFailures;
            if (maxFailures < 1) {
                throw new IllegalStateException("qms.security.login.max-failures must be at least 1");
            }
            failureWindow = positive("qms.security.login.failure-window", failureWindow, Duration.ofMinutes(15));
            lockDuration = positive("qms.security.login.lock-duration", lockDuration, Duration.ofMinutes(15));
        }
    }

    private static Duration positive(String property, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(property + " must be a positive duration");
        }
        return value;
    }
}
