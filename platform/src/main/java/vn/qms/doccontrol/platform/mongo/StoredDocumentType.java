package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's documents are written into the MVStore: as BSON, with the embedded server's
 * own codec, instead of H2's default, Java serialization.
 *
 * <p>With a commit per write every commit rewrites the changed leaf pages, documents and all, so
 * the encoding is on the write path of every insert: Java serialization was a quarter of the
 * server's CPU in a profile of the command benchmark. BSON is also what the server received and
 * answers with, so nothing is lost on the way.
 *
 * <p>Data files written before this type existed hold Java-serialized documents: H2's type tag
 * tells them apart ({@link #BSON_TAG} is a tag {@link ObjectDataType} never writes), so such
 * documents are still read, and written back as BSON when their page is next rewritten.
 */
final class StoredDocumentType extends BasicDataType<Document> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    /** H2's own tags end well below this (ObjectDataType: 0 to about 120). */
    private static final byte BSON_TAG = (byte) 0xC8;
    private static final int OBJECT_OVERHEAD = 16;

    /**
     * Each thread encodes into a buffer of its own that it keeps: a commit encodes every document of
     * every page it rewrites, and a fresh buffer growing by doubling to a 30-130 KB read-model
     * document copied it over and over (a tenth of the server's CPU under the 16-client write load).
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(64 * 1024));
    private static final int KEPT_BUFFER_BYTES = 1024 * 1024;

    /**
     * Set in the tests of every module: each reuse of a kept encoding is checked against a fresh one,
     * so that an in-place change the server makes without telling ({@link EncodedDocuments#changed})
     * fails a test instead of writing a stale document.
     */
    static final boolean VERIFY_KEPT_ENCODINGS = Boolean.getBoolean("qms.embedded.verify-kept-encodings");

    private final ObjectDataType legacy = new ObjectDataType();
    private final EncodedDocuments encoded = new EncodedDocuments();

    private StoredDocumentType() {
    }

    /**
     * About the document's size. H2 splits a page once its entries' memory passes the page split
     * size (16 KB), so with a real estimate a page holds one large document (procedures carry up to
     * 50 KB of content) instead of sixteen: a commit rewrites the pages it changed, and a page of
     * sixteen 50 KB documents made every insert write and encode 800 KB.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(document));
    }

    private static long estimate(Object value) {
        if (value instanceof String text) {
            return OBJECT_OVERHEAD + text.length();
        }
        if (value instanceof java.util.Map<?, ?> map) {
            long size = OBJECT_OVERHEAD;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                size += String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof java.util.Collection<?> list) {
            long size = OBJECT_OVERHEAD;
            for (Object element : list) {
                size += estimate(element);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return OBJECT_OVERHEAD + bytes.length;
        }
        return OBJECT_OVERHEAD;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] kept = encoded.encodingOf(document);
        if (kept != null) {
            if (VERIFY_KEPT_ENCODINGS && !Arrays.equals(kept, encode(document))) {
                throw new IllegalStateException("A stored document changed without the collection saying so: " + document.get("_id"));
            }
            buffer.put(BSON_TAG).putVarInt(kept.length).put(kept);
            return;
        }
        ByteBuf bson = encodeInto(ENCODING.get(), document);
        int length = bson.readableBytes();
        if (length <= EncodedDocuments.MAX_DOCUMENT_BYTES) {
            // Only a document small enough to be kept is copied out of the thread's buffer.
            byte[] copy = new byte[length];
            bson.getBytes(bson.readerIndex(), copy);
            encoded.written(document, copy);
        }
        buffer.put(BSON_TAG).putVarInt(length).put(bson.nioBuffer());
        release(bson);
    }

    /** Called by the collections once the server changed a stored document in place or removed it. */
    void changed(Document document) {
        encoded.changed(document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** Values are compared only to tell whether one changed; equal documents encode alike. */
    @Override
    public int compare(Document a, Document b) {
        if (a == b || a.equals(b)) {
            return 0;
        }
        return Arrays.compare(encode(a), encode(b));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private static byte[] encode(Document document) {
        ByteBuf bson = encodeInto(ENCODING.get(), document);
        byte[] bytes = new byte[bson.readableBytes()];
        bson.readBytes(bytes);
        release(bson);
        return bytes;
    }

    private static ByteBuf encodeInto(ByteBuf buffer, Document document) {
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        return buffer;
    }

    /** Keeps the thread's buffer for the next document unless one exceptionally large document grew it. */
    private static void release(ByteBuf buffer) {
        if (buffer.capacity() > KEPT_BUFFER_BYTES) {
            ENCODING.remove();
            buffer.release();
        }
    }
}
