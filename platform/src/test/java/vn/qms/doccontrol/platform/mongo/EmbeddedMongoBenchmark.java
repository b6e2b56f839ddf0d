package vn.qms.doccontrol.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the embedded server; not a test, skipped unless {@code -Dqms.benchmark=true}:
 *
 * <pre>
 * ./mvnw -B -q -pl platform -am test -Dqms.benchmark=true -Dtest=EmbeddedMongoBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Prints inserts/s for 1 and 8 threads, durable (commit per write, as shipped) against stock
 * mongo-java-server (H2 commits in the background about once a second), and the data file size
 * after 20,000 inserts of ~1 KB, after updates and after deletes. Also writes the report to
 * {@code platform/target/embedded-benchmark.txt}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "qms.benchmark", matches = "true")
class EmbeddedMongoBenchmark {

    private static final int INSERTS = 20_000;
    private static final String PAYLOAD = "p".repeat(1000);
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        line("cores: %d, java %s, data in %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.io.tmpdir"));
        // Warm-up (JIT) of every code path, unreported.
        StringBuilder measured = new StringBuilder(report);
        for (int threads : new int[] {1, 8}) {
            throughput("warm-up", threads, 3_000, dir -> durable(dir, false));
            throughput("warm-up", threads, 3_000, EmbeddedMongoBenchmark::stock);
        }
        report.setLength(0);
        report.append(measured);
        for (int threads : new int[] {1, 8}) {
            throughput("durable, fsync off", threads, INSERTS, dir -> durable(dir, false));
            throughput("durable, fsync on ", threads, INSERTS, dir -> durable(dir, true));
            throughput("stock mongo-java-server (background commit)", threads, INSERTS, EmbeddedMongoBenchmark::stock);
        }
        sizes();
        Path out = Path.of("target", "embedded-benchmark.txt");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private interface Starter {
        Server start(Path dir);
    }

    private record Server(String connectionString, AutoCloseable closer, Path dataFile, EmbeddedMongoServer durable)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }

        /** MVStore commits so far (including housekeeping's), or -1 for the stock server. */
        long commits() {
            return durable == null ? -1 : durable.backend().commitCount();
        }
    }

    private static Server durable(Path dir, boolean fsync) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, fsync);
        return new Server(server.connectionString(), server, server.dataFile(), server);
    }

    private static Server stock(Path dir) {
        Path file = dir.resolve("stock.mv.db");
        H2Backend backend = new H2Backend(MVStore.open(file.toString()));
        backend.version(new de.bwaldvogel.mongo.MongoVersion() {
            @Override
            public List<Integer> getVersionArray() {
                return List.of(4, 2, 0);
            }

            @Override
            public int getWireVersion() {
                return 8;
            }
        });
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, EmbeddedMongoServer.WORKER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        return new Server("mongodb://127.0.0.1:" + address.getPort(), server::shutdownNow, file, null);
    }

    private void throughput(String label, int threads, int inserts, Starter starter) throws Exception {
        Path dir = Files.createTempDirectory("qms-bench");
        try (Server server = starter.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("docs");
            insert(collection, 1_000, threads, 0);
            long commitsBefore = server.commits();
            long started = System.nanoTime();
            insert(collection, inserts, threads, 1_000);
            double seconds = (System.nanoTime() - started) / 1e9;
            long commits = server.commits() - commitsBefore;
            line("%-45s %d thread(s): %,7.0f inserts/s  (%,d inserts of ~1 KB in %.1f s%s), file %s", label, threads,
                    inserts / seconds, inserts, seconds,
                    server.durable() == null ? "" : String.format(Locale.ROOT, ", %,d commits", commits),
                    mb(Files.size(server.dataFile())));
        } finally {
            delete(dir);
        }
    }

    private void sizes() throws Exception {
        Path dir = Files.createTempDirectory("qms-bench");
        try {
            EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, false);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> collection = client.getDatabase("bench").getCollection("docs");
                insert(collection, INSERTS, 8, 0);
                line("size: after %,d inserts of ~1 KB (8 threads): %s", INSERTS, sizes(server));
                settle(server);
                line("size: 1 s later: %s", sizes(server));
                for (int round = 0; round < 5; round++) {
                    for (int n = 0; n < INSERTS; n += 10) {
                        collection.updateOne(Filters.eq("_id", (long) n), Updates.set("payload", PAYLOAD + round));
                    }
                }
                line("size: after %,d updates (5 each of 2,000 documents): %s", 5 * INSERTS / 10, sizes(server));
                settle(server);
                line("size: 1 s later: %s", sizes(server));
                collection.deleteMany(Filters.lt("_id", (long) INSERTS / 2));
                settle(server);
                line("size: after deleting half, 1 s later: %s", sizes(server));
            }
            server.close();
            line("size: after close (offline compaction when over %dx live): file %s",
                    DataFile.COMPACT_ABOVE_LIVE_MULTIPLE, mb(Files.size(server.dataFile())));
            long reopenStarted = System.nanoTime();
            EmbeddedMongoServer.start(dir, false).close();
            line("reopen + close: %.0f ms", (System.nanoTime() - reopenStarted) / 1e6);
        } finally {
            delete(dir);
        }
    }

    private static void settle(EmbeddedMongoServer server) throws InterruptedException {
        Thread.sleep(1000);
    }

    /** File size, and the bytes of live pages in it (documents are Java-serialized by H2). */
    private static String sizes(EmbeddedMongoServer server) throws IOException {
        long live = ((CompactingFileStore) server.backend().store().getFileStore()).liveBytes();
        long file = Files.size(server.dataFile());
        return String.format(Locale.ROOT, "file %s, live pages %s (file = %.1f x live)", mb(file), mb(live),
                (double) file / live);
    }

    private static void insert(MongoCollection<Document> collection, int count, int threads, long first)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        collection.insertOne(new Document("_id", first + i).append("payload", PAYLOAD));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
