package vn.qms.doccontrol.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How messages, events and snapshots become JSON, for the application ({@link EventStoreConfiguration})
 * and for anything else that must read or write the same store (the benchmarks).
 *
 * <p>Axon gets its own {@link ObjectMapper}: the strict settings of the HTTP API (unknown properties
 * rejected) must not decide whether a stored event can be read back.
 */
public final class EventSerializers {

    private static final String METADATA_MODULE = "qms-metadata";

    private EventSerializers() {
    }

    /** Commands, events, queries and tokens. */
    public static JacksonSerializer messages() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper()).defaultTyping().build();
        // Registered after Axon's own module (in the serializer's constructor), so that Jackson asks it first.
        serializer.getObjectMapper().registerModule(new SimpleModule(METADATA_MODULE)
                .addDeserializer(MetaData.class, new MetaDataDeserializerOnce()));
        return serializer;
    }

    /**
     * Snapshots are aggregates written as JSON. An aggregate keeps its state in private fields with
     * no getters (state changes only through its event sourcing handlers), so snapshots read and
     * write fields, not properties.
     */
    public static JacksonSerializer snapshots() {
        ObjectMapper mapper = objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
