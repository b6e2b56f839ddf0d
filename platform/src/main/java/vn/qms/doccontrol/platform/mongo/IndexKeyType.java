package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index in the MVStore, ordered without serializing them.
 *
 * <p>mongo-java-server keys its unique indexes (including {@code _id}'s, which every lookup by
 * {@code _id} goes through) by {@link KeyValue}, which is not {@link Comparable}; H2's default type
 * then orders keys by comparing their Java serializations, serializing both keys at every step of
 * every binary search. That was over half of the server's CPU in a profile of the command
 * benchmark, and grew with the depth of the tree, that is with the size of the store.
 *
 * <p>Here a key is a sequence of values, compared value by value: first by kind ({@link Kind}),
 * then strings, integers, doubles and booleans natively, anything else (documents, object ids,
 * dates...) by its BSON bytes. That is a total order, and two keys compare equal exactly when
 * their values are equal, which is all a unique index needs.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** The kinds of value, in the order they sort; the ordinal is also the tag on the disk. */
    private enum Kind { NULL, MISSING, STRING, LONG, INTEGER, DOUBLE, BOOLEAN, BSON }

    private IndexKeyType() {
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + 2 * text.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            Kind kind = kindOf(value);
            buffer.put((byte) kind.ordinal());
            switch (kind) {
                case NULL, MISSING -> { }
                case STRING -> putBytes(buffer, ((String) value).getBytes(StandardCharsets.UTF_8));
                case LONG -> buffer.putVarLong((Long) value);
                case INTEGER -> buffer.putVarInt((Integer) value);
                case DOUBLE -> buffer.putDouble((Double) value);
                case BOOLEAN -> buffer.put((byte) ((Boolean) value ? 1 : 0));
                case BSON -> putBytes(buffer, bson(value));
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Kind kind = Kind.values()[buffer.get()];
            values.add(switch (kind) {
                case NULL -> null;
                case MISSING -> Missing.getInstance();
                case STRING -> new String(getBytes(buffer), StandardCharsets.UTF_8);
                case LONG -> DataUtils.readVarLong(buffer);
                case INTEGER -> DataUtils.readVarInt(buffer);
                case DOUBLE -> buffer.getDouble();
                case BOOLEAN -> buffer.get() != 0;
                case BSON -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(getBytes(buffer))).get("v");
            });
        }
        return new KeyValue(values);
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    static int compareValues(Object a, Object b) {
        Kind kind = kindOf(a);
        int byKind = kind.compareTo(kindOf(b));
        if (byKind != 0) {
            return byKind;
        }
        return switch (kind) {
            case NULL, MISSING -> 0;
            case STRING -> ((String) a).compareTo((String) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case INTEGER -> Integer.compare((Integer) a, (Integer) b);
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case BSON -> a.equals(b) ? 0 : Arrays.compare(bson(a), bson(b));
        };
    }

    private static Kind kindOf(Object value) {
        if (value == null) {
            return Kind.NULL;
        }
        if (value instanceof Missing) {
            return Kind.MISSING;
        }
        if (value instanceof String) {
            return Kind.STRING;
        }
        if (value instanceof Long) {
            return Kind.LONG;
        }
        if (value instanceof Integer) {
            return Kind.INTEGER;
        }
        if (value instanceof Double) {
            return Kind.DOUBLE;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        return Kind.BSON;
    }

    private static byte[] bson(Object value) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(new Document("v", value), buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    private static void putBytes(WriteBuffer buffer, byte[] bytes) {
        buffer.putVarInt(bytes.length).put(bytes);
    }

    private static byte[] getBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return bytes;
    }
}
