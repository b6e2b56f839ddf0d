package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;

/**
 * Measures how long after a write's 201 the register and the audit trail show it, on the embedded
 * default, with 1 and 8 concurrent writers. A measurement, not a test of speed: run it with
 * {@code ./mvnw -B -pl app -am verify -Dqms.test.excludedGroups=none -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code app/target/bench/projection-lag.txt}.
 */
@Tag("benchmark")
class ProjectionLagBenchmark {

    private static final int WRITES_PER_ROUND = 200;

    @TempDir
    Path dataDir;

    @Test
    void measureProjectionLag() throws Exception {
        List<String> titles = Samples.administrativeProcedureTitles();
        StringBuilder report = new StringBuilder("Projection lag on the embedded default (ms from the 201 until the read model holds the write)\n");
        try (RunningQms qms = RunningQms.embedded(dataDir)) {
            Api api = qms.api();
            MongoDatabase database = qms.bean(MongoDatabase.class);
            MongoCollection<Document> register = database.getCollection("register");
            MongoCollection<Document> auditByDocument = database.getCollection("audit_trail_by_document");
            for (int writers : new int[]{1, 8}) {
                String org = Samples.freshOrganization();
                List<Long> registerLag = Collections.synchronizedList(new ArrayList<>());
                List<Long> auditLag = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                long started = System.nanoTime();
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    work.add(pool.submit(() -> {
                        for (int i = writer; i < WRITES_PER_ROUND; i += writers) {
                            Response issued = api.post("secretary", "/api/documents", DocumentControlApiContract.issueBody(
                                    org, "TTHC-" + i, titles.get(i % titles.size()), "Nội dung thủ tục " + i));
                            long acknowledged = System.nanoTime();
                            String id = issued.json().get("documentId").asText();
                            // Polled in the read models themselves: an HTTP poll would add its own bcrypt check
                            // (~100 ms with HTTP Basic) to every sample.
                            awaitPresent(register, id);
                            registerLag.add((System.nanoTime() - acknowledged) / 1_000_000);
                            awaitPresent(auditByDocument, id);
                            auditLag.add((System.nanoTime() - acknowledged) / 1_000_000);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - started) / 1e9;
                report.append(String.format("%d writer(s), %d writes in %.1f s: register p50 %d p99 %d max %d; audit trail p50 %d p99 %d max %d%n",
                        writers, WRITES_PER_ROUND, seconds,
                        percentile(registerLag, 50), percentile(registerLag, 99), percentile(registerLag, 100),
                        percentile(auditLag, 50), percentile(auditLag, 99), percentile(auditLag, 100)));
                assertThat(registerLag).hasSize(WRITES_PER_ROUND);
            }
        }
        Path out = Path.of("target", "bench", "projection-lag.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static void awaitPresent(MongoCollection<Document> readModel, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (readModel.find(Filters.eq("_id", id)).first() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " never reached " + readModel.getNamespace());
            }
            Thread.sleep(1);
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
