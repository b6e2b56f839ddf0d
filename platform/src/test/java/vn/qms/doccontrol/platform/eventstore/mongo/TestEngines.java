package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

final class TestEngines {

    private TestEngines() {
    }

    static GapAwareMongoEventStorageEngine.Builder builder(MongoDatabase database) {
        JacksonSerializer serializer = TestSerializers.json();
        return GapAwareMongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
    }

    static GapAwareMongoEventStorageEngine ready(GapAwareMongoEventStorageEngine.Builder builder) {
        GapAwareMongoEventStorageEngine engine = builder.build();
        engine.ensureSchema();
        return engine;
    }

    static GapAwareMongoEventStorageEngine on(MongoDatabase database) {
        return ready(builder(database));
    }

    /** Everything a tracking reader at {@code from} gets now, as Axon's processors read it. */
    static List<TrackedEventMessage<?>> readAll(EventStorageEngine engine, TrackingToken from) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            stream.forEach(events::add);
        }
        return events;
    }
}
