package vn.qms.doccontrol.query.projection;

import java.util.List;
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

    static final int BATCH_SIZE = 100;

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
