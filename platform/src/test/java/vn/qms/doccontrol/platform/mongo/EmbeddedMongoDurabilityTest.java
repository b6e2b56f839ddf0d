package vn.qms.doccontrol.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the embedded server: a write it acknowledged survives the process being killed
 * (SIGKILL, no shutdown hook, no flush) right after it, while other writes are still in flight.
 */
class EmbeddedMongoDurabilityTest {

    private static final int WRITER_THREADS = 8;
    private static final int ACKS_BEFORE_KILL = 250;

    @TempDir
    Path dataDir;

    /** Every insert acknowledged in any round so far on {@link #dataDir}. */
    private final List<Long> acknowledgedSoFar = new ArrayList<>();

    @Test
    void acknowledgedInsertsSurviveSigkillRoundAfterRound() throws Exception {
        long next = 1;
        for (int round = 1; round <= 3; round++) {
            next = killAfterAcknowledgedInserts(false, next, round);
        }
    }

    @Test
    void acknowledgedInsertsSurviveSigkillWithFsync() throws Exception {
        killAfterAcknowledgedInserts(true, 1, 1);
    }

    /**
     * One round: a child inserts from {@value #WRITER_THREADS} threads and is killed after
     * {@value #ACKS_BEFORE_KILL} acknowledgements; then every insert acknowledged in this or an
     * earlier round must be stored exactly once. Returns the next free number.
     */
    private long killAfterAcknowledgedInserts(boolean fsync, long first, int round) throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        Process child = new ProcessBuilder(javaExecutable(),
                // a short-lived JVM: quick JIT warm-up and a small heap beat peak speed
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", testClassPath(),
                DurabilityChild.class.getName(), dataDir.toString(), Boolean.toString(fsync),
                Integer.toString(WRITER_THREADS), Long.toString(first))
                .redirectError(dataDir.resolve("child-" + round + ".err").toFile())
                .start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                }
            }
            // SIGKILL on Linux: the writers are still inserting.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        // The temporary directory is gone once the test ends: say what the child said.
        assertThat(acknowledged).as("acknowledged inserts before the kill; the child's standard error:%n%s",
                        Files.readString(dataDir.resolve("child-" + round + ".err")))
                .hasSize(ACKS_BEFORE_KILL);

        acknowledgedSoFar.addAll(acknowledged);
        Map<Long, Integer> stored = storedNumbers();
        List<Long> lost = acknowledgedSoFar.stream().filter(n -> !stored.containsKey(n)).toList();
        assertThat(lost).as("acknowledged inserts missing after the kill of round %d (of %d acknowledged so far)",
                round, acknowledgedSoFar.size()).isEmpty();
        assertThat(stored).as("numbers stored more than once").allSatisfy((n, copies) -> assertThat(copies).isEqualTo(1));
        return stored.keySet().stream().mapToLong(Long::longValue).max().orElse(first - 1) + 1;
    }

    private Map<Long, Integer> storedNumbers() {
        Map<Long, Integer> stored = new HashMap<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> inserts = client.getDatabase(DurabilityChild.DATABASE).getCollection(DurabilityChild.COLLECTION);
            for (Document document : inserts.find().projection(Projections.include("n"))) {
                stored.merge(document.getLong("n"), 1, Integer::sum);
            }
            // Each stored document is also in the unique index: a commit never captured an insert
            // between its document and its index entries.
            List<Long> notIndexed = stored.keySet().stream()
                    .filter(n -> inserts.find(Filters.eq("n", n)).first() == null).toList();
            assertThat(notIndexed).as("documents their unique index does not find").isEmpty();
        }
        return stored;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path separately. */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
