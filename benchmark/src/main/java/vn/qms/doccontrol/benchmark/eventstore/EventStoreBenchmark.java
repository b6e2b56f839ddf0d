package vn.qms.doccontrol.benchmark.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import vn.qms.doccontrol.benchmark.Results;
import vn.qms.doccontrol.benchmark.SampleData;
import vn.qms.doccontrol.benchmark.Stats;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;

/**
 * Issue 4's measurement, in one run on the embedded default (the durable, file-backed server the
 * application starts): for our engine at two store sizes, commands/s with 1 and 8 writers,
 * tracking catch-up events/s and aggregate load time with and without a snapshot, each with the
 * ratio between the sizes; and the Axon MongoDB extension's engine, on the same server in the same
 * run, for commands/s and catch-up.
 *
 * <p>Stores of both sizes live in one server and their measurements alternate, so that whatever
 * else the machine does weighs on both alike; the command windows alternate between the two engines
 * too, since their ratio is the goal. Costs are compared, not rates: the ratio of a cost
 * at the large size to the same cost at the small size, 1.0 meaning flat.
 */
public final class EventStoreBenchmark {

    public enum Sizes {
        FULL(10_000, 100_000, Duration.ofSeconds(6), 3, 300),
        QUICK(5_000, 50_000, Duration.ofSeconds(2), 2, 100);

        final int small;
        final int large;
        final Duration window;
        final int rounds;
        final int loadSamples;

        Sizes(int small, int large, Duration window, int rounds, int loadSamples) {
            this.small = small;
            this.large = large;
            this.window = window;
            this.rounds = rounds;
            this.loadSamples = loadSamples;
        }
    }

    private static final Duration EXTENSION_CATCH_UP_LIMIT = Duration.ofSeconds(20);

    private final Sizes sizes;
    private final SampleData sample = SampleData.load();
    private final String content;

    private EventStoreBenchmark(Sizes sizes) {
        this.sizes = sizes;
        this.content = sample.content("Quy trình kiểm soát tài liệu", 1024, new Random(1));
    }

    public static ObjectNode run(Sizes sizes, Path outputDir) throws Exception {
        Path dataDir = Files.createTempDirectory("qms-bench-event-store");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            ObjectNode results = new EventStoreBenchmark(sizes).measure(client);
            Results.write(results, EventStoreReport.markdown(results), outputDir, "event-store");
            return results;
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private ObjectNode measure(MongoClient client) throws Exception {
        Map<EngineKind, List<BenchStore>> stores = new LinkedHashMap<>();
        for (EngineKind kind : EngineKind.values()) {
            List<BenchStore> bySize = new ArrayList<>();
            for (int events : new int[] {sizes.small, sizes.large}) {
                BenchStore store = BenchStore.open(kind, client, events);
                long started = System.nanoTime();
                store.populate(sample);
                log("populated %s with %,d events in %.1f s", kind.label, events, seconds(started));
                bySize.add(store);
            }
            stores.put(kind, bySize);
        }
        ObjectNode results = new ObjectMapper().createObjectNode();
        results.put("benchmark", "event-store");
        results.put("sizes_label", sizes.name().toLowerCase());
        results.put("small_events", sizes.small);
        results.put("large_events", sizes.large);
        results.put("date", ZonedDateTime.now().toString());
        results.put("machine", Results.machine());
        for (Map.Entry<EngineKind, List<BenchStore>> engine : stores.entrySet()) {
            ObjectNode node = results.putObject(engine.getKey().name().toLowerCase());
            node.put("engine", engine.getKey().label);
            List<BenchStore> bySize = engine.getValue();
            boolean ours = engine.getKey() == EngineKind.OURS;
            if (ours) {
                measureLoads(bySize, node);
            }
            measureCatchUp(bySize, node, ours ? null : EXTENSION_CATCH_UP_LIMIT);
        }
        for (int writers : new int[] {1, 8}) {
            measureCommands(stores, writers, results);
        }
        ObjectNode ours = (ObjectNode) results.get("ours");
        ObjectNode extension = (ObjectNode) results.get("axon_mongo_extension");
        for (String size : new String[] {"small", "large"}) {
            for (int writers : new int[] {1, 8}) {
                String key = "commands_per_s_" + writers + "_" + size;
                results.put("speedup_" + writers + "_" + size, Stats.round(ours.get(key).asDouble() / extension.get(key).asDouble()));
            }
            String catchUp = "catch_up_events_per_s_" + size;
            results.put("catch_up_speedup_" + size, Stats.round(ours.get(catchUp).asDouble() / extension.get(catchUp).asDouble()));
        }
        stores.values().forEach(list -> list.forEach(BenchStore::close));
        return results;
    }

    /** Median and p99 of loading a long-lived document, alternating between the two sizes. */
    private void measureLoads(List<BenchStore> bySize, ObjectNode node) {
        for (boolean snapshot : new boolean[] {false, true}) {
            String name = snapshot ? "load_with_snapshot" : "load_without_snapshot";
            double[][] samples = new double[2][sizes.loadSamples];
            Random random = new Random(7);
            for (int round = 0; round < 2; round++) {
                // The first round warms the JIT and the caches; the second is the one reported.
                for (int i = 0; i < sizes.loadSamples; i++) {
                    for (int s = 0; s < 2; s++) {
                        BenchStore store = bySize.get(s);
                        List<String> candidates = snapshot ? store.longWithSnapshot : store.longWithoutSnapshot;
                        String id = candidates.get(random.nextInt(candidates.size()));
                        long started = System.nanoTime();
                        store.load(id);
                        samples[s][i] = (System.nanoTime() - started) / 1e6;
                    }
                }
            }
            putCost(node, name + "_ms", Stats.median(samples[0]), Stats.median(samples[1]));
            node.put(name + "_p99_ms_small", Stats.round(Stats.percentile(samples[0], 99)));
            node.put(name + "_p99_ms_large", Stats.round(Stats.percentile(samples[1], 99)));
            log("%s: %s", name, node.get(name + "_ms_ratio"));
        }
    }

    /** How fast a tracking processor starting from the beginning reads the whole store. */
    private void measureCatchUp(List<BenchStore> bySize, ObjectNode node, Duration limit) throws Exception {
        double[] rates = new double[2];
        for (int s = 0; s < 2; s++) {
            BenchStore store = bySize.get(s);
            long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
            long read = 0;
            long started = System.nanoTime();
            try (BlockingStream<TrackedEventMessage<?>> stream = store.eventStore().openStream(null)) {
                while (read < store.events && System.nanoTime() < deadline) {
                    if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        stream.nextAvailable();
                        read++;
                    }
                }
            }
            rates[s] = read / seconds(started);
            log("%s catch-up at %,d events: %,.0f events/s (%,d read)", store.kind.label, store.events, rates[s], read);
        }
        node.put("catch_up_events_per_s_small", Stats.round(rates[0]));
        node.put("catch_up_events_per_s_large", Stats.round(rates[1]));
        node.put("catch_up_cost_ratio", Stats.round(rates[0] / rates[1]));
    }

    /**
     * Real revise commands through the command bus for a fixed window, rounds alternating between
     * the engines and the sizes, so that a drift of the machine weighs on every store alike (the
     * engines' ratio is the figure that matters); each writer revises its own documents, so writers
     * never conflict.
     */
    private void measureCommands(Map<EngineKind, List<BenchStore>> stores, int writers, ObjectNode results) throws Exception {
        List<BenchStore> all = stores.values().stream().flatMap(List::stream).toList();
        double[][] rates = new double[all.size()][sizes.rounds];
        for (BenchStore store : all) {
            runWindow(store, writers, Duration.ofSeconds(1));
        }
        for (int round = 0; round < sizes.rounds; round++) {
            for (int s = 0; s < all.size(); s++) {
                rates[s][round] = runWindow(all.get(s), writers, sizes.window);
            }
        }
        int s = 0;
        for (Map.Entry<EngineKind, List<BenchStore>> engine : stores.entrySet()) {
            ObjectNode node = (ObjectNode) results.get(engine.getKey().name().toLowerCase());
            double small = Stats.median(rates[s++]);
            double large = Stats.median(rates[s++]);
            node.put("commands_per_s_" + writers + "_small", Stats.round(small));
            node.put("commands_per_s_" + writers + "_large", Stats.round(large));
            node.put("command_cost_ratio_" + writers, Stats.round(small / large));
            log("%s, %d writer(s): %,.0f commands/s at %,d events, %,.0f at %,d", engine.getKey().label, writers,
                small, engine.getValue().get(0).events, large, engine.getValue().get(1).events);
        }
    }

    private double runWindow(BenchStore store, int writers, Duration window) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean stop = new AtomicBoolean();
        int slice = store.documents.size() / writers;
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            long started = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                int first = w * slice;
                counts.add(pool.submit(() -> {
                    int done = 0;
                    Random random = new Random(first);
                    while (!stop.get()) {
                        store.revise(first + random.nextInt(slice), content);
                        done++;
                    }
                    return done;
                }));
            }
            Thread.sleep(window.toMillis());
            stop.set(true);
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(10, TimeUnit.MINUTES);
            }
            return total / seconds(started);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void putCost(ObjectNode node, String name, double small, double large) {
        node.put(name + "_small", Stats.round(small));
        node.put(name + "_large", Stats.round(large));
        node.put(name + "_ratio", Stats.round(large / small));
    }


    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[event-store] " + format + "%n", args);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
