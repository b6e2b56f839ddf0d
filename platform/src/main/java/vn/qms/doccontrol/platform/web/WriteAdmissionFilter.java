package vn.qms.doccontrol.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code qms.http.max-concurrent-writes} requests that change something (every method
 * but GET, HEAD, OPTIONS and TRACE) run at once; the others wait their turn, in arrival order.
 *
 * <p>Why: a write is all CPU (JSON of up to megabytes, NFC, SHA-256, the aggregate, the event
 * store), and with sixteen writers running at once on two cores the read-model processors, two
 * threads among twenty, got a tenth of the CPU and fell seconds behind the writes they project.
 * With the writers bounded (default: twice the cores) the processors keep up, and the writes
 * themselves go no slower, since the CPU was the limit anyway: they queue here instead of on the
 * scheduler. A write that waited {@code qms.http.write-queue-timeout} (default 30 s) is answered
 * 503 with {@code Retry-After}, before anything of it was read.
 *
 * <p>Runs right after {@link RequestSizeLimitFilter}, before authentication, so that a burst of
 * logins (bcrypt) is bounded too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WriteAdmissionFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Semaphore permits;
    private final Duration queueTimeout;
    private final ObjectMapper mapper;

    public WriteAdmissionFilter(@Value("${qms.http.max-concurrent-writes:0}") int maxConcurrentWrites,
                                @Value("${qms.http.write-queue-timeout:30s}") Duration queueTimeout,
                                ObjectMapper mapper) {
        int limit = maxConcurrentWrites > 0 ? maxConcurrentWrites : 2 * Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(limit, true);
        this.queueTimeout = queueTimeout;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                    "Too many writes are waiting; try again in a moment."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
