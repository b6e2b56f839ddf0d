package vn.qms.doccontrol.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Axon's {@code MetaDataDeserializer}, except that it finds Jackson's deserializer for the metadata
 * map once instead of for every message. Every event a tracking processor handles has its metadata
 * read (Axon's correlation data provider reads it, so does {@link EventPosition}), and in a profile
 * of a rebuild that lookup ({@code DeserializationContext.findRootValueDeserializer}) alone took an
 * eighth of the processors' CPU.
 *
 * <p>One instance belongs to one {@code ObjectMapper}, whose configuration does not change once
 * messages flow, so the deserializer found first is the one Axon's would find every time.
 */
final class MetaDataDeserializerOnce extends JsonDeserializer<MetaData> {

    private volatile JsonDeserializer<Object> maps;

    @Override
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonDeserializer<Object> found = maps;
        if (found == null) {
            found = context.findRootValueDeserializer(
                    context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            maps = found;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> entries = (Map<String, ?>) found.deserialize(parser, context, new HashMap<>());
        return MetaData.from(entries);
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
            throws IOException {
        return types.deserializeTypedFromObject(parser, context);
    }
}
