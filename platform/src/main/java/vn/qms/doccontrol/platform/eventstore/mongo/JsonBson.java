package vn.qms.doccontrol.platform.eventstore.mongo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Turns the JSON text a serializer wrote into BSON a person can read and query in the MongoDB shell,
 * and back, without changing a single value.
 *
 * <p>Exactness is the point: a payload read back must deserialize to what was written. So a number
 * is taken as written ({@code 0.10} stays {@code 0.10}, not the double {@code 0.1}) and stored as a
 * BSON double only when that double prints back as the same number, else as Decimal128. Whatever
 * BSON cannot hold faithfully (a field name with a dot or a leading {@code $}, a repeated field name,
 * an integer beyond 64 bits, a decimal beyond 34 digits) makes {@link #toBson} answer empty, and the
 * caller keeps the JSON text as it is.
 */
final class JsonBson {

    private static final JsonFactory JSON = new JsonFactory();

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonBson() {
    }

    /** The BSON form of {@code json}, or empty when BSON would not give back exactly the same JSON. */
    static Optional<BsonValue> toBson(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            BsonValue value = readValue(parser);
            if (value == null || parser.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The JSON tree of a BSON value this class wrote. */
    static JsonNode toJson(BsonValue value) {
        switch (value.getBsonType()) {
            case DOCUMENT:
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    object.set(field.getKey(), toJson(field.getValue()));
                }
                return object;
            case ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (BsonValue element : value.asArray()) {
                    array.add(toJson(element));
                }
                return array;
            case STRING:
                return NODES.textNode(value.asString().getValue());
            case INT32:
                return NODES.numberNode(value.asInt32().getValue());
            case INT64:
                return NODES.numberNode(value.asInt64().getValue());
            case DOUBLE:
                return NODES.numberNode(value.asDouble().getValue());
            case DECIMAL128:
                return NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
            case BOOLEAN:
                return NODES.booleanNode(value.asBoolean().getValue());
            case NULL:
                return NODES.nullNode();
            default:
                throw new EventStoreException("A stored payload holds BSON of type " + value.getBsonType()
                        + ", which this event store never writes");
        }
    }

    /**
     * Reads the value at the parser's current token. Null means: not representable exactly. Streaming
     * rather than a tree, because only the number's text as written tells {@code 0.10} from
     * {@code 0.1} and {@code -0.0} from {@code 0.0}.
     */
    private static BsonValue readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                BsonDocument document = new BsonDocument();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (!isSafeFieldName(name) || document.containsKey(name)) {
                        return null;
                    }
                    parser.nextToken();
                    BsonValue value = readValue(parser);
                    if (value == null) {
                        return null;
                    }
                    document.append(name, value);
                }
                return document;
            case START_ARRAY:
                BsonArray array = new BsonArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    BsonValue value = readValue(parser);
                    if (value == null) {
                        return null;
                    }
                    array.add(value);
                }
                return array;
            case VALUE_STRING:
                return new BsonString(parser.getText());
            case VALUE_NUMBER_INT:
                return readInteger(parser);
            case VALUE_NUMBER_FLOAT:
                return readDecimal(parser.getText());
            case VALUE_TRUE:
                return BsonBoolean.TRUE;
            case VALUE_FALSE:
                return BsonBoolean.FALSE;
            case VALUE_NULL:
                return BsonNull.VALUE;
            default:
                return null;
        }
    }

    private static BsonValue readInteger(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return new BsonInt32(parser.getIntValue());
            case LONG:
                return new BsonInt64(parser.getLongValue());
            default:
                return null;
        }
    }

    private static BsonValue readDecimal(String text) {
        BigDecimal written = new BigDecimal(text);
        double asDouble = Double.parseDouble(text);
        if (Double.isFinite(asDouble) && BigDecimal.valueOf(asDouble).equals(written)) {
            return new BsonDouble(asDouble);
        }
        try {
            Decimal128 exact = new Decimal128(written);
            return exact.bigDecimalValue().equals(written) ? new BsonDecimal128(exact) : null;
        } catch (NumberFormatException | ArithmeticException notRepresentable) {
            return null;
        }
    }

    /** Names the driver or the server would refuse or read as a path or an operator. */
    private static boolean isSafeFieldName(String name) {
        return !name.isEmpty() && !name.startsWith("$") && name.indexOf('.') < 0 && name.indexOf('\0') < 0;
    }
}
