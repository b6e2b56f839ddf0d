package vn.qms.doccontrol.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Writes beyond the limit wait their turn, or get 503 after waiting too long; reads never wait. */
class WriteAdmissionFilterTest {

    private final WriteAdmissionFilter filter = new WriteAdmissionFilter(1, Duration.ofMillis(200), new ObjectMapper());
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private final CountDownLatch insideChain = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void shouldAnswer503ToAWriteThatWaitedTooLongWhileTheLimitIsTaken() throws Exception {
        Future<?> first = holdThePermitWith("POST");

        MockFilterChain neverReached = new MockFilterChain();
        MockHttpServletResponse second = send("POST", neverReached);

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getContentType()).startsWith("application/problem+json");
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(neverReached.getRequest()).as("nothing of the refused write ran").isNull();

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        MockFilterChain chain = new MockFilterChain();
        assertThat(send("DELETE", chain).getStatus()).as("admitted once the permit is back").isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void shouldLetReadsThroughWhileEveryWritePermitIsTaken() throws Exception {
        holdThePermitWith("PUT");

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse read = send("GET", chain);

        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).as("the read reached the application").isNotNull();
    }

    private Future<?> holdThePermitWith(String method) throws InterruptedException {
        FilterChain blocking = (request, response) -> {
            insideChain.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Future<?> holder = threads.submit(() -> {
            filter.doFilter(new MockHttpServletRequest(method, "/api/documents"), new MockHttpServletResponse(), blocking);
            return null;
        });
        assertThat(insideChain.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private MockHttpServletResponse send(String method, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, "/api/documents"), response, chain);
        return response;
    }
}
