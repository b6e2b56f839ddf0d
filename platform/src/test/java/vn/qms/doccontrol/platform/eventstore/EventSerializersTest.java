package vn.qms.doccontrol.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class EventSerializersTest {

    private final JacksonSerializer messages = EventSerializers.messages();
    /** Axon's serializer as it comes, with Axon's own metadata deserializer. */
    private final JacksonSerializer stock = JacksonSerializer.builder().defaultTyping().build();

    @Test
    void shouldReadMetaDataExactlyAsAxonsOwnDeserializerDoes() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("traceId", "3f2a-…");
        entries.put("user", "Nguyễn Thị Hồng Nhung");
        entries.put("globalIndex", 123_456_789_012L);
        entries.put("small", 7);
        entries.put("ratio", 0.25);
        entries.put("flag", true);
        entries.put("none", null);
        entries.put("list", List.of("a", 1));
        entries.put("nested", Map.of("đơn vị", "UBND phường Bến Nghé"));
        MetaData original = MetaData.from(entries);

        for (int read = 0; read < 3; read++) { // the first read finds the map deserializer, the later ones reuse it
            SerializedObject<String> json = messages.serialize(original, String.class);
            MetaData ours = messages.deserialize(json);
            MetaData axons = stock.deserialize(new SimpleSerializedObject<>(json.getData(), String.class, json.getType()));
            assertThat(ours).isEqualTo(axons).isEqualTo(original);
        }
    }

    @Test
    void shouldReadEmptyMetaData() {
        SerializedObject<String> json = messages.serialize(MetaData.emptyInstance(), String.class);

        MetaData read = messages.deserialize(json);

        assertThat(read).isEmpty();
    }

    @Test
    void shouldLookUpTheMetaDataDeserializerThatFindsTheMapDeserializerOnce() throws Exception {
        ObjectMapper mapper = messages.getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);

        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(MetaDataDeserializerOnce.class);
    }
}
