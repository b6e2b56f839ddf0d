package vn.qms.doccontrol.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new QmsSecurityProperties.Login(5, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void shouldLockTheAccountFromThatAddressAtTheFifthFailureWithinTheWindow() {
        fail("thuky", "10.0.0.1", 4);
        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).isEmpty();

        fail("thuky", "10.0.0.1", 1);

        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).contains(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(throttle.lockedUntil("thuky", "10.0.0.2")).as("another address").isEmpty();
        assertThat(throttle.lockedUntil("other", "10.0.0.1")).as("another account").isEmpty();
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        fail("thuky", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("thuky", "10.0.0.1", 4);
        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).isEmpty();
    }

    @Test
    void shouldLiftTheLockWhenItExpiresAndCountAfresh() {
        fail("thuky", "10.0.0.1", 5);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).isEmpty();
        fail("thuky", "10.0.0.1", 1);
        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).as("one failure after a lock is one failure").isEmpty();
    }

    @Test
    void shouldResetTheCountOnSuccess() {
        fail("thuky", "10.0.0.1", 4);
        throttle.succeeded("thuky", "10.0.0.1");
        fail("thuky", "10.0.0.1", 4);
        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).isEmpty();
    }

    @Test
    void shouldKeepTrackingAKnownAccountWhileRandomNamesFlood() {
        fail("thuky", "10.0.0.1", 5);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 100; i++) {
            throttle.failed("random-" + i, "10.0.0.9");
        }
        assertThat(throttle.lockedUntil("thuky", "10.0.0.1")).as("a live lock is never evicted").isPresent();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }
}
