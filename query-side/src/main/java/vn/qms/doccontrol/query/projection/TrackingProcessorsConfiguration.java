package vn.qms.doccontrol.query.projection;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every processing group of the query side is a tracking processor with one segment on one thread:
 * the audit trail numbers events in the order it sees them and the register rewrites whole
 * documents, both of which need a single writer. Batches make a replay cheaper: a redelivered batch
 * is harmless because every handler is idempotent.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class TrackingProcessorsConfiguration {

    static final int BATCH_SIZE = 100;

    @Bean
    ConfigurerModule queryTrackingProcessors() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : ProcessingGroups.ALL) {
                processing.registerTrackingEventProcessor(group, Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(BATCH_SIZE));
            }
        });
    }
}
