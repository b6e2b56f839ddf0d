package vn.qms.doccontrol.command.document;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.qms.doccontrol.platform.eventstore.PayloadFieldsLeftOut;

/**
 * How a document is loaded. From its latest snapshot plus the events after it: a snapshot is taken once
 * {@code qms.snapshots.threshold} events (default 50) were read to load a document: a procedure
 * revised every month reaches it in about four years, so most documents never need one, and the
 * few long-lived ones stop growing their load time. And without the revisions' content, which
 * {@link ControlledDocument} keeps no part of.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    static final String TRIGGER = "controlledDocumentSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition controlledDocumentSnapshotTrigger(Snapshotter snapshotter,
                                                                @Value("${qms.snapshots.threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** See {@link ControlledDocument#PAYLOAD_FIELDS_NOT_SOURCED}: in a handler, {@code content()} is null. */
    @Bean
    PayloadFieldsLeftOut contentIsNotLoaded() {
        return new PayloadFieldsLeftOut(PayloadFieldsLeftOut.Read.AGGREGATE_LOADING, ControlledDocument.PAYLOAD_FIELDS_NOT_SOURCED);
    }
}
