package vn.qms.doccontrol.query.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a read-model processor does when a handler fails. A failure of the read model's storage (a
 * MongoDB read that timed out, a full disk) or a bug fails the batch: the processor keeps its token,
 * backs off and retries, so the event is applied once the cause is gone, and the health shows the
 * processor in error meanwhile. Axon's default would log the event and go on without it, and a
 * register that an inspector relies on must never silently lack an event.
 *
 * <p>Only an {@link UnprojectableEventException} is skipped, since no retry can ever apply it; it is
 * logged at ERROR with the event's id and counted in the health, per processing group.
 */
@Component
public class ProjectionErrors {

    private static final Logger log = LoggerFactory.getLogger(ProjectionErrors.class);

    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    ListenerInvocationErrorHandler handlerFor(String processingGroup) {
        return (Exception exception, EventMessage<?> event, EventMessageHandler handler) -> {
            if (exception instanceof UnprojectableEventException) {
                skipped.computeIfAbsent(processingGroup, group -> new AtomicLong()).incrementAndGet();
                log.error("{}: skipped event {} ({}), which no retry can apply: {}", processingGroup,
                        event.getIdentifier(), event.getPayloadType().getSimpleName(), exception.getMessage());
                return;
            }
            throw exception;
        };
    }

    /** Events skipped by the group's processor since this process started. */
    public long skipped(String processingGroup) {
        AtomicLong count = skipped.get(processingGroup);
        return count == null ? 0L : count.get();
    }
}
