package vn.qms.doccontrol.query.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.platform.web.PointInTime;
import vn.qms.doccontrol.query.audit.AuditTrailRepository;
import vn.qms.doccontrol.query.support.GeneratedHistory;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

/**
 * The projections when many organizations write at the same time, as in a province: a year of
 * events from many organizations with their own secretaries, interleaved, delivered in the small
 * batches of a processor that keeps up with live writes. Prints events/s, where the batches spent
 * their time, and the largest year summary and bucket of the audit trail (what each batch reads and
 * rewrites). The HTTP benchmark writes one organization after another and does not show this.
 *
 * <pre>
 * ./mvnw -B -q -pl query-side -am verify -Dqms.test.excludedGroups=none -Dgroups=benchmark \
 *     -Dtest=AuditTrailSpreadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Optional: {@code -Dqms.bench.organizations=60}, {@code -Dqms.bench.batch=20}.
 */
@Tag("benchmark")
class AuditTrailSpreadBenchmark {

    @TempDir
    Path dataDir;

    @Test
    void manyOrganizationsWritingAtOnce() {
        int organizations = Integer.getInteger("qms.bench.organizations", 60);
        int batch = Integer.getInteger("qms.bench.batch", 20);
        Instant start = LocalDate.parse("2026-01-01").atStartOfDay(PointInTime.VIETNAM).toInstant();
        GeneratedHistory history = GeneratedHistory.generate(7, organizations, new int[] {60, 140}, start,
                Duration.ofDays(360), 1, 300, true);
        try (MongoTestDatabase mongo = MongoTestDatabase.start(dataDir)) {
            ReadModels readModels = new ReadModels(mongo.database(), new TestClock(start.plus(Duration.ofDays(365))));
            List<GeneratedHistory.Event> events = history.events();
            long started = System.nanoTime();
            for (int from = 0; from < events.size(); from += batch) {
                readModels.deliverBatch(events.subList(from, Math.min(events.size(), from + batch)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Largest summary = largest(mongo.database().getCollection(AuditTrailRepository.YEARS_COLLECTION), "o|");
            Largest bucket = largest(mongo.database().getCollection(AuditTrailRepository.BUCKETS_COLLECTION), "o|");
            System.out.printf(Locale.ROOT, "%d events of %d organizations in batches of %d: %.1f s, %.0f events/s (%s)%n"
                            + "an organization's largest year summary: %,d bytes (%s); largest bucket: %,d bytes%n",
                    events.size(), organizations, batch, seconds, events.size() / seconds, readModels.batchTimes(),
                    summary.bytes(), summary.id(), bucket.bytes());
            assertThat(summary.bytes()).isPositive();
        }
    }

    private record Largest(String id, long bytes) {
    }

    private static Largest largest(MongoCollection<Document> collection, String scopePrefix) {
        Largest largest = new Largest("none", 0);
        for (Document document : collection.find()) {
            String id = String.valueOf(document.get("_id"));
            long bytes = bsonSize(document);
            if (id.startsWith(scopePrefix) && bytes > largest.bytes()) {
                largest = new Largest(id, bytes);
            }
        }
        return largest;
    }

    private static long bsonSize(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
        return buffer.getSize();
    }
}
