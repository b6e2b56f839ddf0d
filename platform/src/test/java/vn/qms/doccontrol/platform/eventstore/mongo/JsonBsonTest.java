package vn.qms.doccontrol.platform.eventstore.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBsonTest {

    record Amounts(BigDecimal fee, BigDecimal rate, double negativeZero, double tiny, long big, BigInteger huge,
                   List<String> tags, Map<String, Integer> counts, String text) {
    }

    private final JacksonSerializer serializer = TestSerializers.json();

    @Test
    void keepsEachJsonValueAsTheBsonTypeThatPrintsItBack() {
        BsonDocument document = JsonBson.toBson("""
                {"text":"Tài liệu \\"QT-01\\"","int":7,"long":5000000000,"double":1.5,"decimal":0.10,
                 "exponent":1e400,"negativeZero":-0.0,"yes":true,"nothing":null,"list":[1,"a",{"b":[]}]}
                """).orElseThrow().asDocument();

        assertThat(document.get("text").asString().getValue()).isEqualTo("Tài liệu \"QT-01\"");
        assertThat(document.get("int").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(document.get("long").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(document.get("double").getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(document.get("decimal").asDecimal128().getValue().bigDecimalValue()).isEqualTo(new BigDecimal("0.10"));
        assertThat(document.get("exponent").asDecimal128().getValue().bigDecimalValue()).isEqualTo(new BigDecimal("1e400"));
        assertThat(Double.doubleToRawLongBits(document.get("negativeZero").asDouble().getValue()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(document.get("nothing").isNull()).isTrue();
        assertThat(document.get("list").asArray()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"iso.clause\":1}", "{\"$owner\":1}", "{\"\":1}", "{\"a\":1,\"a\":2}",
            "{\"n\":123456789012345678901234567890}", "{\"d\":1.00000000000000000000000000000000000001}",
            "<document/>", "{} {}", "", "{\"nested\":{\"x.y\":true}}"})
    void declinesWhatBsonWouldNotGiveBackExactly(String json) {
        assertThat(JsonBson.toBson(json)).isEmpty();
    }

    @Test
    void aPayloadReadBackDeserializesToWhatWasWritten() {
        Amounts written = new Amounts(new BigDecimal("12.50"), new BigDecimal("0.1"), -0.0, 4.9e-324, Long.MAX_VALUE,
                                      new BigInteger("123456789012345678901234567890"), List.of("a", "b"),
                                      Map.of("x", 1), "xin chào");
        Amounts small = new Amounts(new BigDecimal("12.50"), new BigDecimal("1E+3"), -0.0, 4.9e-324, Long.MIN_VALUE,
                                    BigInteger.TEN, List.of(), Map.of(), null);

        assertThat(roundTrip(written)).isEqualTo(written);
        assertThat(roundTrip(small)).isEqualTo(small);
    }

    private Object roundTrip(Object payload) {
        SerializedObject<String> json = serializer.serialize(payload, String.class);
        BsonDocument holder = new BsonDocument();
        StoredData.write(holder, "payload", json.getData());
        StoredData read = StoredData.read(holder, "payload");
        return serializer.deserialize(read.asSerializedObject(
                new SimpleSerializedType(json.getType().getName(), json.getType().getRevision())));
    }

    @Test
    void readsBackTheSameJsonTree() throws Exception {
        String json = "{\"a\":[1,2.5,0.10,-0.0,\"x\",null,false],\"b\":{\"c\":5000000000}}";
        BsonValue bson = JsonBson.toBson(json).orElseThrow();
        JsonNode tree = JsonBson.toJson(bson);

        assertThat(tree.toString()).isEqualTo(json);
    }
}
