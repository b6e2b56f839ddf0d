package vn.qms.doccontrol.platform.eventstore.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A payload or metadata as stored: BSON a person can read under {@code field}, or, when BSON would
 * alter the JSON (see {@link JsonBson}), the JSON text under {@code field + "Text"}. Read back it is
 * a Jackson tree or that text, which Axon's serializer and upcasters both take as they are.
 *
 * <p>The tree is built only when Axon asks for the data: a processor with no handler for an event
 * never deserializes it, and then should not pay for converting it either.
 */
final class StoredData {

    private static final String TEXT_SUFFIX = "Text";
    private static final SerializedType META_DATA = new SimpleSerializedType(MetaData.class.getName(), null);

    private final BsonValue readable;
    private final String text;
    private volatile JsonNode tree;

    private StoredData(BsonValue readable, String text) {
        this.readable = readable;
        this.text = text;
    }

    static void write(BsonDocument target, String field, String serializedJson) {
        BsonValue readable = JsonBson.toBson(serializedJson).orElse(null);
        if (readable != null) {
            target.append(field, readable);
        } else {
            target.append(field + TEXT_SUFFIX, new BsonString(serializedJson));
        }
    }

    static StoredData read(BsonDocument source, String field) {
        BsonValue readable = source.get(field);
        if (readable != null) {
            return new StoredData(readable, null);
        }
        return new StoredData(null, source.getString(field + TEXT_SUFFIX).getValue());
    }

    /**
     * The same data with one more top-level entry, {@code key = value} (replacing one of that name).
     * For metadata, which is always a JSON object.
     */
    StoredData withEntry(String key, long value) {
        if (readable != null && readable.isDocument()) {
            BsonDocument extended = readable.asDocument().clone();
            extended.put(key, new BsonInt64(value));
            return new StoredData(extended, null);
        }
        // Kept as text because BSON would alter it: append the entry without parsing, so nothing else
        // changes. A later duplicate key wins when Jackson reads it, which replaces an entry of that name.
        String object = text.strip();
        if (!object.startsWith("{") || !object.endsWith("}")) {
            return this;
        }
        String body = object.substring(1, object.length() - 1).strip();
        String entry = "\"" + key + "\":" + value;
        return new StoredData(null, "{" + (body.isEmpty() ? entry : body + "," + entry) + "}");
    }

    SerializedObject<Object> asSerializedObject(SerializedType type) {
        return new Lazy(type);
    }

    SerializedObject<Object> asSerializedMetaData() {
        return new Lazy(META_DATA);
    }

    private Object data() {
        if (readable == null) {
            return text;
        }
        JsonNode converted = tree;
        if (converted == null) {
            // Two threads may both convert; both get equal trees, and either may be kept.
            converted = JsonBson.toJson(readable);
            tree = converted;
        }
        return converted;
    }

    private Class<?> contentType() {
        return readable != null ? JsonNode.class : String.class;
    }

    private final class Lazy implements SerializedObject<Object> {

        private final SerializedType type;

        private Lazy(SerializedType type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<Object> getContentType() {
            return (Class<Object>) contentType();
        }

        @Override
        public SerializedType getType() {
            return type;
        }

        @Override
        public Object getData() {
            return data();
        }
    }
}
