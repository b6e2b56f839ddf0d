package vn.qms.doccontrol.platform.eventstore;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>Messages, events and snapshots are JSON (Jackson, {@link EventSerializers}), readable in the
 * MongoDB shell, never XStream.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer() {
        return EventSerializers.messages();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventSerializers.messages();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventSerializers.messages();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, QmsMongoProperties mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, mongo.database()).build();
    }

    /**
     * The project's own engine (decision 11): a dense global index, gap-aware tracking that never
     * skips a late event, uniqueness enforced by the store, and only index lookups on the hot paths.
     * Tracking processors and aggregate loads get events without the payload fields their side
     * declared it does not read ({@link PayloadFieldsLeftOut}).
     */
    @Bean
    GapAwareMongoEventStorageEngine eventStorageEngine(MongoDatabase qmsDatabase,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ObjectProvider<PayloadFieldsLeftOut> leftOut,
                                          QmsMongoProperties mongo) {
        Set<String> notTracked = leftOutOf(leftOut, PayloadFieldsLeftOut.Read.TRACKING);
        Set<String> notLoaded = leftOutOf(leftOut, PayloadFieldsLeftOut.Read.AGGREGATE_LOADING);
        GapAwareMongoEventStorageEngine engine = GapAwareMongoEventStorageEngine.builder()
                .database(qmsDatabase)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(EventSerializers.snapshots())
                .upcasterChain(configuration.upcasterChain())
                .gapTimeout(GapAwareMongoEventStorageEngine.DEFAULT_GAP_TIMEOUT)
                .payloadFieldsNotTracked(notTracked)
                .payloadFieldsNotLoaded(notLoaded)
                .unjournaledIndexCounter(mongo.embedded())
                .build();
        engine.ensureSchema();
        return engine;
    }

    private static Set<String> leftOutOf(ObjectProvider<PayloadFieldsLeftOut> declared, PayloadFieldsLeftOut.Read read) {
        Set<String> fields = declared.orderedStream()
                .filter(fieldsLeftOut -> fieldsLeftOut.read() == read)
                .flatMap(fieldsLeftOut -> fieldsLeftOut.fieldNames().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!fields.isEmpty()) {
            log.info("Event store reads for {} leave out the payload fields {}", read, fields);
        }
        return fields;
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

    /**
     * Tokens next to the read models. On the embedded server the claim owner is a fixed name: the data
     * file is locked by one process ({@code DataFile.lock}), so whoever opened it is the only node there
     * can be. A restart after a crash then takes its tokens back at once, where a per-process name would
     * wait out the dead process's claims (Axon's 10 s claim timeout plus its 5 s claim interval) with
     * every read model standing still. On a shared MongoDB each process keeps Axon's own name.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, QmsMongoProperties mongo) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .ensureIndexes(true);
        if (mongo.embedded()) {
            builder.nodeId(EMBEDDED_NODE_ID);
        }
        return builder.build();
    }

    /** The claim owner of every token on the embedded server (see {@link #tokenStore}). */
    public static final String EMBEDDED_NODE_ID = "qms-embedded";
}
