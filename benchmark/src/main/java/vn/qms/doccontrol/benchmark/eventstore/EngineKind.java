package vn.qms.doccontrol.benchmark.eventstore;

import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import vn.qms.doccontrol.command.document.ControlledDocument;
import vn.qms.doccontrol.platform.eventstore.EventSerializers;
import vn.qms.doccontrol.platform.eventstore.mongo.GapAwareMongoEventStorageEngine;

/** The engines compared: ours (decision 11) and the Axon MongoDB extension's, which it replaced. */
enum EngineKind {

    OURS("GapAwareMongoEventStorageEngine (ours)") {
        @Override
        EventStorageEngine open(MongoClient client, String database) {
            GapAwareMongoEventStorageEngine engine = GapAwareMongoEventStorageEngine.builder()
                    .database(client.getDatabase(database))
                    .eventSerializer(EventSerializers.messages())
                    .snapshotSerializer(EventSerializers.snapshots())
                    // As EventStoreConfiguration builds it for the application on the embedded server.
                    .gapTimeout(GapAwareMongoEventStorageEngine.DEFAULT_GAP_TIMEOUT)
                    .payloadFieldsNotLoaded(ControlledDocument.PAYLOAD_FIELDS_NOT_SOURCED)
                    .unjournaledIndexCounter(true)
                    .build();
            engine.ensureSchema();
            return engine;
        }
    },

    AXON_MONGO_EXTENSION("MongoEventStorageEngine (axon-mongo 4.12)") {
        @Override
        EventStorageEngine open(MongoClient client, String database) {
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                    .eventSerializer(EventSerializers.messages())
                    .snapshotSerializer(EventSerializers.snapshots())
                    .build();
            engine.ensureIndexes();
            return engine;
        }
    };

    final String label;

    EngineKind(String label) {
        this.label = label;
    }

    abstract EventStorageEngine open(MongoClient client, String database);
}
