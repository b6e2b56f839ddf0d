package vn.qms.doccontrol.query.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.platform.web.PointInTime;
import vn.qms.doccontrol.query.audit.FetchAuditTrailQuery;
import vn.qms.doccontrol.query.audit.FetchDocumentAuditTrailQuery;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.register.DocumentStatus;
import vn.qms.doccontrol.query.register.FetchRegisterQuery;
import vn.qms.doccontrol.query.revisions.FetchDocumentQuery;
import vn.qms.doccontrol.query.revisions.FetchRevisionsQuery;
import vn.qms.doccontrol.query.support.GeneratedHistory;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

/**
 * How the reads of the read models grow with the store: two stores on the embedded server, of about
 * 10,000 and 100,000 events of the same shape (organizations of 20-200 documents, a few revisions
 * each, some withdrawn, over three years; ten times as many organizations in the larger store),
 * filled through the projections in batches (of 1,000 rather than the processors' 100, to fill
 * faster; the tests show batching changes nothing in the read models). Each read is sampled
 * alternately on both stores, so that the machine's other load weighs on both alike; p50 and p99 of
 * each, and the ratio 100k/10k.
 *
 * <pre>
 * ./mvnw -B -q -pl query-side -am verify -Dqms.test.excludedGroups=none -Dgroups=benchmark \
 *     -Dtest=ReadModelReadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Optional: {@code -Dqms.bench.samples=1000} (per read and store), {@code -Dqms.bench.small=10000},
 * {@code -Dqms.bench.large=100000}. The table is printed and written to
 * {@code query-side/target/read-model-benchmark.md}.
 */
@Tag("benchmark")
class ReadModelReadsBenchmark {

    private static final Instant START = LocalDate.parse("2023-01-01").atStartOfDay(PointInTime.VIETNAM).toInstant();
    private static final Duration SPAN = Duration.ofDays(3 * 365);
    private static final Instant NOW = LocalDate.parse("2026-01-15").atStartOfDay(PointInTime.VIETNAM).toInstant();
    private static final double EVENTS_PER_ORGANIZATION = 110 * 2.6;
    /** As large as a processor's largest batch, only to fill faster: the read models come out the same. */
    private static final int FILL_BATCH = 1_000;

    @TempDir
    Path dataDir;

    /** One store and what the reads pick from. */
    private record Store(String name, MongoTestDatabase mongo, ReadModels readModels, GeneratedHistory history,
                         int events, double fillSeconds) {
    }

    private record Read(String name, Function<Store, Function<Random, Object>> query) {
    }

    @Test
    void readsStayFlatAsTheStoreGrowsTenfold() throws IOException {
        int smallEvents = Integer.getInteger("qms.bench.small", 10_000);
        int largeEvents = Integer.getInteger("qms.bench.large", 100_000);
        int samples = Integer.getInteger("qms.bench.samples", 1000);
        Store small = fill("10k", smallEvents, 1);
        Store large = fill("100k", largeEvents, 2);
        try {
            List<Read> reads = reads();
            Map<String, long[][]> timings = new LinkedHashMap<>();
            for (Read read : reads) {
                timings.put(read.name(), new long[][] {new long[samples], new long[samples]});
            }
            Random random = new Random(42);
            // Filling left garbage and dirty pages behind; let neither land in the samples.
            System.gc();
            int warmUp = samples / 2;
            for (int i = -warmUp; i < samples; i++) {
                for (Read read : reads) {
                    Store[] order = i % 2 == 0 ? new Store[] {small, large} : new Store[] {large, small};
                    for (Store store : order) {
                        long nanos = time(read, store, random);
                        if (i >= 0) {
                            timings.get(read.name())[store == small ? 0 : 1][i] = nanos;
                        }
                    }
                }
            }
            String table = report(small, large, timings, samples);
            System.out.println(table);
            Path report = Path.of("target", "read-model-benchmark.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, table);
        } finally {
            small.mongo().close();
            large.mongo().close();
        }
    }

    private Store fill(String name, int targetEvents, long seed) {
        int organizations = Math.max(1, (int) Math.round(targetEvents / EVENTS_PER_ORGANIZATION));
        GeneratedHistory history = GeneratedHistory.generate(seed, organizations, new int[] {20, 200}, START, SPAN, 1,
                3_000, true);
        MongoTestDatabase mongo = MongoTestDatabase.start(dataDir.resolve(name));
        ReadModels readModels = new ReadModels(mongo.database(), new TestClock(NOW));
        long started = System.nanoTime();
        List<GeneratedHistory.Event> events = history.events();
        for (int from = 0; from < events.size(); from += FILL_BATCH) {
            readModels.deliverBatch(events.subList(from, Math.min(events.size(), from + FILL_BATCH)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d events, %d organizations, %d documents, filled in %.1f s (%.0f events/s): %s%n",
                name, events.size(), organizations, history.documentIds().size(), seconds, events.size() / seconds,
                readModels.batchTimes());
        return new Store(name, mongo, readModels, history, events.size(), seconds);
    }

    private static long time(Read read, Store store, Random random) {
        Function<Random, Object> call = read.query().apply(store);
        long started = System.nanoTime();
        Object answer = call.apply(random);
        long nanos = System.nanoTime() - started;
        assertThat(answer).isNotNull();
        return nanos;
    }

    private static List<Read> reads() {
        return List.of(
                new Read("a. register page of one organization", store -> random ->
                        store.readModels().registerQueries.handle(new FetchRegisterQuery(organization(store, random), null, null,
                                null, null, PageRequest.of(null, null)))),
                new Read("a. register, q without diacritics", store -> random ->
                        store.readModels().registerQueries.handle(new FetchRegisterQuery(organization(store, random), null, null,
                                "kiem soat", null, PageRequest.of(null, null)))),
                new Read("a. register, type + status + asOf a past date", store -> random ->
                        store.readModels().registerQueries.handle(new FetchRegisterQuery(organization(store, random),
                                DocumentType.PROCEDURE, DocumentStatus.EFFECTIVE, null, pastMoment(random), PageRequest.of(null, null)))),
                new Read("b. one document", store -> random ->
                        store.readModels().documentQueries.handle(new FetchDocumentQuery(document(store, random), null))),
                new Read("b. one document asOf a past date", store -> random ->
                        store.readModels().documentQueries.handle(new FetchDocumentQuery(document(store, random), NOW))),
                new Read("b. one document's revisions", store -> random ->
                        store.readModels().revisionQueries.handle(new FetchRevisionsQuery(document(store, random)))),
                new Read("c. organization's audit trail for a month", store -> random -> {
                    YearMonth month = month(random);
                    return store.readModels().auditTrailQueries.handle(new FetchAuditTrailQuery(organization(store, random), null,
                            null, start(month), start(month.plusMonths(1)), PageRequest.of(null, null)));
                }),
                new Read("c. one document's audit trail", store -> random ->
                        store.readModels().auditTrailQueries.handle(new FetchDocumentAuditTrailQuery(document(store, random)))),
                new Read("c. one actor's audit trail for a month", store -> random -> {
                    YearMonth month = month(random);
                    String actor = GeneratedHistory.ACTORS[random.nextInt(GeneratedHistory.ACTORS.length)] + "."
                            + organization(store, random);
                    return store.readModels().auditTrailQueries.handle(new FetchAuditTrailQuery(null, null, actor,
                            start(month), start(month.plusMonths(1)), PageRequest.of(null, null)));
                }),
                new Read("c. whole audit trail, page 20 of 50", store -> random ->
                        store.readModels().auditTrailQueries.handle(new FetchAuditTrailQuery(null, null, null, null, null,
                                PageRequest.of(20, 50)))),
                new Read("c. organization's whole audit trail, page 2", store -> random ->
                        store.readModels().auditTrailQueries.handle(new FetchAuditTrailQuery(organization(store, random), null,
                                null, null, null, PageRequest.of(2, 50)))));
    }

    private static String organization(Store store, Random random) {
        List<String> organizations = store.history().organizations();
        return organizations.get(random.nextInt(organizations.size()));
    }

    private static String document(Store store, Random random) {
        List<String> documents = store.history().documentIds();
        return documents.get(random.nextInt(documents.size()));
    }

    private static YearMonth month(Random random) {
        return YearMonth.of(2023, 2).plusMonths(random.nextInt(33));
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(PointInTime.VIETNAM).toInstant();
    }

    private static Instant pastMoment(Random random) {
        return START.plus(Duration.ofDays(200 + random.nextInt(700)));
    }

    private static String report(Store small, Store large, Map<String, long[][]> timings, int samples) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Read models on the embedded server: %d and %d events (%d and %d organizations, "
                        + "%d and %d documents); %d samples per read and store, alternating; %d cores, %s.%n%n",
                small.events(), large.events(), small.history().organizations().size(), large.history().organizations().size(),
                small.history().documentIds().size(), large.history().documentIds().size(), samples,
                Runtime.getRuntime().availableProcessors(), LocalDate.now()));
        table.append(String.format(Locale.ROOT, "Filled through the projections in batches of " + FILL_BATCH + ": %.0f and %.0f events/s.%n%n",
                small.events() / small.fillSeconds(), large.events() / large.fillSeconds()));
        table.append("| read | p50 10k (ms) | p99 10k (ms) | p50 100k (ms) | p99 100k (ms) | p50 ratio | p99 ratio |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, long[][]> read : timings.entrySet()) {
            double[] smallP = percentiles(read.getValue()[0]);
            double[] largeP = percentiles(read.getValue()[1]);
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", read.getKey(),
                    smallP[0], smallP[1], largeP[0], largeP[1], largeP[0] / smallP[0], largeP[1] / smallP[1]));
        }
        return table.toString();
    }

    /** p50 and p99 in milliseconds. */
    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[(int) Math.floor(0.50 * (sorted.length - 1))] / 1e6,
                sorted[(int) Math.floor(0.99 * (sorted.length - 1))] / 1e6};
    }
}
