package vn.qms.doccontrol.platform.eventstore.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.AGGREGATE_TYPE;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.history;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.issued;
import static vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.revised;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.qms.doccontrol.platform.eventstore.EventPosition;
import vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.DocumentIssued;
import vn.qms.doccontrol.platform.eventstore.mongo.TestEvents.DocumentRevised;

/** What the engine stores and reads back, on whichever MongoDB {@link #target()} gives. */
abstract class EngineStorageContract {

    record DocumentState(String documentId, int revisions) {
    }

    @Revision("2")
    record DocumentRevisedWithSummary(String documentId, int revision, String summary) {
    }

    record Labels(Map<String, String> labels) {
    }

    protected abstract MongoTarget target();

    private MongoDatabase database;
    private GapAwareMongoEventStorageEngine engine;

    @BeforeEach
    void freshStore() {
        database = target().freshDatabase();
        engine = TestEngines.on(database);
    }

    private MongoCollection<BsonDocument> commits() {
        return database.getCollection(EventStoreCollections.defaults().commits(), BsonDocument.class);
    }

    @Test
    void readsBackAnAggregateAsItWasAppended() {
        List<DomainEventMessage<?>> appended = history("doc-1", 0, 2);
        engine.appendEvents(appended);

        List<? extends DomainEventMessage<?>> read = engine.readEvents("doc-1").asStream().toList();

        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DomainEventMessage<?> expected = appended.get(i);
            DomainEventMessage<?> actual = read.get(i);
            assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(actual.getAggregateIdentifier()).isEqualTo("doc-1");
            assertThat(actual.getSequenceNumber()).isEqualTo(i);
            assertThat(actual.getType()).isEqualTo(AGGREGATE_TYPE);
            assertThat(actual.getPayload()).isEqualTo(expected.getPayload());
            assertThat(actual.getMetaData()).isEqualTo(expected.getMetaData());
            assertThat(actual.getTimestamp()).isEqualTo(expected.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        }
        assertThat(((DocumentIssued) read.get(0).getPayload()).fee()).isEqualTo(new BigDecimal("12.50"));
        assertThat(engine.lastSequenceNumberFor("doc-1")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void looksUpOneEventOfAnAggregateBySequenceNumberAmongOtherCommits() {
        List<DomainEventMessage<?>> appended = history("doc-1", 0, 4);
        engine.appendEvents(appended.subList(0, 2));
        engine.appendEvents(List.of(revised("doc-2", 1)));
        engine.appendEvents(appended.subList(2, 5));

        DomainEventMessage<?> third = engine.event("doc-1", 2).orElseThrow();

        assertThat(third.getIdentifier()).isEqualTo(appended.get(2).getIdentifier());
        assertThat(third.getSequenceNumber()).isEqualTo(2);
        assertThat(third.getPayload()).isEqualTo(appended.get(2).getPayload());
        assertThat(engine.event("doc-1", 5)).as("past the aggregate's last event").isEmpty();
        assertThat(engine.event("doc-3", 0)).as("an aggregate never stored").isEmpty();
    }

    @Test
    void storesPayloadAndMetaDataAsJsonAPersonCanReadInTheShell() {
        engine.appendEvents(List.of(issued("doc-1")));

        BsonDocument commit = commits().find().first();
        BsonDocument event = commit.getArray("events").get(0).asDocument();
        BsonDocument payload = event.getDocument("payload");

        assertThat(commit.getInt64("_id").getValue()).isEqualTo(1L);
        assertThat(commit.getArray("aggregateKeys").get(0).asString().getValue()).isEqualTo("doc-1/0");
        assertThat(event.getInt64("globalIndex").getValue()).isEqualTo(1L);
        assertThat(event.getString("payloadType").getValue()).isEqualTo(DocumentIssued.class.getName());
        assertThat(event.getString("payloadRevision").getValue()).isEqualTo("1");
        assertThat(payload.getString("title").getValue()).isEqualTo("Quy trình kiểm soát tài liệu doc-1");
        assertThat(payload.getString("effectiveFrom").getValue()).isEqualTo("2025-01-15");
        assertThat(payload.getDecimal128("fee").getValue().bigDecimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(event.getDocument("metaData").getString("user").getValue()).isEqualTo("secretary");
        assertThat(commits().find(Filters.eq("events.payload.documentId", "doc-1")).first()).isNotNull();
    }

    @Test
    void keepsJsonThatBsonCannotHoldExactlyAsText() {
        Labels labels = new Labels(Map.of("iso.clause", "7.5.3", "$owner", "QA"));
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "doc-1", 0, labels)));

        BsonDocument event = commits().find().first().getArray("events").get(0).asDocument();
        DomainEventMessage<?> read = engine.readEvents("doc-1").next();

        assertThat(event.containsKey("payload")).isFalse();
        assertThat(event.getString("payloadText").getValue()).contains("iso.clause");
        assertThat(read.getPayload()).isEqualTo(labels);
    }

    @Test
    void loadsAnAggregateAcrossManyCommitsAndBatches() {
        engine = TestEngines.ready(TestEngines.builder(database).batchSize(10));
        long next = 0;
        for (int commitSize : new int[] {1, 3, 7, 12, 1, 9, 2, 5}) {
            List<EventMessage<?>> commit = new ArrayList<>(history("doc-a", next, next + commitSize - 1));
            commit.add(revised("doc-b-" + next, 1));
            engine.appendEvents(commit);
            next += commitSize;
        }

        assertThat(engine.readEvents("doc-a").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(range(0, next - 1));
        assertThat(engine.readEvents("doc-a", 25).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(range(25, next - 1));
        assertThat(engine.lastSequenceNumberFor("doc-a")).contains(next - 1);
    }

    @Test
    void loadsAggregatesWhoseLengthsFallOnAndAroundTheLookupWindows() {
        int[] lengths = {1, 7, 8, 9, 23, 24, 25, 130};
        for (int length : lengths) {
            long next = 0;
            while (next < length) {
                long last = Math.min(length - 1, next + (next % 3));
                engine.appendEvents(history("doc-" + length, next, last));
                next = last + 1;
            }
        }

        for (int length : lengths) {
            assertThat(engine.readEvents("doc-" + length).asStream().map(DomainEventMessage::getSequenceNumber))
                    .as("aggregate of %d events", length)
                    .containsExactlyElementsOf(range(0, length - 1));
            assertThat(engine.readEvents("doc-" + length, length / 2).asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactlyElementsOf(range(length / 2, length - 1));
        }
    }

    @Test
    void loadsFromTheLatestSnapshotAndTheEventsAfterIt() {
        engine.appendEvents(history("doc-1", 0, 29));
        engine.appendEvents(history("doc-2", 0, 29));
        engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "doc-1", 19, new DocumentState("doc-1", 19)));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<? extends DomainEventMessage<?>> withSnapshot = eventStore.readEvents("doc-1").asStream().toList();
            List<? extends DomainEventMessage<?>> withoutSnapshot = eventStore.readEvents("doc-2").asStream().toList();

            assertThat(withSnapshot).hasSize(11);
            assertThat(withSnapshot.get(0).getPayload()).isEqualTo(new DocumentState("doc-1", 19));
            assertThat(withSnapshot.get(0).getSequenceNumber()).isEqualTo(19);
            assertThat(withSnapshot.subList(1, 11)).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactlyElementsOf(range(20, 29));
            assertThat(withoutSnapshot).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactlyElementsOf(range(0, 29));
            assertThat(engine.lastSequenceNumberFor("doc-1")).contains(29L);
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void anAggregateFoundWithoutSnapshotIsTakenToHaveNoneForAWhileUnlessThisEngineStoresOne() {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"));
        GapAwareMongoEventStorageEngine first = TestEngines.ready(TestEngines.builder(database).clock(clock));
        GapAwareMongoEventStorageEngine other = TestEngines.on(database);
        assertThat(first.readSnapshot("doc-1")).isEmpty();

        // Another process stores one: this engine does not ask again until the absence is old.
        other.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "doc-1", 5, new DocumentState("doc-1", 5)));
        assertThat(first.readSnapshot("doc-1")).isEmpty();
        clock.advance(SnapshotStore.ABSENCE_TRUSTED);
        assertThat(first.readSnapshot("doc-1")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(5L);

        // A snapshot this engine stores is seen at once.
        assertThat(first.readSnapshot("doc-2")).isEmpty();
        first.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "doc-2", 7, new DocumentState("doc-2", 7)));
        assertThat(first.readSnapshot("doc-2")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(7L);
    }

    @Test
    void keepsTheLatestSnapshotOnly() {
        for (long sequence : new long[] {5, 10, 7}) {
            engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "doc-1", sequence,
                                                                 new DocumentState("doc-1", (int) sequence)));
        }

        assertThat(engine.readSnapshot("doc-1")).get()
                .extracting(DomainEventMessage::getSequenceNumber).isEqualTo(10L);
        assertThat(engine.readSnapshot("doc-1").get().getPayload()).isEqualTo(new DocumentState("doc-1", 10));
        assertThat(engine.readSnapshot("doc-2")).isEmpty();
        assertThat(database.getCollection("event_snapshots").countDocuments()).isEqualTo(1);
    }

    @Test
    void ofTwoWritersAppendingTheSameSequenceNumberOneWinsAndTheOtherGetsAConcurrencyException() throws Exception {
        engine.appendEvents(List.of(issued("doc-1")));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (long sequence = 1; sequence <= 20; sequence++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    DomainEventMessage<?> event = revised("doc-1", sequence);
                    outcomes.add(writers.submit(() -> {
                        together.await();
                        try {
                            engine.appendEvents(List.of(event));
                            return true;
                        } catch (ConcurrencyException lost) {
                            return false;
                        }
                    }));
                }
                assertThat(List.of(outcomes.get(0).get(10, TimeUnit.SECONDS), outcomes.get(1).get(10, TimeUnit.SECONDS)))
                        .as("round %d", sequence)
                        .containsExactlyInAnyOrder(true, false);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(engine.readEvents("doc-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(range(0, 20));
    }

    @Test
    void reusingAnAggregateIdentifierIsAFailedStreamCreation() {
        engine.appendEvents(List.of(issued("doc-1")));

        assertThatThrownBy(() -> engine.appendEvents(List.of(issued("doc-1"))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void aDuplicateEventIdentifierIsAConflict() {
        DomainEventMessage<?> first = revised("doc-1", 1);
        engine.appendEvents(List.of(first));
        DomainEventMessage<?> sameIdentifier = new GenericDomainEventMessage<>(
                AGGREGATE_TYPE, "doc-2", 1, new DocumentRevised("doc-2", 1, "copy"), MetaData.emptyInstance(),
                first.getIdentifier(), Instant.now());

        assertThatThrownBy(() -> engine.appendEvents(List.of(sameIdentifier)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("doc-2").hasNext()).isFalse();
    }

    @Test
    void storesAllEventsOfACommitOrNone() {
        engine.appendEvents(history("doc-1", 0, 1));
        List<EventMessage<?>> conflicting = List.of(issued("doc-2"), revised("doc-2", 1), revised("doc-1", 1));

        assertThatThrownBy(() -> engine.appendEvents(conflicting)).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("doc-2").hasNext()).isFalse();
        assertThat(TestEngines.readAll(engine, null)).hasSize(2);
        // The indexes it took are a tombstone, so readers do not wait for them.
        BsonDocument tombstone = commits().find(Filters.eq("_id", 3L)).first();
        assertThat(tombstone.getInt64("lastIndex").getValue()).isEqualTo(5L);
        assertThat(tombstone.containsKey("aborted")).isTrue();
        engine.appendEvents(List.of(revised("doc-1", 2)));
        List<TrackedEventMessage<?>> all = TestEngines.readAll(engine, null);
        assertThat(all).hasSize(3);
        assertThat((GapAwareTrackingToken) all.get(2).trackingToken())
                .isEqualTo(GapAwareTrackingToken.newInstance(6, List.of()));
    }

    @Test
    void aCommitLargerThanADocumentCanHoldFailsWithNothingStored() {
        String seventeenMegabytes = "x".repeat(17 * 1024 * 1024);
        List<EventMessage<?>> tooLarge = List.of(issued("doc-1"), new GenericDomainEventMessage<>(
                AGGREGATE_TYPE, "doc-1", 1, new DocumentRevised("doc-1", 1, seventeenMegabytes)));

        assertThatThrownBy(() -> engine.appendEvents(tooLarge))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("not stored");

        assertThat(engine.readEvents("doc-1").hasNext()).isFalse();
        assertThat(commits().find(Filters.eq("_id", 1L)).first().containsKey("aborted")).isTrue();
        engine.appendEvents(List.of(issued("doc-1")));
        assertThat(TestEngines.readAll(engine, null)).hasSize(1);
    }

    @Test
    void tracksEveryEventInGlobalIndexOrderInBatchesWithOneTokenPerCommit() {
        engine = TestEngines.ready(TestEngines.builder(database).batchSize(10));
        List<String> appended = new ArrayList<>();
        int aggregate = 0;
        for (int commitSize : new int[] {1, 1, 4, 25, 1, 10, 3, 1, 11, 2}) {
            List<DomainEventMessage<?>> commit = history("doc-" + aggregate++, 0, commitSize - 1);
            commit.forEach(event -> appended.add(event.getIdentifier()));
            engine.appendEvents(commit);
        }
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage("not from an aggregate")));

        List<TrackedEventMessage<?>> tracked = TestEngines.readAll(engine, null);

        assertThat(tracked.subList(0, appended.size())).extracting(EventMessage::getIdentifier)
                .containsExactlyElementsOf(appended);
        assertThat(tracked.get(appended.size()).getPayload()).isEqualTo("not from an aggregate");
        assertThat(tracked.get(appended.size())).isNotInstanceOf(DomainEventMessage.class);
        // The 25-event commit takes indexes 7..31 and its events share the token that passes all of them.
        assertThat(tracked.subList(6, 31)).extracting(TrackedEventMessage::trackingToken)
                .containsOnly(GapAwareTrackingToken.newInstance(31, List.of()));
        assertThat(tracked.get(tracked.size() - 1).trackingToken())
                .isEqualTo(GapAwareTrackingToken.newInstance(appended.size() + 1, List.of()));
        // Each event also carries its own global index, which the shared token cannot tell.
        assertThat(tracked).extracting(EventPosition::globalIndexOf)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appended.size() + 1).boxed().toList());
        assertThat(tracked.get(0).getMetaData()).containsEntry("user", "secretary");
        assertThat(engine.readEvents("doc-0").next().getMetaData()).doesNotContainKey(EventPosition.GLOBAL_INDEX);

        TrackingToken afterTheBigCommit = tracked.get(30).trackingToken();
        assertThat(TestEngines.readAll(engine, afterTheBigCommit)).extracting(EventMessage::getIdentifier)
                .containsExactlyElementsOf(tracked.subList(31, tracked.size()).stream().map(EventMessage::getIdentifier).toList());
    }

    @Test
    void leavesPayloadFieldsNoProcessorReadsOutOfTrackedEventsOnly() {
        engine = TestEngines.ready(TestEngines.builder(database).payloadFieldsNotTracked(java.util.Set.of("title")));
        DomainEventMessage<DocumentIssued> issued = issued("doc-1");
        engine.appendEvents(List.of(issued, revised("doc-1", 1)));

        List<TrackedEventMessage<?>> tracked = TestEngines.readAll(engine, null);

        DocumentIssued trackedPayload = (DocumentIssued) tracked.get(0).getPayload();
        assertThat(trackedPayload.title()).as("left out of the tracked event").isNull();
        assertThat(trackedPayload).isEqualTo(new DocumentIssued("doc-1", null, issued.getPayload().effectiveFrom(),
                                                                issued.getPayload().fee()));
        assertThat(tracked.get(0).getMetaData()).containsEntry("user", "secretary");
        assertThat(tracked.get(1).getPayload()).as("an event type without the field").isEqualTo(revised("doc-1", 1).getPayload());
        assertThat(engine.readEvents("doc-1").next().getPayload()).as("loading the aggregate").isEqualTo(issued.getPayload());
        assertThat(engine.event("doc-1", 0).orElseThrow().getPayload()).as("one event by lookup").isEqualTo(issued.getPayload());
        BsonDocument stored = commits().find().first();
        assertThat(stored.getArray("events").get(0).asDocument().getDocument("payload").getString("title").getValue())
                .as("the store keeps it").isEqualTo(issued.getPayload().title());
    }

    @Test
    void leavesPayloadFieldsNoAggregateReadsOutOfLoadingOnly() {
        engine = TestEngines.ready(TestEngines.builder(database).payloadFieldsNotLoaded(java.util.Set.of("title")));
        DomainEventMessage<DocumentIssued> issued = issued("doc-1");
        engine.appendEvents(List.of(issued, revised("doc-1", 1)));

        DomainEventMessage<?> loaded = engine.readEvents("doc-1").next();

        assertThat(((DocumentIssued) loaded.getPayload()).title()).as("left out when loading").isNull();
        assertThat(engine.lastSequenceNumberFor("doc-1")).contains(1L);
        assertThat(engine.event("doc-1", 0).orElseThrow().getPayload()).as("one event by lookup").isEqualTo(issued.getPayload());
        assertThat(TestEngines.readAll(engine, null).get(0).getPayload()).as("tracking").isEqualTo(issued.getPayload());
    }

    @Test
    void refusesAFieldLeftOutThatIsNotAPlainTopLevelName() {
        for (String name : List.of("approval.approvedBy", "$where", "")) {
            assertThatThrownBy(() -> TestEngines.builder(database).payloadFieldsNotTracked(java.util.Set.of(name)))
                    .as(name).isInstanceOf(AxonConfigurationException.class);
            assertThatThrownBy(() -> TestEngines.builder(database).payloadFieldsNotLoaded(java.util.Set.of(name)))
                    .as(name).isInstanceOf(AxonConfigurationException.class);
        }
    }

    @Test
    void createsHeadTailAndPointInTimeTokens() throws InterruptedException {
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();
        engine.appendEvents(history("doc-1", 0, 2));
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        engine.appendEvents(history("doc-2", 0, 1));

        assertThat(TestEngines.readAll(engine, engine.createTokenAt(between)))
                .hasSize(2)
                .allSatisfy(event -> assertThat(((DomainEventMessage<?>) event).getAggregateIdentifier()).isEqualTo("doc-2"));
        assertThat(TestEngines.readAll(engine, engine.createTailToken())).hasSize(5);
        TrackingToken head = engine.createHeadToken();
        assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(5, List.of()));
        assertThat(TestEngines.readAll(engine, head)).isEmpty();
        engine.appendEvents(List.of(revised("doc-2", 2)));
        assertThat(TestEngines.readAll(engine, head)).hasSize(1);
        assertThat(engine.createTokenAt(Instant.now().plusSeconds(60))).isEqualTo(engine.createHeadToken());
    }

    @Test
    void appliesUpcastersOnEveryRead() {
        engine = TestEngines.ready(TestEngines.builder(database).upcasterChain(new NoteBecomesSummary()));
        engine.appendEvents(history("doc-1", 0, 1));

        DomainEventMessage<?> loaded = engine.readEvents("doc-1").asStream().toList().get(1);
        TrackedEventMessage<?> tracked = TestEngines.readAll(engine, null).get(1);

        DocumentRevisedWithSummary expected = new DocumentRevisedWithSummary("doc-1", 1, "revision 1");
        assertThat(loaded.getPayload()).isEqualTo(expected);
        assertThat(tracked.getPayload()).isEqualTo(expected);
        assertThat(TestEngines.readAll(engine, null).get(0).getPayload()).isInstanceOf(DocumentIssued.class);
    }

    /** Revision 1 of DocumentRevised called its text "note"; revision 2 calls it "summary". */
    static final class NoteBecomesSummary extends SingleEventUpcaster {

        private static final SimpleSerializedType REVISION_1 =
                new SimpleSerializedType(DocumentRevised.class.getName(), "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(REVISION_1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType(DocumentRevisedWithSummary.class.getName(), "2"),
                    JsonNode.class,
                    json -> {
                        ObjectNode upcast = ((ObjectNode) json).deepCopy();
                        upcast.set("summary", upcast.remove("note"));
                        return upcast;
                    });
        }
    }

    @Test
    void refusesABuilderWithoutSerializers() {
        assertThatThrownBy(() -> GapAwareMongoEventStorageEngine.builder().database(database).build())
                .isInstanceOf(AxonConfigurationException.class);
    }

    static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long value = from; value <= to; value++) {
            values.add(value);
        }
        return values;
    }
}
