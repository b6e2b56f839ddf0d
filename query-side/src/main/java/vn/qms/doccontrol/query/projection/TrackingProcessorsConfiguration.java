package vn.qms.doccontrol.query.projection;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import vn.qms.doccontrol.platform.eventstore.PayloadFieldsLeftOut;

/**
 * Every processing group of the query side is a tracking processor with one segment on one thread:
 * the register rewrites whole documents and the audit trail merges its index documents in memory,
 * both of which need a single writer. Batches make a replay cheaper: the audit trail writes a batch
 * in a handful of commands ({@link BatchedProjection}), and a redelivered batch is harmless because
 * every handler is idempotent. A failing handler holds the processor at its batch until a retry gets
 * through ({@link ProjectionErrors}); {@code /actuator/health} shows it ({@link ProjectionsHealthIndicator}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TrackingProcessorsConfiguration {

    /**
     * The most events one batch takes. A processor takes what is available up to this, so at the head
     * a batch is the few events that just arrived; only a processor that is behind (a replay, a burst)
     * gets large batches, and those are where it pays: a batch rewrites each index document it touches
     * once (an organization's register shards, the audit trail's buckets), so ten times fewer batches
     * are ten times fewer such rewrites. A batch's events are held in memory without their content
     * (see {@link #contentIsNotProjected}), about 1 KB each.
     */
    static final int BATCH_SIZE = 1000;

    /**
     * A revision's content (2-50 KB of text, most of every stored event) is in no read model: a
     * reader gets it from the event store by document and sequence number when it is shown
     * ({@code RevisionRepository}). Hauling it through every projection anyway took most of a
     * replay's time, so the events these processors get leave it out: in a query-side event handler,
     * {@code content()} is null.
     */
    @Bean
    PayloadFieldsLeftOut contentIsNotProjected() {
        return new PayloadFieldsLeftOut(PayloadFieldsLeftOut.Read.TRACKING, Set.of("content"));
    }

    @Bean
    ConfigurerModule queryTrackingProcessors(ObjectProvider<BatchedProjection> batchedProjections, ProjectionErrors errors) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : ProcessingGroups.ALL) {
                processing.registerTrackingEventProcessor(group, Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(BATCH_SIZE));
                // No transactions (MongoDB without them): Axon then stores a batch's token at its end, after
                // the handlers and the projections' batch writes; a crash in between replays the batch.
                processing.registerTransactionManager(group, axon -> NoTransactionManager.INSTANCE);
                processing.registerListenerInvocationErrorHandler(group, axon -> errors.handlerFor(group));
                processing.registerHandlerInterceptor(group, axon -> new BatchBoundaries(() -> batchedProjections.orderedStream()
                        .filter(projection -> projection.processingGroup().equals(group))
                        .toList()));
            }
        });
    }

    /**
     * Tells the group's {@link BatchedProjection}s where a batch starts and ends. Axon runs a batch in
     * a {@link BatchingUnitOfWork} and this interceptor around each of its events, before the
     * processor stores the batch's token (at prepare-commit); any other unit of work is a batch of one.
     * Batches end in {@code @Order} of the projections: revisions are written before the register.
     */
    static final class BatchBoundaries implements MessageHandlerInterceptor<EventMessage<?>> {

        private final Supplier<List<BatchedProjection>> projections;
        /**
         * The group's projections, looked up once: they are singletons, fixed once the context is up,
         * and resolving and ordering them for every event took a quarter of a processor's time.
         */
        private volatile List<BatchedProjection> resolved;

        BatchBoundaries(Supplier<List<BatchedProjection>> projections) {
            this.projections = projections;
        }

        private List<BatchedProjection> projections() {
            List<BatchedProjection> found = resolved;
            if (found == null) {
                found = List.copyOf(projections.get());
                resolved = found;
            }
            return found;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            BatchingUnitOfWork<?> batch = unitOfWork instanceof BatchingUnitOfWork<?> batching ? batching : null;
            List<BatchedProjection> batched = projections();
            if (batch == null || batch.isFirstMessage()) {
                List<?> payloads = batch == null ? List.of(unitOfWork.getMessage().getPayload())
                        : batch.getMessages().stream().map(message -> ((EventMessage<?>) message).getPayload()).toList();
                batched.forEach(projection -> projection.beginBatch(payloads));
            }
            Object result = chain.proceed();
            if (batch == null || batch.isLastMessage()) {
                for (BatchedProjection projection : batched) {
                    projection.endBatch();
                }
            }
            return result;
        }
    }
}
