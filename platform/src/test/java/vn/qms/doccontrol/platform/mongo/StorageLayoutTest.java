package vn.qms.doccontrol.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How documents and unique-index keys are laid out in the MVStore (BSON and a comparable key type
 * instead of Java serialization), and that a data file written in mongo-java-server's stock layout
 * is still read, and its unique indexes still hold.
 */
class StorageLayoutTest {

    @TempDir
    Path dataDir;

    @Test
    void indexKeysSurviveAWriteAndReadUnchanged() {
        KeyValue key = new KeyValue("ubnd-quan-1/qt-01", 42L, 7, 1.5, true, null, Missing.getInstance(),
                                    new ObjectId(), new de.bwaldvogel.mongo.bson.Document("a", "Quy trình"));

        assertThat(roundTrip(IndexKeyType.INSTANCE, key)).isEqualTo(key);
    }

    @Test
    void indexKeysCompareEqualExactlyWhenTheirValuesAreEqual() {
        List<Object> values = List.of("a", "b", "Ủy ban", 1L, 2L, 1, 1.0, true, false,
                                      new de.bwaldvogel.mongo.bson.Document("x", 1), new de.bwaldvogel.mongo.bson.Document("x", 2));
        for (Object a : values) {
            for (Object b : values) {
                int order = IndexKeyType.INSTANCE.compare(new KeyValue(a), new KeyValue(b));
                assertThat(order == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(order))
                        .isEqualTo(-Integer.signum(IndexKeyType.INSTANCE.compare(new KeyValue(b), new KeyValue(a))));
            }
        }
    }

    @Test
    void indexKeysAreOrderedTransitively() {
        Random random = new Random(3);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Object value = switch (random.nextInt(4)) {
                case 0 -> "k" + random.nextInt(50);
                case 1 -> (long) random.nextInt(50);
                case 2 -> new ObjectId();
                default -> random.nextBoolean();
            };
            keys.add(new KeyValue(value, "suffix-" + random.nextInt(3)));
        }
        keys.sort(IndexKeyType.INSTANCE::compare);
        for (int i = 1; i < keys.size(); i++) {
            assertThat(IndexKeyType.INSTANCE.compare(keys.get(i - 1), keys.get(i))).isLessThanOrEqualTo(0);
            assertThat(IndexKeyType.INSTANCE.compare(keys.get(0), keys.get(i))).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void documentsAreStoredAsBsonAndReadBackEqual() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", 12L)
                .append("title", "Quy trình kiểm soát tài liệu")
                .append("revisions", List.of(1, 2, 3))
                .append("nested", new de.bwaldvogel.mongo.bson.Document("đ", "Đ"));

        assertThat(roundTrip(StoredDocumentType.INSTANCE, document)).isEqualTo(document);
    }

    @Test
    void documentsOfEverySizeAreReadBackEqualWhateverWasEncodedBefore() {
        // The encoding buffer is kept per thread between documents, and replaced after a very large one.
        for (int length : new int[] {10, 200_000, 3_000_000, 10, 70_000, 5}) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", (long) length)
                    .append("content", "Nội dung ".repeat(length / 9 + 1));

            assertThat(roundTrip(StoredDocumentType.INSTANCE, document)).isEqualTo(document);
        }
    }

    @Test
    void documentsJavaSerializedByAnEarlierVersionAreStillRead() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x").append("n", 1);
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);

        ByteBuffer written = buffer.getBuffer();
        written.flip();
        assertThat(StoredDocumentType.INSTANCE.read(written)).isEqualTo(document);
    }

    @Test
    void aDataFileInTheStockLayoutIsReadAndItsUniqueIndexesStillHold() {
        Path file = dataDir.resolve(EmbeddedMongoServer.DATA_FILE);
        MVStore stock = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend stockBackend = new H2Backend(stock);
        stockBackend.version(EmbeddedMongoServer.ANNOUNCED_VERSION);
        MongoServer stockServer = new MongoServer(stockBackend);
        String address = "mongodb://127.0.0.1:" + stockServer.bind().getPort();
        try (MongoClient client = MongoClients.create(address)) {
            MongoCollection<Document> codes = client.getDatabase("qms").getCollection("codes");
            codes.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                codes.insertOne(new Document("_id", "doc-" + i).append("code", "QT-" + i).append("title", "Quy trình " + i));
            }
        } finally {
            stockServer.shutdownNow();
            stock.close();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> codes = client.getDatabase("qms").getCollection("codes");

            assertThat(codes.find(Filters.eq("_id", "doc-137")).first()).containsEntry("title", "Quy trình 137");
            assertThat(codes.find(Filters.in("_id", "doc-3", "doc-199")).into(new ArrayList<>())).hasSize(2);
            assertThat(codes.find(Filters.eq("code", "QT-42")).first()).containsEntry("_id", "doc-42");
            assertThatThrownBy(() -> codes.insertOne(new Document("_id", "doc-0").append("code", "QT-new")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> codes.insertOne(new Document("_id", "doc-new").append("code", "QT-7")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            codes.insertOne(new Document("_id", "doc-200").append("code", "QT-200"));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> codes = client.getDatabase("qms").getCollection("codes");
            assertThat(codes.countDocuments()).isEqualTo(201);
            assertThat(codes.find(Filters.eq("_id", "doc-200")).first()).containsEntry("code", "QT-200");
        }
    }

    @Test
    void documentsChangedInPlaceAreWrittenAsTheyNowAreWhileTheirUnchangedNeighboursKeepTheirEncoding() {
        // Small documents share pages; every write commits and rewrites its page, neighbours included,
        // which are written from their kept encodings. An update changes the stored instance in place.
        Random random = new Random(11);
        Map<String, Document> expected = new TreeMap<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rows = client.getDatabase("qms").getCollection("rows");
            for (int step = 0; step < 1500; step++) {
                String id = "row-" + random.nextInt(120);
                Document stored = expected.get(id);
                int action = random.nextInt(5);
                if (stored == null) {
                    Document row = new Document("_id", id).append("title", "Biểu mẫu " + step).append("n", step)
                            .append("tags", new ArrayList<>(List.of("a")));
                    rows.insertOne(row);
                    expected.put(id, row);
                } else if (action == 0) {
                    rows.updateOne(Filters.eq("_id", id), Updates.set("title", "Sửa đổi " + step));
                    stored.put("title", "Sửa đổi " + step);
                } else if (action == 1) {
                    rows.updateOne(Filters.eq("_id", id), Updates.push("tags", "t" + step));
                    List<Object> tags = new ArrayList<>(stored.getList("tags", Object.class, List.of()));
                    tags.add("t" + step);
                    stored.put("tags", tags);
                } else if (action == 2) {
                    Document replacement = new Document("_id", id).append("title", "Thay thế " + step).append("n", -step);
                    rows.replaceOne(Filters.eq("_id", id), replacement);
                    expected.put(id, replacement);
                } else if (action == 3) {
                    rows.deleteOne(Filters.eq("_id", id));
                    expected.remove(id);
                } else {
                    rows.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("n", 1));
                    stored.put("n", stored.getInteger("n") + 1);
                }
            }
            assertThat(rows.find().sort(Indexes.ascending("_id")).into(new ArrayList<>()))
                    .containsExactlyElementsOf(expected.values());
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("qms").getCollection("rows").find().sort(Indexes.ascending("_id")).into(new ArrayList<>()))
                    .as("read back from the data file")
                    .containsExactlyElementsOf(expected.values());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(org.h2.mvstore.type.DataType<T> type, T value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return type.read(written);
    }
}
