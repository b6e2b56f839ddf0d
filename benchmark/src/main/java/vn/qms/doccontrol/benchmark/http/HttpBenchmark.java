package vn.qms.doccontrol.benchmark.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import vn.qms.doccontrol.benchmark.Results;
import vn.qms.doccontrol.benchmark.SampleData;
import vn.qms.doccontrol.benchmark.Stats;

/**
 * Issue 5's measurement over HTTP: the all-in-one jar on a fresh data directory on the embedded
 * default, loaded with a realistic data set by concurrent clients; writes/s and latency at 1, 4 and
 * 16 clients; projection lag under the 16-client load; the reads a secretary, an auditor and an
 * inspector make, at the small and at the large store size; a full rebuild of the read model; and,
 * on the same embedded server in the same run, the raw driver's ceiling for inserting and reading
 * back equivalent event documents.
 */
public final class HttpBenchmark {

    public enum Sizes {
        FULL(10_000, 100_000, Duration.ofSeconds(20), 1_000),
        QUICK(2_000, 6_000, Duration.ofSeconds(5), 100);

        final int small;
        final int large;
        final Duration phase;
        final int readSamples;

        Sizes(int small, int large, Duration phase, int readSamples) {
            this.small = small;
            this.large = large;
            this.phase = phase;
            this.readSamples = readSamples;
        }
    }

    /** A document as loaded, for the reads to pick from. */
    record Loaded(String documentId, String organizationId, String title, LocalDate issuedOn) {
    }

    /** The latest acknowledged write, for the lag probe. */
    record Acknowledged(String documentId, int revision, long atNanos) {
    }

    private final Sizes sizes;
    private final Path appJar;
    private final Path workDir;
    private final DataSet data = new DataSet(SampleData.load());
    private final List<Loaded> loaded = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicReference<Acknowledged> latestAcknowledged = new AtomicReference<>();
    private final ObjectNode results = new ObjectMapper().createObjectNode();

    private HttpBenchmark(Sizes sizes, Path appJar, Path workDir) {
        this.sizes = sizes;
        this.appJar = appJar;
        this.workDir = workDir;
    }

    public static ObjectNode run(Sizes sizes, Path appJar, Path outputDir) throws Exception {
        Path workDir = Files.createTempDirectory("qms-bench-http");
        HttpBenchmark benchmark = new HttpBenchmark(sizes, appJar, workDir);
        benchmark.measure();
        Results.write(benchmark.results, HttpReport.markdown(benchmark.results), outputDir, "results");
        return benchmark.results;
    }

    private void measure() throws Exception {
        results.put("benchmark", "http");
        results.put("sizes_label", sizes == Sizes.QUICK ? "quick (smaller sizes: read_p99_ms_10k is at "
                + sizes.small + " events, read_p99_ms_100k at " + sizes.large + ")" : "full");
        results.put("small_events", sizes.small);
        results.put("large_events", sizes.large);
        results.put("date", ZonedDateTime.now(ZoneOffset.UTC).toString());
        results.put("machine", Results.machine());
        Path dataDir = workDir.resolve("data");
        Path log = workDir.resolve("qms.log");
        log("application log: %s", log);
        try (AppProcess app = AppProcess.start(appJar, dataDir, log)) {
            results.put("auth_scheme", new QmsClient(app.baseUrl, "secretary").scheme());
            writePhase(app, 1, sizes.phase, Long.MAX_VALUE, "1");
            writePhase(app, 4, sizes.phase, Long.MAX_VALUE, "4");
            writePhase(app, 16, Duration.ofDays(1), sizes.small, "16_to_small");
            awaitProjections(app);
            ObjectNode small = reads(app, "small");
            writePhase(app, 16, Duration.ofDays(1), sizes.large, "16");
            awaitProjections(app);
            ObjectNode large = reads(app, "large");
            double smallP99 = small.get("worst_p99_ms").asDouble();
            double largeP99 = large.get("worst_p99_ms").asDouble();
            results.put("read_p99_ms_10k", smallP99);
            results.put("read_p99_ms_100k", largeP99);
            results.put("read_growth_ratio", Stats.round(largeP99 / smallP99));
            ceiling(app);
        }
        replay(dataDir, log);
        results.put("write_ratio", Stats.round(results.get("writes_per_s_16").asDouble()
                / results.get("ceiling_inserts_per_s").asDouble()));
        results.put("failed_writes", failedWrites.get());
    }

    /** {@code clients} clients write whole document histories until the time is up or the store holds {@code untilEvents}. */
    private void writePhase(AppProcess app, int clients, Duration limit, long untilEvents, String name) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + limit.toNanos();
        long eventsBefore = eventsWritten.get();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        LagProbe lag = clients == 16 ? new LagProbe(new QmsClient(app.baseUrl, "auditor")) : null;
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                QmsClient client = new QmsClient(app.baseUrl, "secretary");
                running.add(pool.submit(() -> {
                    while (!stop.get() && System.nanoTime() < deadline && eventsWritten.get() < untilEvents) {
                        writeHistory(client, data.next(), latencies);
                    }
                    return null;
                }));
            }
            Future<?> probe = lag == null ? null : pool.submit(() -> lag.run(stop));
            for (Future<?> client : running) {
                client.get(6, TimeUnit.HOURS);
            }
            stop.set(true);
            if (probe != null) {
                probe.get(1, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = eventsWritten.get() - eventsBefore;
        double[] samples = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        double rate = events / seconds;
        results.put("writes_per_s_" + name, Stats.round(rate));
        results.put("write_p50_ms_" + name, Stats.round(Stats.percentile(samples, 50)));
        results.put("write_p99_ms_" + name, Stats.round(Stats.percentile(samples, 99)));
        log("%d client(s): %,d writes in %.1f s = %,.0f writes/s, p50 %.1f ms, p99 %.1f ms (store: %,d events)", clients, events,
            seconds, rate, Stats.percentile(samples, 50), Stats.percentile(samples, 99), eventsWritten.get());
        if (lag != null && name.equals("16")) {
            lag.report(results);
        }
    }

    private void writeHistory(QmsClient client, DataSet.DocumentPlan plan, List<Double> latencies) {
        String documentId = null;
        int revision = 0;
        for (DataSet.Write write : plan.writes()) {
            String path = switch (write.kind()) {
                case ISSUE -> "/api/documents";
                case REVISE -> "/api/documents/" + documentId + "/revisions";
                case WITHDRAW -> "/api/documents/" + documentId + "/withdrawal";
            };
            long started = System.nanoTime();
            QmsClient.Answer answer = client.post(path, write.body());
            long done = System.nanoTime();
            if (answer.status() / 100 != 2) {
                failedWrites.incrementAndGet();
                if (failedWrites.get() <= 5) {
                    log("write refused: %s %d %s", path, answer.status(), answer.body());
                }
                return;
            }
            latencies.add((done - started) / 1e6);
            eventsWritten.incrementAndGet();
            if (write.kind() == DataSet.Kind.ISSUE) {
                documentId = answer.json().get("documentId").asText();
                revision = 1;
                loaded.add(new Loaded(documentId, plan.organizationId(), plan.title(), plan.issuedOn()));
            } else if (write.kind() == DataSet.Kind.REVISE) {
                revision = answer.json().get("revision").asInt();
            }
            if (write.kind() != DataSet.Kind.WITHDRAW && !write.scheduled()) {
                latestAcknowledged.set(new Acknowledged(documentId, revision, done));
            }
        }
    }

    /**
     * Samples the latest acknowledged write every 50 ms and polls until the document view (the
     * register's projection) and the document's audit trail show it.
     */
    private final class LagProbe {
        private final QmsClient reader;
        private final List<Double> register = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> audit = Collections.synchronizedList(new ArrayList<>());

        LagProbe(QmsClient reader) {
            this.reader = reader;
        }

        void run(AtomicBoolean stop) {
            Acknowledged previous = null;
            while (!stop.get()) {
                Acknowledged write = latestAcknowledged.get();
                if (write != null && write != previous) {
                    previous = write;
                    measure(write);
                }
                sleep(50);
            }
        }

        /**
         * Polls the register and the audit trail in turn until each shows the write, and notes for each
         * when it first did: the two processors are independent, so neither waits for the other here.
         */
        private void measure(Acknowledged write) {
            String documentPath = "/api/documents/" + write.documentId();
            Double registerLag = null;
            Double auditLag = null;
            while (registerLag == null || auditLag == null) {
                if (registerLag == null && visible(documentPath, json -> json.path("revision").asInt() >= write.revision())) {
                    registerLag = (System.nanoTime() - write.atNanos()) / 1e6;
                }
                if (auditLag == null && visible(documentPath + "/audit-trail", json -> {
                    for (JsonNode entry : json) {
                        if (entry.path("revision").asInt() == write.revision()) {
                            return true;
                        }
                    }
                    return false;
                })) {
                    auditLag = (System.nanoTime() - write.atNanos()) / 1e6;
                }
                sleep(2);
            }
            register.add(registerLag);
            audit.add(auditLag);
        }

        private boolean visible(String path, Function<JsonNode, Boolean> shows) {
            QmsClient.Answer answer = reader.get(path, Map.of());
            return answer.status() == 200 && shows.apply(answer.json());
        }

        void report(ObjectNode results) {
            double[] r = register.stream().mapToDouble(Double::doubleValue).toArray();
            double[] a = audit.stream().mapToDouble(Double::doubleValue).toArray();
            results.put("lag_samples", r.length);
            results.put("lag_register_p50_ms", Stats.round(Stats.percentile(r, 50)));
            results.put("lag_register_p99_ms", Stats.round(Stats.percentile(r, 99)));
            results.put("lag_audit_p50_ms", Stats.round(Stats.percentile(a, 50)));
            results.put("lag_audit_p99_ms", Stats.round(Stats.percentile(a, 99)));
            results.put("lag_p99_ms", Stats.round(Math.max(Stats.percentile(r, 99), Stats.percentile(a, 99))));
            log("projection lag under 16 clients (%d samples): register p50 %.1f / p99 %.1f ms, audit trail p50 %.1f / p99 %.1f ms",
                r.length, Stats.percentile(r, 50), Stats.percentile(r, 99), Stats.percentile(a, 50), Stats.percentile(a, 99));
        }
    }

    /**
     * Waits until the audit trail holds every event written and then until every read-model processor
     * has reached the head of the event store (health: {@code behind} 0), so reads are measured on a
     * settled store, at both sizes alike.
     */
    private void awaitProjections(AppProcess app) {
        QmsClient auditor = new QmsClient(app.baseUrl, "auditor");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            QmsClient.Answer page = auditor.get("/api/audit-trail", Map.of("size", "1"));
            if (page.status() == 200 && page.json().path("total").asLong() >= eventsWritten.get()) {
                awaitProcessorsAtHead(auditor);
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("projections did not catch up with " + eventsWritten.get() + " events");
    }

    /**
     * The register's processor may still be writing when the audit trail is complete. An index taken
     * by a write that then failed stays a gap at the head until the next write, so this gives up
     * (and says so) after two minutes instead of waiting forever.
     */
    private void awaitProcessorsAtHead(QmsClient client) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (processorsAtHead(client)) {
                return;
            }
            sleep(100);
        }
        log("not every processor reached the head in 2 minutes (a failed write's index?); reads measured anyway");
    }

    private static boolean processorsAtHead(QmsClient client) {
        JsonNode processors = client.get("/actuator/health", Map.of()).json().path("components").path("projections").path("details");
        boolean any = false;
        for (Map.Entry<String, JsonNode> processor : (Iterable<Map.Entry<String, JsonNode>>) processors::fields) {
            if (processor.getValue().isObject()) {
                any = true;
                if (processor.getValue().path("behind").asLong(Long.MAX_VALUE) != 0) {
                    return false;
                }
            }
        }
        return any;
    }

    /** p50/p99 of each read, one client at a time, on documents and organizations picked at random. */
    private ObjectNode reads(AppProcess app, String size) {
        QmsClient secretary = new QmsClient(app.baseUrl, "secretary");
        QmsClient auditor = new QmsClient(app.baseUrl, "auditor");
        Random random = new Random(5);
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Map<String, Function<Loaded, QmsClient.Answer>> reads = new LinkedHashMap<>();
        reads.put("register_page", d -> secretary.get("/api/documents", Map.of("organizationId", d.organizationId(), "size", "50")));
        reads.put("search_without_diacritics", d -> secretary.get("/api/documents",
                Map.of("organizationId", d.organizationId(), "q", searchWords(d.title()))));
        reads.put("one_document", d -> secretary.get("/api/documents/" + d.documentId(), Map.of()));
        reads.put("one_document_as_of", d -> secretary.get("/api/documents/" + d.documentId(),
                Map.of("asOf", d.issuedOn().plusDays(1).toString())));
        reads.put("revisions", d -> secretary.get("/api/documents/" + d.documentId() + "/revisions", Map.of()));
        reads.put("organization_audit_month", d -> auditor.get("/api/audit-trail", Map.of("organizationId", d.organizationId(),
                "from", month.atDay(1).toString(), "to", month.plusMonths(1).atDay(1).toString(), "size", "50")));
        ObjectNode node = results.putObject("reads_" + size);
        node.put("events", eventsWritten.get());
        double worst = 0;
        List<Loaded> documents = new ArrayList<>(loaded);
        for (Map.Entry<String, Function<Loaded, QmsClient.Answer>> read : reads.entrySet()) {
            double[] samples = new double[sizes.readSamples];
            for (int round = 0; round < 2; round++) {
                // The first round warms the JIT and the caches; the second is the one reported.
                for (int i = 0; i < samples.length; i++) {
                    Loaded document = documents.get(random.nextInt(documents.size()));
                    long started = System.nanoTime();
                    QmsClient.Answer answer = read.getValue().apply(document);
                    samples[i] = (System.nanoTime() - started) / 1e6;
                    if (answer.status() != 200) {
                        throw new IllegalStateException(read.getKey() + " answered " + answer.status() + ": " + answer.body());
                    }
                }
            }
            double p99 = Stats.percentile(samples, 99);
            node.put(read.getKey() + "_p50_ms", Stats.round(Stats.percentile(samples, 50)));
            node.put(read.getKey() + "_p99_ms", Stats.round(p99));
            worst = Math.max(worst, p99);
            log("%s events, %s: p50 %.2f ms, p99 %.2f ms", String.format("%,d", eventsWritten.get()), read.getKey(),
                Stats.percentile(samples, 50), p99);
        }
        node.put("worst_p99_ms", Stats.round(worst));
        return node;
    }

    /** The first three words of a title with diacritics and case removed, as a hurried user types them. */
    static String searchWords(String title) {
        String folded = Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase();
        String[] words = folded.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(3, words.length)));
    }

    /**
     * The raw driver on the same embedded server: 16 threads inserting documents like the event
     * store's commits (a copy of a stored one with a new {@code _id}), then reading them back by {@code _id}.
     */
    private void ceiling(AppProcess app) throws Exception {
        try (MongoClient client = MongoClients.create(app.mongoUri)) {
            org.bson.Document template = client.getDatabase("qms").getCollection("event_commits")
                    .find(new org.bson.Document("events", new org.bson.Document("$exists", true))).first();
            var scratch = client.getDatabase("bench_ceiling").getCollection("commits");
            AtomicLong ids = new AtomicLong();
            double inserts = parallelRate(16, sizes.phase, () -> {
                org.bson.Document copy = new org.bson.Document(template);
                copy.put("_id", ids.incrementAndGet());
                copy.remove("aggregateKeys");
                copy.remove("eventIds");
                scratch.insertOne(copy);
            });
            Random random = new Random(9);
            double reads = parallelRate(16, sizes.phase, () -> scratch.find(
                    new org.bson.Document("_id", 1 + (long) random.nextInt((int) Math.max(1, ids.get())))).first());
            results.put("ceiling_inserts_per_s", Stats.round(inserts));
            results.put("ceiling_reads_per_s", Stats.round(reads));
            log("ceiling (raw driver, 16 threads, same server): %,.0f inserts/s, %,.0f reads by _id/s", inserts, reads);
            client.getDatabase("bench_ceiling").drop();
        }
    }

    private static double parallelRate(int threads, Duration window, Runnable operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    operation.run();
                    done.incrementAndGet();
                }
            }));
        }
        Thread.sleep(window.toMillis());
        stop.set(true);
        for (Future<?> thread : running) {
            thread.get(1, TimeUnit.MINUTES);
        }
        pool.shutdownNow();
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Restart with a rebuild of every read model: events/s from healthy until the audit trail is complete again. */
    private void replay(Path dataDir, Path log) {
        long started = System.nanoTime();
        try (AppProcess app = AppProcess.start(appJar, dataDir, log, "--qms.projections.rebuild=true")) {
            long healthy = System.nanoTime();
            awaitProjections(app);
            double seconds = (System.nanoTime() - healthy) / 1e9;
            double rate = eventsWritten.get() / seconds;
            results.put("replay_events_per_s", Stats.round(rate));
            results.put("replay_seconds", Stats.round(seconds));
            results.put("replay_startup_seconds", Stats.round((healthy - started) / 1e9));
            log("rebuild: %,d events replayed in %.1f s = %,.0f events/s (startup before it %.1f s)", eventsWritten.get(),
                seconds, rate, (healthy - started) / 1e9);
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[http] " + format + "%n", args);
    }
}
