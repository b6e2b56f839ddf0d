package vn.qms.doccontrol.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Reports every read-model processor under {@code /actuator/health} ("projections"): whether it runs
 * and holds its segment, how far it has got in the event store and how many indexes it is behind
 * the newest one handed out. A processor stuck on a failing event ({@link TrackingProcessorsConfiguration}
 * retries it rather than skip it) turns the whole report DOWN, so that a stale register is seen by
 * whoever watches the health, not only in the log. The failure's type is shown; its message, which
 * may name documents, stays in the log. So do the events skipped as unprojectable, counted here.
 */
@Component("projections")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionErrors errors;

    ProjectionsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore, ProjectionErrors errors) {
        super("Projection health check failed");
        this.processing = processing;
        this.eventStore = eventStore;
        this.errors = errors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = positionOf(eventStore.createHeadToken()).orElse(0L);
        boolean failing = false;
        for (String group : ProcessingGroups.ALL) {
            TrackingEventProcessor processor = ProcessingGroups.processor(processing, group);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            details.put("claimed", !segments.isEmpty());
            for (EventTrackerStatus segment : segments.values()) {
                OptionalLong position = positionOf(segment.getTrackingToken());
                details.put("position", position.orElse(0L));
                details.put("behind", Math.max(0L, head - position.orElse(0L)));
                details.put("caughtUp", segment.isCaughtUp());
                details.put("replaying", segment.isReplaying());
                if (segment.isErrorState()) {
                    failing = true;
                    details.put("error", segment.getError().getClass().getName());
                }
            }
            details.put("skippedSinceStart", errors.skipped(group));
            if (processor.isError()) {
                failing = true;
                details.putIfAbsent("error", "retrying after a failure");
            }
            builder.withDetail(group, details);
        }
        builder.withDetail("head", head);
        if (failing) {
            builder.down();
        } else {
            builder.up();
        }
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
