package vn.qms.doccontrol.platform.eventstore.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.history;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.issued;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.revised;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Global index, gaps and uniqueness under concurrent writers and readers, on whichever MongoDB
 * {@link #target()} gives.
 */
abstract class EngineConcurrencyContract {

    protected abstract MongoTarget target();

    /**
     * An engine as the application builds one on this target: on the embedded server with the
     * unjournaled index counter. A second client stands for a second process, which uses a URI and
     * builds its engine as {@link TestEngines#on} does.
     */
    private GapAwareMongoEventStorageEngine.Builder asTheApplicationBuilds(MongoDatabase database) {
        return TestEngines.builder(database).unjournaledIndexCounter(target().unjournaledIndexCounter());
    }

    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = target().freshDatabase();
    }

    private MongoCollection<BsonDocument> commits() {
        return database.getCollection(EventStoreCollections.defaults().commits(), BsonDocument.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(Supplier<Boolean> condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theSequenceNeverHandsOutAnIndexTwice() throws Exception {
        TestEngines.ready(asTheApplicationBuilds(database));
        GlobalIndexAllocator allocator = new GlobalIndexAllocator(database.getCollection("event_sequence", BsonDocument.class),
                target().unjournaledIndexCounter());
        List<IndexBlock> blocks = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        blocks.add(allocator.take(1 + ThreadLocalRandom.current().nextInt(3)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<IndexBlock> sorted = new ArrayList<>(blocks);
        sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
        long expectedNext = 1;
        for (IndexBlock block : sorted) {
            assertThat(block.first()).as("block %s", block).isEqualTo(expectedNext);
            expectedNext = block.last() + 1;
        }
        assertThat(sorted).hasSize(4000);
        assertThat(allocator.highestTaken()).isEqualTo(expectedNext - 1);
    }

    @Test
    void aStalledWriterIsDeliveredToEveryProjectionExactlyOnceWhenItCommits() throws Exception {
        ThreadLocal<Boolean> stallHere = ThreadLocal.withInitial(() -> false);
        AtomicInteger stalledAt = new AtomicInteger(-1);
        GapAwareMongoEventStorageEngine engine = TestEngines.ready(asTheApplicationBuilds(database).indexTakenHook(block -> {
            if (stallHere.get()) {
                stalledAt.set((int) block.first());
                sleep(3_500);
            }
        }));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(50).build();
        TokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(TestSerializers.json())
                .build();
        Map<String, List<String>> projections = Map.of("register", Collections.synchronizedList(new ArrayList<>()),
                                                       "audit", Collections.synchronizedList(new ArrayList<>()));
        List<TrackingEventProcessor> processors = new ArrayList<>();
        projections.forEach((name, seen) -> processors.add(TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                             .eventHandlers((EventMessageHandler) event -> seen.add(event.getIdentifier()))
                                             .build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                             .andBatchSize(5)
                                                             .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
                .build()));
        processors.forEach(TrackingEventProcessor::start);
        ExecutorService stalledWriter = Executors.newSingleThreadExecutor();
        try {
            engine.appendEvents(history("doc-0", 0, 4));
            DomainEventMessage<?> stalledEvent = issued("doc-stalled");
            long stallStarted = System.nanoTime();
            Future<?> stalled = stalledWriter.submit(() -> {
                stallHere.set(true);
                engine.appendEvents(List.of(stalledEvent));
            });
            await(() -> stalledAt.get() > 0, Duration.ofSeconds(5), "the writer took its index");
            for (int i = 1; i <= 30; i++) {
                engine.appendEvents(List.of(issued("doc-" + i)));
            }
            await(() -> projections.values().stream().allMatch(seen -> seen.size() == 35), Duration.ofSeconds(10),
                  "both projections got the 35 events around the stalled one");

            assertThat(stalled.isDone()).isFalse();
            for (TrackingEventProcessor processor : processors) {
                GapAwareTrackingToken token = (GapAwareTrackingToken) processor.processingStatus().get(0).getTrackingToken();
                assertThat(token.getGaps()).as(processor.getName()).containsExactly((long) stalledAt.get());
            }
            projections.values().forEach(seen -> assertThat(seen).doesNotContain(stalledEvent.getIdentifier()));

            stalled.get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - stallStarted)).isGreaterThan(Duration.ofSeconds(3));
            await(() -> projections.values().stream().allMatch(seen -> seen.size() == 36), Duration.ofSeconds(10),
                  "both projections got the stalled event");
            sleep(300);
            for (List<String> seen : projections.values()) {
                assertThat(seen).hasSize(36).doesNotHaveDuplicates().contains(stalledEvent.getIdentifier());
                assertThat(seen.get(35)).isEqualTo(stalledEvent.getIdentifier());
            }
        } finally {
            stalledWriter.shutdownNow();
            processors.forEach(TrackingEventProcessor::shutDown);
            eventStore.shutDown();
        }
        for (String name : projections.keySet()) {
            TrackingToken stored = tokenStore.fetchToken(name, 0);
            assertThat(stored).isEqualTo(GapAwareTrackingToken.newInstance(36, List.of()));
        }
        GapAwareTrackingToken withGaps = GapAwareTrackingToken.newInstance(40, List.of(3L, 17L, 39L));
        tokenStore.initializeTokenSegments("gaps", 1);
        tokenStore.storeToken(withGaps, "gaps", 0);
        assertThat(tokenStore.fetchToken("gaps", 0)).isEqualTo(withGaps);
    }

    @Test
    void manyConcurrentWritersAreTrackedExactlyOnceInOrderWithNoGapLeftOpen() throws Exception {
        GapAwareMongoEventStorageEngine engine = TestEngines.ready(asTheApplicationBuilds(database));
        int writers = 8;
        int commitsPerWriter = 300;
        List<RecordingTracker> trackers = List.of(new RecordingTracker(engine), new RecordingTracker(engine));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(writers + trackers.size());
        List<Future<?>> writersDone = new ArrayList<>();
        List<Future<?>> trackersDone = new ArrayList<>();
        try {
            for (RecordingTracker tracker : trackers) {
                trackersDone.add(threads.submit(() -> {
                    while (writing.get()) {
                        if (tracker.poll() == 0) {
                            sleep(10);
                        }
                    }
                    return null;
                }));
            }
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                writersDone.add(threads.submit(() -> {
                    long[] nextSequence = new long[10];
                    for (int commit = 0; commit < commitsPerWriter; commit++) {
                        int aggregate = commit % 10;
                        String id = "w" + w + "-doc" + aggregate;
                        int size = commit % 7 == 0 ? 3 : 1;
                        engine.appendEvents(history(id, nextSequence[aggregate], nextSequence[aggregate] + size - 1));
                        nextSequence[aggregate] += size;
                    }
                    return null;
                }));
            }
            for (Future<?> future : writersDone) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            for (Future<?> future : trackersDone) {
                future.get(30, TimeUnit.SECONDS);
            }
            threads.shutdownNow();
        }
        long highest = new GlobalIndexAllocator(database.getCollection("event_sequence", BsonDocument.class), false).highestTaken();
        Map<String, Long> globalIndexes = RecordingTracker.globalIndexes(database);
        long expectedEvents = (long) writers * (commitsPerWriter + 2L * ((commitsPerWriter + 6) / 7));

        assertThat(globalIndexes).hasSize((int) expectedEvents);
        assertThat(highest).isEqualTo(expectedEvents);
        for (RecordingTracker tracker : trackers) {
            tracker.catchUp(highest, Duration.ofSeconds(30));
            tracker.assertDeliveredExactlyOnceInOrder(globalIndexes);
            assertThat(tracker.token()).isEqualTo(GapAwareTrackingToken.newInstance(highest, List.of()));
            System.out.printf("%d events from %d writers: %d delivered after a higher index (gaps that filled)%n",
                              expectedEvents, writers, tracker.lateDeliveries(globalIndexes));
        }
        RecordingTracker fromScratch = new RecordingTracker(engine);
        fromScratch.catchUp(highest, Duration.ofSeconds(30));
        fromScratch.assertDeliveredExactlyOnceInOrder(globalIndexes);
        assertThat(fromScratch.lateDeliveries(globalIndexes)).isZero();
    }

    @Test
    void twoEngineInstancesOnOneDatabaseKeepIndexesAndSequencesUnique() throws Exception {
        String name = database.getName();
        TestEngines.ready(asTheApplicationBuilds(database));
        try (MongoClient secondClient = target().newClient()) {
            List<GapAwareMongoEventStorageEngine> engines = List.of(
                    TestEngines.ready(asTheApplicationBuilds(target().client().getDatabase(name))),
                    TestEngines.on(secondClient.getDatabase(name)));
            List<String> aggregates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                aggregates.add("shared-" + i);
                engines.get(0).appendEvents(List.of(issued("shared-" + i)));
            }
            Set<String> stored = ConcurrentHashMap.newKeySet();
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    GapAwareMongoEventStorageEngine engine = engines.get(thread % 2);
                    done.add(threads.submit(() -> {
                        int appended = 0;
                        while (appended < 30) {
                            String aggregate = aggregates.get(ThreadLocalRandom.current().nextInt(aggregates.size()));
                            long next = engine.lastSequenceNumberFor(aggregate).orElseThrow() + 1;
                            List<EventMessage<?>> commit = new ArrayList<>(history(aggregate, next, next + appended % 2));
                            try {
                                engine.appendEvents(commit);
                                commit.forEach(event -> stored.add(event.getIdentifier()));
                                appended++;
                            } catch (ConcurrencyException lost) {
                                conflicts.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            Map<String, Long> globalIndexes = RecordingTracker.globalIndexes(database);
            assertThat(globalIndexes).hasSize(stored.size() + aggregates.size());
            for (String aggregate : aggregates) {
                List<Long> sequences = engines.get(1).readEvents(aggregate).asStream()
                        .map(DomainEventMessage::getSequenceNumber).toList();
                assertThat(sequences).isEqualTo(EngineStorageContract.range(0, sequences.size() - 1));
            }
            long aggregateEvents = aggregates.stream()
                    .mapToLong(aggregate -> engines.get(0).lastSequenceNumberFor(aggregate).orElseThrow() + 1).sum();
            assertThat(aggregateEvents).isEqualTo(globalIndexes.size());
            assertThat(commits().countDocuments(Filters.exists("aborted"))).isEqualTo(conflicts.get());
            System.out.printf("Two engines, 8 writers: %d events stored, %d conflicts%n", globalIndexes.size(), conflicts.get());

            RecordingTracker tracker = new RecordingTracker(engines.get(1));
            tracker.catchUp(new GlobalIndexAllocator(database.getCollection("event_sequence", BsonDocument.class), false).highestTaken(),
                            Duration.ofSeconds(30));
            tracker.assertDeliveredExactlyOnceInOrder(globalIndexes);
        }
    }

    @Test
    void aWriterTooLateToBeSeenIsRefusedAndItsGapClosesAtOnce() {
        AtomicBoolean stall = new AtomicBoolean(true);
        GapAwareMongoEventStorageEngine engine = TestEngines.ready(asTheApplicationBuilds(database)
                .gapTimeout(Duration.ofSeconds(2))
                .indexTakenHook(block -> {
                    if (stall.getAndSet(false)) {
                        sleep(1_300);
                    }
                }));

        assertThatThrownBy(() -> engine.appendEvents(List.of(issued("doc-late"))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("Nothing was stored");
        engine.appendEvents(List.of(issued("doc-1")));

        List<TrackedEventMessage<?>> tracked = TestEngines.readAll(engine, null);
        assertThat(tracked).hasSize(1);
        assertThat(tracked.get(0).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of()));
        assertThat(engine.readEvents("doc-late").hasNext()).isFalse();
        assertThat(commits().find(Filters.eq("_id", 1L)).first().getDocument("aborted").getString("reason").getValue())
                .startsWith("refused");
    }

    @Test
    void aGapWhoseWriterDiedStaysOpenUntilTheGapTimeoutThenCloses() {
        TestClock clock = new TestClock(Instant.parse("2025-03-01T08:00:00Z"));
        AtomicBoolean die = new AtomicBoolean(true);
        GapAwareMongoEventStorageEngine engine = TestEngines.ready(asTheApplicationBuilds(database)
                .clock(clock)
                .indexTakenHook(block -> {
                    if (die.getAndSet(false)) {
                        throw new IllegalStateException("the writer's process died here");
                    }
                }));
        assertThatThrownBy(() -> engine.appendEvents(List.of(issued("doc-dead")))).isInstanceOf(IllegalStateException.class);
        RecordingTracker tracker = new RecordingTracker(engine);

        engine.appendEvents(List.of(issued("doc-1")));
        tracker.poll();
        assertThat(tracker.token()).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of(1L)));

        clock.advance(Duration.ofSeconds(30));
        engine.appendEvents(List.of(issued("doc-2")));
        tracker.poll();
        assertThat(tracker.token()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of(1L)));

        clock.advance(Duration.ofSeconds(31));
        engine.appendEvents(List.of(issued("doc-3")));
        tracker.poll();
        assertThat(tracker.token()).isEqualTo(GapAwareTrackingToken.newInstance(4, List.of()));
        assertThat(tracker.deliveries()).hasSize(3);
        // A reader starting only now never opens that gap: the commit after it is too old for it to fill.
        assertThat(TestEngines.readAll(engine, null)).hasSize(3)
                .allSatisfy(event -> assertThat(((GapAwareTrackingToken) event.trackingToken()).hasGaps()).isFalse());
    }

    @Test
    void readersGetPastHolesAndTombstonesWiderThanABatch() {
        AtomicBoolean die = new AtomicBoolean(false);
        GapAwareMongoEventStorageEngine engine = TestEngines.ready(asTheApplicationBuilds(database)
                .batchSize(5)
                .indexTakenHook(block -> {
                    if (die.getAndSet(false)) {
                        throw new IllegalStateException("the writer's process died here");
                    }
                }));
        engine.appendEvents(history("doc-1", 0, 1));
        die.set(true);
        assertThatThrownBy(() -> engine.appendEvents(history("doc-dead", 0, 11))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.appendEvents(history("doc-1", 1, 12))).isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(history("doc-2", 0, 2));

        List<TrackedEventMessage<?>> tracked = TestEngines.readAll(engine, null);

        assertThat(tracked).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                .containsExactly("doc-1", "doc-1", "doc-2", "doc-2", "doc-2");
        // The dead writer's 12 indexes (3..14) wait as gaps until the gap timeout; the conflicting
        // commit's 12 (15..26) left a tombstone and are passed at once.
        List<Long> deadWritersIndexes = EngineStorageContract.range(3, 14);
        assertThat(tracked.get(4).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(29, deadWritersIndexes));
    }
}
