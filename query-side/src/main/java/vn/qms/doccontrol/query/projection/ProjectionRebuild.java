package vn.qms.doccontrol.query.projection;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models from the event store: each processor of the query side is stopped, its
 * token reset (its {@code @ResetHandler}s empty its collections) and started again, so it replays
 * every event. Start the application with {@code qms.projections.rebuild=true} (env
 * {@code QMS_PROJECTIONS_REBUILD=true}) to do it once at startup, e.g. after a projection changed.
 *
 * <p>Until the replay has caught up, reads answer from partly rebuilt collections. With several
 * instances of the query side, rebuild on one of them while the others are stopped: a processor can
 * only be reset when no instance holds its token.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private final EventProcessingConfiguration processing;
    private final boolean rebuildAtStartup;

    public ProjectionRebuild(EventProcessingConfiguration processing,
                             @Value("${qms.projections.rebuild:false}") boolean rebuildAtStartup) {
        this.processing = processing;
        this.rebuildAtStartup = rebuildAtStartup;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfRequested() {
        if (rebuildAtStartup) {
            log.warn("qms.projections.rebuild=true: rebuilding every read model of the query side from the event store");
            rebuildAll();
        }
    }

    public void rebuildAll() {
        ProcessingGroups.ALL.forEach(this::rebuild);
    }

    public void rebuild(String processingGroup) {
        TrackingEventProcessor processor = processor(processingGroup);
        log.info("Rebuilding {}: stopping its processor", processingGroup);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            // Typically another instance holds the token. Carry on projecting rather than stay stopped.
            log.error("Rebuilding {} failed: its token could not be reset; resuming without a rebuild", processingGroup, e);
            processor.start();
            throw e;
        }
        processor.start();
        log.info("Rebuilding {}: token reset, replaying every event from the start", processingGroup);
    }

    /**
     * Waits until every processor of the query side has claimed its segment and found no further
     * event to process: after {@link #rebuildAll()}, until the replay is done. Not a way to wait for
     * one event just published: the processor may still report the caught-up state of a moment ago;
     * poll the read model for that event instead.
     *
     * <p>"Replaying" is deliberately not consulted: with the MongoDB token a processor keeps reporting
     * a replay until an event newer than the reset arrives, long after it has replayed everything.
     *
     * @return whether that happened within {@code timeout}
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessingGroups.ALL.stream().allMatch(group -> caughtUp(processor(group)))) {
                return true;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return false;
    }

    private static boolean caughtUp(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        Collection<EventTrackerStatus> segments = status.values();
        return processor.isRunning() && !segments.isEmpty()
                && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    private TrackingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor named " + processingGroup));
    }
}
