package vn.qms.doccontrol.query.projection;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.context.annotation.Bean;
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
    private static final int START_ATTEMPTS = 5;
    /** Longer than Axon's token claim interval (5 s), so one failed claim attempt is waited out. */
    private static final Duration SEGMENT_CLAIM_WAIT = Duration.ofSeconds(12);

    private final EventProcessingConfiguration processing;

    public ProjectionRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * Rebuilding at startup resets the tokens before the processors start, so nothing has to be
     * stopped: Axon starts its processors in the {@link Phase#INBOUND_EVENT_CONNECTORS} phase, this
     * runs just before it. A group whose read models were written by an earlier shape
     * ({@link ReadModelVersions}) is rebuilt too, once, whatever the property says; on a new database
     * that reset finds no token and only records the version.
     */
    @Bean
    static ConfigurerModule rebuildBeforeProcessorsStart(@Value("${qms.projections.rebuild:false}") boolean rebuildAtStartup,
                                                         ObjectProvider<MongoDatabase> database) {
        return configurer -> configurer.onInitialize(configuration ->
                configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
                    ReadModelVersions versions = new ReadModelVersions(database.getObject());
                    if (rebuildAtStartup) {
                        log.warn("qms.projections.rebuild=true: rebuilding every read model of the query side from the event store");
                    }
                    ProcessingGroups.ALL.forEach(group -> {
                        int stored = versions.stored(group);
                        boolean outdated = stored != ReadModelVersions.current(group);
                        if (!rebuildAtStartup && !outdated) {
                            return;
                        }
                        ProcessingGroups.processor(configuration.eventProcessingConfiguration(), group).resetTokens();
                        versions.markCurrent(group);
                        if (outdated && stored != 0) {
                            log.warn("Rebuilding {}: its read models have shape {}, this release writes shape {}; "
                                    + "token reset before start, replaying every event", group, stored, ReadModelVersions.current(group));
                        } else if (outdated && !rebuildAtStartup) {
                            log.info("Rebuilding {}: no read-model shape recorded (a new database, or read models of a release "
                                    + "before shapes were recorded); token reset before start, replaying every event", group);
                        } else {
                            log.info("Rebuilding {}: token reset before start, replaying every event", group);
                        }
                    });
                }));
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
            startAfterShutdown(processor);
            throw e;
        }
        startAfterShutdown(processor);
        log.info("Rebuilding {}: token reset, replaying every event from the start", processingGroup);
    }

    /**
     * Axon's {@code start()} right after {@code shutDown()} can leave a processor that says it runs
     * while no worker claims its segment: the worker launcher of the shutdown was still winding down
     * and the start relied on it (seen under load: the read models stayed empty after a rebuild). So
     * a restart counts only once a worker has claimed a segment; otherwise stop and start again.
     */
    private static void startAfterShutdown(TrackingEventProcessor processor) {
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            processor.start();
            if (waitFor(() -> processor.isRunning() && !processor.processingStatus().isEmpty(), SEGMENT_CLAIM_WAIT)) {
                return;
            }
            log.warn("Processor {} did not claim its segment after a restart (attempt {}); restarting it again",
                    processor.getName(), attempt);
            processor.shutDown();
        }
        throw new IllegalStateException("Processor " + processor.getName() + " did not start again after "
                + START_ATTEMPTS + " attempts");
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while restarting a processor", e);
            }
        }
        return true;
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

    /** Each processor's state, for logs and for failing assertions. */
    public String describeStatus() {
        StringBuilder status = new StringBuilder();
        for (String group : ProcessingGroups.ALL) {
            TrackingEventProcessor processor = processor(group);
            status.append(group).append(": running=").append(processor.isRunning())
                    .append(" error=").append(processor.isError())
                    .append(" threads=").append(processor.activeProcessorThreads())
                    .append(" segments=").append(processor.processingStatus()).append('\n');
        }
        return status.toString();
    }

    private static boolean caughtUp(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        Collection<EventTrackerStatus> segments = status.values();
        return processor.isRunning() && !segments.isEmpty()
                && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    private TrackingEventProcessor processor(String processingGroup) {
        return ProcessingGroups.processor(processing, processingGroup);
    }
}
