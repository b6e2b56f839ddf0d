package vn.qms.doccontrol.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable backend through the real driver: group commit, write commands, file size. */
class DurableH2BackendTest {

    private static final String PAYLOAD = "p".repeat(1000);
    private static final String LARGE_PAYLOAD = "p".repeat(4000);

    @TempDir
    Path dataDir;

    @Test
    void concurrentWritersAreAllAcknowledgedAndSurviveAReopen() throws Exception {
        int threads = 16;
        int insertsPerThread = 60;
        long commits;
        long writeCommands;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            documents.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            long commitsBefore = server.backend().commitCount();
            runConcurrently(threads, thread -> {
                for (int i = 0; i < insertsPerThread; i++) {
                    String key = thread + "-" + i;
                    documents.insertOne(new Document("key", key).append("version", 0));
                    documents.updateOne(Filters.eq("key", key), Updates.inc("version", 1));
                }
                // each thread deletes its last document again
                documents.deleteOne(Filters.eq("key", thread + "-" + (insertsPerThread - 1)));
            });
            commits = server.backend().commitCount() - commitsBefore;
            writeCommands = (long) threads * (2L * insertsPerThread + 1);
        }
        // Group commit: concurrent writers shared commits (never more commits than writes).
        assertThat(commits).isPositive().isLessThan(writeCommands);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            Set<String> keys = new HashSet<>();
            for (Document document : documents.find()) {
                assertThat(keys.add(document.getString("key"))).isTrue();
                assertThat(document.getInteger("version")).isEqualTo(1);
            }
            assertThat(keys).hasSize(threads * (insertsPerThread - 1));
            assertThat(documents.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("key_1");
        }
    }

    @Test
    void everyKindOfWriteCommandIsDurableBeforeItIsAnswered() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("test");
            database.createCollection("created");
            MongoCollection<Document> counters = database.getCollection("counters");
            counters.insertOne(new Document("_id", "c").append("value", 0));
            counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc("value", 5),
                    new FindOneAndUpdateOptions());
            counters.createIndex(Indexes.ascending("value"));
            database.getCollection("dropped").insertOne(new Document("x", 1));
            database.getCollection("dropped").drop();

            // Every write above was committed before its answer: the file holds them all now,
            // before any close (an MVStore without commit would have nothing unsaved only by luck).
            assertThat(server.backend().store().hasUnsavedChanges()).isFalse();
        }
    }

    @Test
    void aWriteWithoutJournalIsAnsweredBeforeItsCommitAndMadeDurableByTheNextWrite() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "c").append("value", 0L));
            MongoCollection<Document> unjournaled = counters.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false));
            MongoCollection<Document> other = client.getDatabase("test").getCollection("other");
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> journaledWrite = server.backend().whileCommitsHeldBack(() -> {
                    Document before = unjournaled.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc("value", 1L));
                    assertThat(before.getLong("value")).as("answered while no commit could run").isZero();
                    Future<?> journaled = writer.submit(() -> other.insertOne(new Document("x", 1)));
                    Thread.sleep(300);
                    assertThat(journaled).as("a journaled write waits for its commit").isNotDone();
                    return journaled;
                });
                journaledWrite.get(30, TimeUnit.SECONDS);
            } finally {
                writer.shutdownNow();
            }
            assertThat(server.backend().store().hasUnsavedChanges()).as("the journaled write's commit carried it").isFalse();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("test").getCollection("counters").find().first().getLong("value")).isEqualTo(1L);
        }
    }

    @Test
    void aReadOfAWriteWithoutJournalIsAnsweredBeforeItsCommit() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rows = client.getDatabase("test").getCollection("rows");
            MongoCollection<Document> unjournaled = rows.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false));
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                server.backend().whileCommitsHeldBack(() -> {
                    unjournaled.insertOne(new Document("_id", "projected"));
                    Future<Document> read = reader.submit(() -> rows.find(Filters.eq("_id", "projected")).first());
                    assertThat(read.get(10, TimeUnit.SECONDS)).as("read while no commit could run").isNotNull();
                    return null;
                });
            } finally {
                reader.shutdownNow();
            }
        }
    }

    @Test
    void aReadThatMaySeeAJournaledWriteWaitsForItsCommit() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rows = client.getDatabase("test").getCollection("rows");
            rows.insertOne(new Document("_id", "before"));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Document> read = server.backend().whileCommitsHeldBack(() -> {
                    Future<?> write = threads.submit(() -> rows.insertOne(new Document("_id", "acknowledged")));
                    Thread.sleep(300);
                    assertThat(write).as("a journaled write waits for its commit").isNotDone();
                    Future<Document> reading = threads.submit(() -> rows.find(Filters.eq("_id", "acknowledged")).first());
                    Thread.sleep(300);
                    assertThat(reading).as("a read that may have seen it waits too").isNotDone();
                    return reading;
                });
                assertThat(read.get(30, TimeUnit.SECONDS)).isNotNull();
                assertThat(server.backend().store().hasUnsavedChanges()).isFalse();
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void housekeepingCommitsAWriteWithoutJournal() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters")
                    .withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false));
            counters.insertOne(new Document("_id", "c").append("value", 0L));

            server.backend().housekeep();

            assertThat(server.backend().store().hasUnsavedChanges()).isFalse();
        }
    }

    @Test
    void concurrentFindOneAndUpdateReturnsEveryValueOnce() throws Exception {
        int threads = 8;
        int callsPerThread = 100;
        Set<Long> returned = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "sequence").append("value", 0L));
            runConcurrently(threads, thread -> {
                for (int i = 0; i < callsPerThread; i++) {
                    Document after = counters.findOneAndUpdate(Filters.eq("_id", "sequence"), Updates.inc("value", 1L),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                    if (!returned.add(after.getLong("value"))) {
                        duplicates.incrementAndGet();
                    }
                }
            });
        }
        // mongo-java-server returns the instance it then updates in place: without the copy made
        // under the collection lock, callers got each other's values.
        assertThat(duplicates).hasValue(0);
        assertThat(returned).hasSize(threads * callsPerThread);
    }

    @Test
    void fileStaysBoundedUnderRepeatedUpdatesOfTheSameDocuments() throws Exception {
        int documentsCount = 200;
        int rounds = 20;
        long sizeAfterFirstRounds;
        long sizeAtEnd;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            for (int i = 0; i < documentsCount; i++) {
                documents.insertOne(new Document("_id", i).append("payload", PAYLOAD));
            }
            AtomicLong round = new AtomicLong();
            long[] sizes = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                int current = (int) round.incrementAndGet();
                runConcurrently(8, thread -> {
                    for (int i = thread; i < documentsCount; i += 8) {
                        documents.updateOne(Filters.eq("_id", i), Updates.set("payload", PAYLOAD + current));
                    }
                });
                sizes[r] = Files.size(server.dataFile());
            }
            sizeAfterFirstRounds = sizes[4];
            sizeAtEnd = sizes[rounds - 1];
        }
        // 4,000 single-document commits of ~1.6 KB documents (200 of them live, ~0.3 MB). With H2's
        // default retention of 45 s every commit's chunk (tens of KB) would still be in the file.
        assertThat(sizeAtEnd).as("file size after %d updates", documentsCount * rounds)
                .isLessThan(16L * 1024 * 1024)
                .isLessThan(3 * sizeAfterFirstRounds + 4L * 1024 * 1024);
    }

    @Test
    void closingCompactsAFileMuchLargerThanItsData() throws Exception {
        // Large enough documents that the file outgrows the size below which closing never compacts.
        long sizeBeforeClose;
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            runConcurrently(8, thread -> {
                for (int i = thread; i < 2000; i += 8) {
                    documents.insertOne(new Document("_id", i).append("payload", LARGE_PAYLOAD));
                }
            });
            documents.deleteMany(Filters.gte("_id", 100));
            sizeBeforeClose = Files.size(server.dataFile());
        } finally {
            server.close();
        }
        long sizeAfterClose = Files.size(server.dataFile());
        assertThat(sizeAfterClose).isLessThan(sizeBeforeClose / 4);
        assertThat(Files.exists(DataFile.compactionCopy(server.dataFile()))).isFalse();

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            assertThat(documents.countDocuments()).isEqualTo(100);
            assertThat(documents.find(Filters.eq("_id", 42)).first()).containsEntry("payload", LARGE_PAYLOAD);
        }
    }

    private interface PerThread {
        void run(int thread) throws Exception;
    }

    static void runConcurrently(int threads, PerThread work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    work.run(thread);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
