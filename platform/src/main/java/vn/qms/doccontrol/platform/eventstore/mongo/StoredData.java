package vn.qms.doccontrol.platform.eventstore.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A payload or metadata as stored: BSON a person can read under {@code field}, or, when BSON would
 * alter the JSON (see {@link JsonBson}), the JSON text under {@code field + "Text"}. Read back it is
 * a Jackson tree or that text, which Axon's serializer and upcasters both take as they are.
 */
record StoredData(Object data, Class<?> contentType) {

    private static final String TEXT_SUFFIX = "Text";

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
            return new StoredData(JsonBson.toJson(readable), JsonNode.class);
        }
        return new StoredData(source.getString(field + TEXT_SUFFIX).getValue(), String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    SerializedObject<Object> asSerializedObject(SerializedType type) {
        return new SimpleSerializedObject(data, contentType, type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    SerializedObject<Object> asSerializedMetaData() {
        return new SerializedMetaData(data, contentType);
    }
}
