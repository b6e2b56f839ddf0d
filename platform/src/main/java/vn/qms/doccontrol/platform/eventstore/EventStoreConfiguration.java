package vn.qms.doccontrol.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.qms.doccontrol.platform.eventstore.mongo.GapAwareMongoEventStorageEngine;
import vn.qms.doccontrol.platform.mongo.QmsMongoProperties;

/**
 * The one place that decides how events, snapshots and tracking tokens are stored. Everything else
 * sees Axon's {@link EventStorageEngine} and {@link TokenStore} only, so the storage engine can be
 * replaced here alone.
 *
 * <p>Messages, events and snapshots are JSON (Jackson), readable in the MongoDB shell, never XStream.
 * Axon gets its own {@link ObjectMapper}: the strict settings of the HTTP API (unknown properties
 * rejected) must not decide whether a stored event can be read back.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, QmsMongoProperties mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, mongo.database()).build();
    }

    /**
     * The project's own engine (decision 11): a dense global index, gap-aware tracking that never
     * skips a late event, uniqueness enforced by the store, and only index lookups on the hot paths.
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase qmsDatabase,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration) {
        GapAwareMongoEventStorageEngine engine = GapAwareMongoEventStorageEngine.builder()
                .database(qmsDatabase)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer())
                .upcasterChain(configuration.upcasterChain())
                .gapTimeout(GapAwareMongoEventStorageEngine.DEFAULT_GAP_TIMEOUT)
                .build();
        engine.ensureSchema();
        return engine;
    }

    /**
     * Axon's event store over our engine. A query side in another process than the writer learns of
     * new events only by polling: 100 ms instead of Axon's 1 s keeps the read lag well under a
     * second there too. In one JVM new events wake the processors at once.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100)
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .ensureIndexes(true)
                .build();
    }

    /**
     * Snapshots are aggregates written as JSON. An aggregate keeps its state in private fields with
     * no getters (state changes only through its event sourcing handlers), so snapshots read and
     * write fields, not properties.
     */
    static JacksonSerializer snapshotSerializer() {
        ObjectMapper mapper = objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    static JacksonSerializer jacksonSerializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).defaultTyping().build();
    }

    private static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
