package vn.qms.doccontrol.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed password checks per account and client address; after {@code maxFailures} within
 * {@code failureWindow} that account is locked for {@code lockDuration} from that address only.
 *
 * <p>Keyed by address as well as account so that an attacker cannot lock the real user out from
 * elsewhere; attempts while locked do not extend the lock, so keeping it costs the attacker
 * {@code maxFailures} requests per lock period. The state is per process and in memory: in the
 * split deployment each side counts on its own, and a restart forgets. The number of tracked keys
 * is bounded, so that random login names cannot exhaust memory.
 */
public final class LoginThrottle {

    static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration failureWindow;
    private final Duration lockDuration;
    private final Clock clock;
    private final Map<Key, Attempts> attempts = new LinkedHashMap<>();

    public LoginThrottle(QmsSecurityProperties.Login settings, Clock clock) {
        this.maxFailures = settings.maxFailures();
        this.failureWindow = settings.failureWindow();
        this.lockDuration = settings.lockDuration();
        this.clock = clock;
    }

    /** @return until when the account is locked from this address, if it is */
    public synchronized Optional<Instant> lockedUntil(String username, String address) {
        Attempts entry = attempts.get(new Key(username, address));
        Instant now = clock.instant();
        if (entry == null || entry.lockedUntil == null || !entry.lockedUntil.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.lockedUntil);
    }

    public synchronized void succeeded(String username, String address) {
        attempts.remove(new Key(username, address));
    }

    /** Records a failed password check; logs it, and the lock it causes. */
    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        Key key = new Key(username, address);
        Attempts entry = attempts.get(key);
        if (entry == null || entry.windowStart.plus(failureWindow).isBefore(now)
                || (entry.lockedUntil != null && !entry.lockedUntil.isAfter(now))) {
            entry = new Attempts(now);
            attempts.remove(key);
            makeRoom(now);
            attempts.put(key, entry);
        }
        entry.failures++;
        SecurityLog.loginFailed(username, address, entry.failures, maxFailures);
        if (entry.failures >= maxFailures) {
            entry.lockedUntil = now.plus(lockDuration);
            SecurityLog.locked(username, address, entry.lockedUntil);
        }
    }

    int maxFailures() {
        return maxFailures;
    }

    private void makeRoom(Instant now) {
        if (attempts.size() < MAX_TRACKED) {
            return;
        }
        // Oldest first; a live lock is kept, forgotten failures and expired locks go.
        for (Iterator<Attempts> it = attempts.values().iterator(); it.hasNext() && attempts.size() >= MAX_TRACKED; ) {
            Attempts entry = it.next();
            if (entry.lockedUntil == null || !entry.lockedUntil.isAfter(now)) {
                it.remove();
            }
        }
    }

    private record Key(String username, String address) {
    }

    private static final class Attempts {
        final Instant windowStart;
        int failures;
        Instant lockedUntil;

        Attempts(Instant windowStart) {
            this.windowStart = windowStart;
        }
    }
}
