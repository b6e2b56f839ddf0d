package vn.qms.doccontrol.platform.eventstore.mongo;

import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.AGGREGATE_TYPE;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test: the cost of each hot operation of the engine on the embedded server,
 * in a store of 10,000 and in one of 100,000 events. Flat costs show that each is an index lookup.
 * For contrast, the same aggregate's commits found by a field without a unique index: what the
 * embedded server does then is a collection scan, as it does for any range or sort.
 *
 * <p>Both stores live in one embedded server and the samples alternate between them, so that
 * whatever else runs on the machine weighs on both sizes alike; medians, for the same reason.
 *
 * <pre>
 * ./mvnw -B -q -pl platform -am test -Dqms.measure=true -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=HotReadCostMeasurement [-Dqms.measure.cacheMb=256]
 * </pre>
 */
@EnabledIfSystemProperty(named = "qms.measure", matches = "true")
class HotReadCostMeasurement {

    private static final int EVENTS_PER_AGGREGATE = 20;
    private static final int SAMPLES = 300;

    record DocumentState(String documentId, int revisions) {
    }

    /** One store of a given size, and what the operations need to pick their targets at random. */
    private static final class Store {
        final int events;
        final int aggregates;
        final GapAwareMongoEventStorageEngine engine;
        final EmbeddedEventStore eventStore;
        final MongoCollection<BsonDocument> commits;
        final List<Long> commitStarts = new ArrayList<>();
        final Random random = new Random(42);

        Store(MongoDatabase database, int events) {
            this.events = events;
            this.aggregates = events / EVENTS_PER_AGGREGATE;
            this.engine = TestEngines.on(database);
            this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            this.commits = database.getCollection("event_commits", BsonDocument.class);
        }

        int randomAggregate(boolean oneEventCommits, boolean withSnapshot) {
            while (true) {
                int aggregate = random.nextInt(aggregates);
                if (hasOneEventCommits(aggregate) == oneEventCommits && hasSnapshot(aggregate) == withSnapshot) {
                    return aggregate;
                }
            }
        }
    }

    /** Either server, closed the same way. */
    private record AutoCloseableTarget(MongoTarget target) implements MongoTarget, AutoCloseable {
        @Override
        public com.mongodb.client.MongoClient client() {
            return target.client();
        }

        @Override
        public com.mongodb.client.MongoClient newClient() {
            return target.newClient();
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) target).close();
        }
    }

    /**
     * The embedded server as the application starts it, but with a given MVStore page cache
     * ({@code -Dqms.measure.cacheMb=256}), to tell the store's cache from the engine's keys.
     */
    private static final class H2ServerWithCache implements MongoTarget, AutoCloseable {
        private final org.h2.mvstore.MVStore store;
        private final de.bwaldvogel.mongo.MongoServer server;
        private final com.mongodb.client.MongoClient client;

        private H2ServerWithCache(org.h2.mvstore.MVStore store, de.bwaldvogel.mongo.MongoServer server) {
            this.store = store;
            this.server = server;
            this.client = newClient();
        }

        static H2ServerWithCache start(Path dataDir, int cacheMegabytes) {
            org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder()
                    .fileName(dataDir.resolve("measure.mv.db").toString()).cacheSize(cacheMegabytes).open();
            de.bwaldvogel.mongo.backend.h2.H2Backend backend = new de.bwaldvogel.mongo.backend.h2.H2Backend(store);
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
            de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
            server.bind("127.0.0.1", 0);
            return new H2ServerWithCache(store, server);
        }

        @Override
        public com.mongodb.client.MongoClient client() {
            return client;
        }

        @Override
        public com.mongodb.client.MongoClient newClient() {
            return com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
            store.close();
        }
    }

    /** Half the aggregates were written one event per commit (as one command makes one event), half five. */
    private static boolean hasOneEventCommits(int aggregate) {
        return aggregate % 2 == 0;
    }

    private static boolean hasSnapshot(int aggregate) {
        return aggregate % 10 < 2;
    }

    @TempDir
    Path dataDir;

    @Test
    void costOfEachHotOperationAt10kAnd100kEvents() throws Exception {
        String cacheMegabytes = System.getProperty("qms.measure.cacheMb");
        try (AutoCloseableTarget target = cacheMegabytes == null
                ? new AutoCloseableTarget(EmbeddedMongoTarget.start(dataDir))
                : new AutoCloseableTarget(H2ServerWithCache.start(dataDir, Integer.parseInt(cacheMegabytes)))) {
            System.out.println("MVStore cache: " + (cacheMegabytes == null ? "default (as the application)" : cacheMegabytes + " MB"));
            List<Store> stores = List.of(new Store(target.freshDatabase(), 10_000), new Store(target.freshDatabase(), 100_000));
            for (Store store : stores) {
                long started = System.nanoTime();
                populate(store);
                System.out.printf("populated %,d events in %.1f s%n", store.events, (System.nanoTime() - started) / 1e9);
            }
            Map<String, Consumer<Store>> operations = operations();
            System.out.println();
            System.out.println("| operation (embedded server, median of " + SAMPLES + ") | 10,000 events | 100,000 events | ratio |");
            System.out.println("|---|---:|---:|---:|");
            for (Map.Entry<String, Consumer<Store>> operation : operations.entrySet()) {
                double[][] samples = new double[stores.size()][SAMPLES];
                for (int round = 0; round < 2; round++) {
                    // The first round warms the JIT and the caches; the second is the one reported.
                    for (int i = 0; i < SAMPLES; i++) {
                        for (int s = 0; s < stores.size(); s++) {
                            long started = System.nanoTime();
                            operation.getValue().accept(stores.get(s));
                            samples[s][i] = (System.nanoTime() - started) / 1e6;
                        }
                    }
                }
                double small = median(samples[0]);
                double large = median(samples[1]);
                System.out.printf("| %s | %.2f ms | %.2f ms | %.2f |%n", operation.getKey(), small, large, large / small);
            }
            stores.forEach(store -> store.eventStore.shutDown());
        }
    }

    private static Map<String, Consumer<Store>> operations() {
        Map<String, Consumer<Store>> operations = new LinkedHashMap<>();
        operations.put("append a one-event commit (sequence + insert)",
                       store -> store.engine.appendEvents(history("extra-" + UUID.randomUUID(), 0, 0)));
        for (boolean oneEventCommits : new boolean[] {true, false}) {
            String shape = oneEventCommits ? "20 one-event commits" : "4 five-event commits";
            operations.put("load an aggregate of " + shape + ", no snapshot", store -> expect(
                    store.eventStore.readEvents("doc-" + store.randomAggregate(oneEventCommits, false)).asStream().count(),
                    EVENTS_PER_AGGREGATE));
            operations.put("load an aggregate of " + shape + " from its snapshot (+5 events)", store -> expect(
                    store.eventStore.readEvents("doc-" + store.randomAggregate(oneEventCommits, true)).asStream().count(), 6));
        }
        operations.put("find the latest snapshot", store -> expect(
                store.engine.readSnapshot("doc-" + store.randomAggregate(true, true)).isPresent() ? 1 : 0, 1));
        operations.put("tracking: next batch of 100 events", store -> {
            long from = store.commitStarts.get(store.random.nextInt(store.commitStarts.size())) - 1;
            try (Stream<? extends TrackedEventMessage<?>> stream =
                         store.engine.readEvents(GapAwareTrackingToken.newInstance(from, List.of()), false)) {
                expect(stream.limit(100).count(), 100);
            }
        });
        operations.put("tracking: poll at the head, nothing new", store -> {
            try (Stream<? extends TrackedEventMessage<?>> stream =
                         store.engine.readEvents(store.engine.createHeadToken(), false)) {
                expect(stream.count(), 0);
            }
        });
        operations.put("for contrast, an aggregate's commits by a non-unique field", store -> expect(
                store.commits.find(Filters.eq("events.aggregateIdentifier", "doc-" + store.randomAggregate(false, false)))
                        .into(new ArrayList<>()).size(), EVENTS_PER_AGGREGATE / 5));
        return operations;
    }

    /** Aggregates of 20 events from 4 writers; one in five gets a snapshot at 14. */
    private static void populate(Store store) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    for (int aggregate = first; aggregate < store.aggregates; aggregate += 4) {
                        String id = "doc-" + aggregate;
                        int commitSize = hasOneEventCommits(aggregate) ? 1 : 5;
                        for (long sequence = 0; sequence < EVENTS_PER_AGGREGATE; sequence += commitSize) {
                            store.engine.appendEvents(history(id, sequence, sequence + commitSize - 1));
                        }
                        if (hasSnapshot(aggregate)) {
                            store.engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, 14,
                                                                                       new DocumentState(id, 14)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        List<Long> candidates = new ArrayList<>();
        for (int i = 0; i < 4 * SAMPLES; i++) {
            candidates.add(1L + store.random.nextInt(store.events - 200));
        }
        store.commits.find(Filters.in("_id", candidates))
                .forEach(commit -> store.commitStarts.add(commit.getInt64("_id").getValue()));
    }

    private static void expect(long actual, long expected) {
        if (actual != expected) {
            throw new AssertionError("expected " + expected + " but got " + actual);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
