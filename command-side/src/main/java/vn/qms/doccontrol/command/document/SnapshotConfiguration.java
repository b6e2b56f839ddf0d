package vn.qms.doccontrol.command.document;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A document is loaded from its latest snapshot plus the events after it. A snapshot is taken once
 * {@code qms.snapshots.threshold} events (default 50) were read to load a document: a procedure
 * revised every month reaches it in about four years, so most documents never need one, and the
 * few long-lived ones stop growing their load time.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    static final String TRIGGER = "controlledDocumentSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition controlledDocumentSnapshotTrigger(Snapshotter snapshotter,
                                                                @Value("${qms.snapshots.threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
