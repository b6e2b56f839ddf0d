package vn.qms.doccontrol.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The process {@link EmbeddedMongoDurabilityTest} kills: starts the embedded server on a data
 * directory, inserts documents from several threads through the real driver, and prints
 * {@code ACK <n>} for each insert the server acknowledged, until it is killed.
 *
 * <p>Arguments: data directory, fsync (true/false), number of writer threads, first number.
 */
public final class DurabilityChild {

    static final String DATABASE = "durability";
    static final String COLLECTION = "inserts";

    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        boolean fsync = Boolean.parseBoolean(args[1]);
        int threads = Integer.parseInt(args[2]);
        AtomicLong next = new AtomicLong(Long.parseLong(args[3]));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, fsync);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> collection = client.getDatabase(DATABASE).getCollection(COLLECTION);
        // A unique index, so that the parent can check that no insert survived half applied.
        collection.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
        String payload = "x".repeat(200);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    long n = next.getAndIncrement();
                    collection.insertOne(new Document("n", n).append("payload", payload));
                    // Only now is the insert acknowledged: report it, and make sure the parent sees
                    // the line before this thread writes anything else.
                    synchronized (out) {
                        out.println("ACK " + n);
                        out.flush();
                    }
                }
            }, "writer-" + i);
            writer.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
