package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.QmsProcess;
import vn.qms.doccontrol.app.support.Samples;

/**
 * The all-in-one killed with SIGKILL at a random moment of a 16-client write load, then restarted
 * on the same data directory, {@value #DEFAULT_ROUNDS} times (property {@code qms.crash.rounds}).
 * After every restart: every write that was answered 201 is in the event store exactly once, and
 * the register, the revisions and the audit trail show exactly what the event store holds, so a
 * write that was never answered is either wholly there or wholly absent; and numbering continues.
 */
class CrashRecoveryTest {

    private static final int DEFAULT_ROUNDS = 10;
    private static final int CLIENTS = 16;

    @TempDir
    Path workDir;

    /** documentId to its revisions answered 201 (or 201 to the issue, revision 1). */
    private final Map<String, Set<Integer>> acknowledged = new ConcurrentHashMap<>();
    private final Random random = new Random(20261123);
    /** Answers other than 201, by status: a kill test whose writes all failed proves nothing. */
    private final Map<Integer, Integer> otherAnswers = new ConcurrentHashMap<>();

    @Test
    void shouldKeepEveryAcknowledgedWriteExactlyOnceAcrossRepeatedSigkills() throws Exception {
        int rounds = Integer.getInteger("qms.crash.rounds", DEFAULT_ROUNDS);
        Path dataDir = workDir.resolve("data");
        Path log = workDir.resolve("qms.log");
        String org = Samples.freshOrganization();
        for (int round = 1; round <= rounds; round++) {
            QmsProcess qms = QmsProcess.start(dataDir, log);
            verifyEverythingAcknowledgedIsThereOnce(qms, "after restart " + (round - 1));
            long killAfterMillis = random.nextInt(2_000);
            int answered = writeUntilKilled(qms, org, round, killAfterMillis);
            assertThat(answered).as("round %d answered writes before the kill (other answers: %s; log %s)",
                    round, otherAnswers, log).isPositive();
        }
        try (QmsProcess qms = QmsProcess.start(dataDir, log)) {
            verifyEverythingAcknowledgedIsThereOnce(qms, "after the last restart");
            numberingContinues(qms);
        }
    }

    /**
     * 16 clients issue and revise documents; the process is killed while they do, at a random
     * moment once the load is running (the first answers of a cold process take seconds).
     */
    private int writeUntilKilled(QmsProcess qms, String org, int round, long killAfterMillis) throws Exception {
        Api api = qms.api().signedIn();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger answeredSoFar = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> answered = new ArrayList<>();
        List<String> known = new ArrayList<>(acknowledged.keySet());
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            answered.add(clients.submit(() -> {
                Random choices = new Random(round * 100L + id);
                Map<String, Integer> latest = new HashMap<>();
                for (int i = id; i < known.size(); i += CLIENTS) {
                    latest.put(known.get(i), -1);
                }
                int count = 0;
                for (int n = 0; !killed.get(); n++) {
                    try {
                        if (latest.isEmpty() || choices.nextInt(4) == 0) {
                            Response issued = api.post("secretary", "/api/documents", DocumentControlApiContract.issueBody(
                                    org, "CR-" + round + "-" + id + "-" + n, "Quy trình số " + n, "Ban hành lần đầu"));
                            otherAnswers.merge(issued.status(), 1, Integer::sum);
                            if (issued.status() == 201) {
                                String documentId = issued.json().get("documentId").asText();
                                acknowledge(documentId, 1);
                                answeredSoFar.incrementAndGet();
                                latest.put(documentId, 1);
                                count++;
                            }
                        } else {
                            List<String> mine = new ArrayList<>(latest.keySet());
                            String documentId = mine.get(choices.nextInt(mine.size()));
                            int expected = latest.get(documentId);
                            Response revised = api.post("secretary", "/api/documents/" + documentId + "/revisions",
                                    DocumentControlApiContract.reviseBody(Math.max(expected, 1), "Sửa đổi " + n));
                            otherAnswers.merge(revised.status(), 1, Integer::sum);
                            if (revised.status() == 201) {
                                int revision = revised.json().get("revision").asInt();
                                acknowledge(documentId, revision);
                                answeredSoFar.incrementAndGet();
                                latest.put(documentId, revision);
                                count++;
                            } else if (revised.status() == 409 && revised.json().has("latestRevision")) {
                                latest.put(documentId, revised.json().get("latestRevision").asInt());
                            }
                        }
                    } catch (UncheckedIOException connectionLost) {
                        return count;
                    }
                }
                return count;
            }));
        }
        long loadRunning = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (answeredSoFar.get() < CLIENTS && System.nanoTime() < loadRunning) {
            Thread.sleep(10);
        }
        Thread.sleep(killAfterMillis);
        qms.kill();
        killed.set(true);
        int total = 0;
        for (Future<Integer> client : answered) {
            total += client.get(2, TimeUnit.MINUTES);
        }
        clients.shutdownNow();
        return total;
    }

    private void acknowledge(String documentId, int revision) {
        acknowledged.computeIfAbsent(documentId, id -> ConcurrentHashMap.newKeySet()).add(revision);
    }

    private void verifyEverythingAcknowledgedIsThereOnce(QmsProcess qms, String when) {
        try (MongoClient client = MongoClients.create(qms.mongoUri())) {
            MongoCollection<Document> commits = client.getDatabase("qms").getCollection("event_commits");
            Map<String, List<Document>> stored = eventsByDocument(commits);
            everyAcknowledgedWriteIsStoredOnce(stored, when);
            everyEventIsFoundByItsAggregateKey(commits, stored, when);
            readModelsShowTheEventStore(qms, stored, when);
        }
    }

    private void everyAcknowledgedWriteIsStoredOnce(Map<String, List<Document>> stored, String when) {
        for (Map.Entry<String, Set<Integer>> document : acknowledged.entrySet()) {
            List<Document> events = stored.get(document.getKey());
            assertThat(events).as("%s: acknowledged document %s is in the event store", when, document.getKey()).isNotNull();
            for (int revision : document.getValue()) {
                assertThat(events.stream().filter(e -> revisionOf(e) == revision).count())
                        .as("%s: acknowledged revision %d of %s, times in the event store", when, revision, document.getKey())
                        .isEqualTo(1);
            }
        }
    }

    private static void readModelsShowTheEventStore(QmsProcess qms, Map<String, List<Document>> stored, String when) {
        Api api = qms.api().signedIn();
        for (Map.Entry<String, List<Document>> document : stored.entrySet()) {
            String id = document.getKey();
            List<Document> events = document.getValue();
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).get("sequenceNumber", Number.class).longValue())
                        .as("%s: %s has no hole and no duplicate in its sequence", when, id).isEqualTo(i);
                assertThat(revisionOf(events.get(i))).as("%s: %s revisions follow each other", when, id).isEqualTo(i + 1);
            }
            Set<String> eventIds = new HashSet<>();
            events.forEach(e -> eventIds.add(e.getString("eventIdentifier")));
            JsonNode trail = awaitExplained(api, "/api/documents/" + id + "/audit-trail",
                    r -> r.status() == 200 && r.json().size() == events.size());
            Set<String> trailIds = new HashSet<>();
            trail.forEach(entry -> trailIds.add(entry.get("eventId").asText()));
            assertThat(trailIds).as("%s: audit trail of %s is the event store's, once each", when, id).isEqualTo(eventIds);
            assertThat(trail).extracting(entry -> entry.get("revision").asInt())
                    .as("%s: audit trail of %s in order", when, id).isSorted().doesNotHaveDuplicates();
            JsonNode current = awaitExplained(api, "/api/documents/" + id,
                    r -> r.status() == 200 && r.json().get("revision").asInt() == events.size());
            assertThat(current.get("revision").asInt()).isEqualTo(events.size());
            JsonNode revisions = awaitExplained(api, "/api/documents/" + id + "/revisions",
                    r -> r.status() == 200 && r.json().size() == events.size());
            assertThat(revisions).extracting(r -> r.get("revision").asInt())
                    .as("%s: revisions of %s", when, id).doesNotHaveDuplicates().hasSize(events.size());
        }
    }

    /**
     * Loading a document and reading one revision's content find its events through the unique index
     * on {@code aggregateKeys}; an event that a scan finds but that index does not would be skipped by
     * both (and the next revision would take its sequence number again). A commit must never capture
     * an insert between its document and its index entries.
     */
    private static void everyEventIsFoundByItsAggregateKey(MongoCollection<Document> commits,
                                                           Map<String, List<Document>> stored, String when) {
        List<String> missing = new ArrayList<>();
        stored.forEach((id, events) -> events.forEach(event -> {
            String key = id + "/" + event.get("sequenceNumber", Number.class).longValue();
            if (commits.find(Filters.eq("aggregateKeys", key)).first() == null) {
                missing.add(key);
            }
        }));
        assertThat(missing).as("%s: events the aggregate-key index does not find", when).isEmpty();
    }

    /** Polls the read model; when it never gets there, the failure says where each projection stands. */
    private static JsonNode awaitExplained(Api api, String path, Predicate<Response> until) {
        try {
            return api.await("auditor", path, until).json();
        } catch (AssertionError notThere) {
            throw new AssertionError(notThere.getMessage() + "\nprojections then: " + api.get("auditor", "/actuator/health"), notThere);
        }
    }

    private void numberingContinues(QmsProcess qms) {
        Api api = qms.api().signedIn();
        String id = acknowledged.keySet().iterator().next();
        int latest = api.get("auditor", "/api/documents/" + id).json().get("revision").asInt();
        Response next = api.post("secretary", "/api/documents/" + id + "/revisions",
                DocumentControlApiContract.reviseBody(latest, "Sau sự cố"));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().get("revision").asInt()).isEqualTo(latest + 1);
    }

    /** Every event of the store, per document in sequence order, read straight from MongoDB. */
    private static Map<String, List<Document>> eventsByDocument(MongoCollection<Document> commits) {
        Map<String, List<Document>> byDocument = new HashMap<>();
        for (Document commit : commits.find()) {
            List<Document> events = commit.getList("events", Document.class);
            if (events == null) {
                continue; // a tombstone: a commit that was never stored
            }
            for (Document event : events) {
                byDocument.computeIfAbsent(event.getString("aggregateIdentifier"), id -> new ArrayList<>()).add(event);
            }
        }
        byDocument.values().forEach(events -> events.sort((a, b) -> Long.compare(
                a.get("sequenceNumber", Number.class).longValue(), b.get("sequenceNumber", Number.class).longValue())));
        return byDocument;
    }

    private static int revisionOf(Document event) {
        Object payload = event.get("payload");
        Document json = payload instanceof Document d ? d : Document.parse(payload.toString());
        return json.get("revision", Number.class).intValue();
    }
}
