package vn.qms.doccontrol.platform.eventstore.mongo;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.BsonDocument;
import vn.qms.doccontrol.platform.eventstore.EventLookup;

/**
 * Axon's event storage on MongoDB (through the plain driver), with a dense global index from a
 * sequence in MongoDB and gap-aware tracking, on a real MongoDB and on the embedded
 * mongo-java-server alike. See decision record 0011 for the reasoning; in short:
 *
 * <ul>
 *   <li><b>Commits.</b> The events of one append are one document, {@code _id} = its first global
 *       index, so they are stored together or not at all without transactions.</li>
 *   <li><b>Uniqueness.</b> Unique multikey indexes on {@code aggregateKeys}
 *       ({@code "aggregateId/sequenceNumber"}) and {@code eventIds}: the losing writer of a race gets
 *       Axon's {@code ConcurrencyException} ({@code AggregateStreamCreationException} for a first
 *       event).</li>
 *   <li><b>Hot reads are lookups.</b> Loading an aggregate is {@code $in} over its next expected
 *       keys, in windows that double; tracking is {@code $in} over the next global indexes and the token's
 *       gaps; the snapshot and the sequence are {@code _id} lookups. The embedded server answers all
 *       of these from its unique indexes, so none scans: each costs a walk down an index, which
 *       grows with the logarithm of the store's size.</li>
 *   <li><b>Gaps.</b> Tokens are Axon's {@link GapAwareTrackingToken}; a gap stays open until its
 *       commit appears or the {@linkplain Builder#gapTimeout gap timeout} passes, and a writer
 *       refuses to commit after half of it (see {@link TrackedEventReader}).</li>
 *   <li><b>Lean tracking.</b> Payload fields that no tracking processor reads can be
 *       {@linkplain Builder#payloadFieldsNotTracked left out of tracked events}, so that a processor
 *       does not haul every document's content through the wire and the JSON reader.</li>
 * </ul>
 *
 * <p>Call {@link #ensureSchema()} once before use. Every engine on one database must use the same gap
 * timeout, and the machines' clocks should agree within a few seconds.
 */
public class GapAwareMongoEventStorageEngine extends BatchingEventStorageEngine implements EventLookup {

    /** Far longer than any stall we expect (GC, failover, a paused VM), far shorter than forever. */
    public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(60);

    private static final int NAMESPACE_EXISTS = 48;

    private final MongoDatabase database;
    private final EventStoreCollections names;
    private final MongoCollection<BsonDocument> commits;
    private final GlobalIndexAllocator allocator;
    private final CommitWriter writer;
    private final TrackedEventReader trackedEventReader;
    private final AggregateEventReader aggregateEventReader;
    private final SnapshotStore snapshots;

    protected GapAwareMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.database = builder.database;
        this.names = builder.collections;
        this.commits = database.getCollection(names.commits(), BsonDocument.class);
        this.allocator = new GlobalIndexAllocator(database.getCollection(names.sequence(), BsonDocument.class),
                                                  builder.unjournaledIndexCounter);
        this.writer = new CommitWriter(commits, allocator, builder.clock, builder.gapTimeout.dividedBy(2),
                                       builder.indexTakenHook);
        this.trackedEventReader = new TrackedEventReader(commits, allocator, builder.clock, builder.gapTimeout,
                                                         builder.payloadFieldsNotTracked);
        this.aggregateEventReader = new AggregateEventReader(commits, builder.payloadFieldsNotLoaded);
        this.snapshots = new SnapshotStore(database.getCollection(names.snapshots(), BsonDocument.class), builder.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the collections, the unique indexes and the sequence document if they are missing. Safe
     * to call from every instance at every start. The embedded server does not create a collection
     * atomically (two first writes at once can each create one), hence all three are created here,
     * before any write; start instances that share an embedded server one after another.
     */
    public void ensureSchema() {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (String name : List.of(names.commits(), names.snapshots(), names.sequence())) {
            if (!existing.contains(name)) {
                createCollection(name);
            }
        }
        createUniqueIndexWhenPresent(CommitDocument.AGGREGATE_KEYS);
        createUniqueIndexWhenPresent(CommitDocument.EVENT_IDS);
        allocator.ensureExists(commits);
    }

    private void createCollection(String name) {
        try {
            database.createCollection(name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != NAMESPACE_EXISTS) {
                throw e;
            }
            // Another instance created it in the meantime.
        }
    }

    /** Sparse: tombstones have neither field, and a unique index would hold one document without it at most. */
    private void createUniqueIndexWhenPresent(String field) {
        commits.createIndex(Indexes.ascending(field),
                            new IndexOptions().unique(true).sparse(true).name(field + "_unique"));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        PreparedCommit commit = PreparedCommit.of(events, serializer);
        try {
            writer.write(commit);
        } catch (CommitWriter.ConflictingCommit conflict) {
            handlePersistenceException(conflict.duplicateKey(), conflictingEvent(events));
        }
    }

    /**
     * The event whose aggregate sequence number or identifier is already stored: Axon words the
     * exception after it, and makes it an {@code AggregateStreamCreationException} when it is an
     * aggregate's first event. Two lookups, and only after a conflict.
     */
    private EventMessage<?> conflictingEvent(List<? extends EventMessage<?>> events) {
        Set<String> takenKeys = storedValues(CommitDocument.AGGREGATE_KEYS, events.stream()
                .filter(DomainEventMessage.class::isInstance)
                .map(event -> (DomainEventMessage<?>) event)
                .map(event -> EventDocuments.aggregateKey(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .toList());
        Set<String> takenIds = storedValues(CommitDocument.EVENT_IDS,
                                            events.stream().map(EventMessage::getIdentifier).toList());
        for (EventMessage<?> event : events) {
            if (takenIds.contains(event.getIdentifier())) {
                return event;
            }
            if (event instanceof DomainEventMessage<?> domainEvent && takenKeys.contains(
                    EventDocuments.aggregateKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()))) {
                return event;
            }
        }
        return events.get(0);
    }

    private Set<String> storedValues(String arrayField, List<String> candidates) {
        Set<String> stored = new HashSet<>();
        if (candidates.isEmpty()) {
            return stored;
        }
        for (BsonDocument document : commits.find(Filters.in(arrayField, candidates))
                .projection(Projections.include(arrayField))) {
            document.getArray(arrayField).forEach(value -> stored.add(value.asString().getValue()));
        }
        stored.retainAll(candidates);
        return stored;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.latest(aggregateIdentifier).stream();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token format: " + lastToken);
        }
        return trackedEventReader.read((GapAwareTrackingToken) lastToken, batchSize);
    }

    /**
     * Reads exactly one key (a window of one, where loading an aggregate starts with 32), and
     * the whole payload, also the fields that loading an aggregate leaves out.
     */
    @Override
    public Optional<DomainEventMessage<?>> event(String aggregateIdentifier, long sequenceNumber) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(
                aggregateEventReader.whole(aggregateIdentifier, sequenceNumber).stream(), getEventSerializer(), upcasterChain);
        return stream.hasNext() ? Optional.of(stream.next()) : Optional.empty();
    }

    /** See {@link AggregateEventReader}: lookups in the unique {@code aggregateKeys} index. */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return aggregateEventReader.load(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Long> last = snapshots.latest(aggregateIdentifier).map(StoredEvent::getSequenceNumber);
        long next = last.map(sequence -> sequence + 1).orElse(0L);
        while (true) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateIdentifier, next, batchSize());
            if (batch.isEmpty()) {
                return last;
            }
            long highest = batch.get(batch.size() - 1).getSequenceNumber();
            last = Optional.of(highest);
            if (batch.size() < batchSize()) {
                return last;
            }
            next = highest + 1;
        }
    }

    /** Before every event: readers start at global index 1 (the first the sequence hands out). */
    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * At the highest index handed out. Like the head token of Axon's JDBC engine, it passes a commit
     * that took its index but is not visible yet.
     */
    @Override
    public TrackingToken createHeadToken() {
        long highest = allocator.highestTaken();
        return highest == 0 ? null : GapAwareTrackingToken.newInstance(highest, Set.of());
    }

    /** Just before the first commit with an event at or after {@code dateTime}; rare, so a plain query. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        BsonDocument first = commits.find(Filters.gte(CommitDocument.TIMESTAMP, DateTimeUtils.formatInstant(dateTime)))
                .projection(Projections.include(CommitDocument.ID))
                .sort(Sorts.ascending(CommitDocument.ID))
                .limit(1)
                .first();
        if (first == null) {
            return createHeadToken();
        }
        long before = CommitDocument.of(first).firstIndex() - 1;
        return before == 0 ? null : GapAwareTrackingToken.newInstance(before, Set.of());
    }

    /**
     * Builds the engine. The database and both serializers are required: the engine stores the JSON
     * a Jackson serializer writes (text from another serializer is kept as text). Defaults: batch size
     * 100, gap timeout {@link #DEFAULT_GAP_TIMEOUT}, {@link EventStoreCollections#defaults()}, the
     * system UTC clock, {@link MongoDuplicateKeys} as persistence exception resolver, no hook.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private EventStoreCollections collections = EventStoreCollections.defaults();
        private Duration gapTimeout = DEFAULT_GAP_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private IndexTakenHook indexTakenHook = IndexTakenHook.NONE;
        private Set<String> payloadFieldsNotTracked = Set.of();
        private boolean unjournaledIndexCounter;
        private Set<String> payloadFieldsNotLoaded = Set.of();
        private boolean eventSerializerSet;
        private boolean snapshotSerializerSet;

        protected Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeys());
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        public Builder collections(EventStoreCollections collections) {
            assertNonNull(collections, "The collection names may not be null");
            this.collections = collections;
            return this;
        }

        /**
         * How long an index that was taken but is not visible stays a gap that tracking readers wait
         * for. Writers refuse to make a commit visible after half of it. Default 60 s.
         */
        public Builder gapTimeout(Duration gapTimeout) {
            assertThat(gapTimeout, timeout -> timeout != null && timeout.compareTo(Duration.ofMillis(2)) >= 0,
                       "The gap timeout must be at least 2 ms");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** The clock that dates taken indexes and ages gaps; tests replace it. */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The clock may not be null");
            this.clock = clock;
            return this;
        }

        /**
         * Top-level payload fields that tracked events leave out, on every event type that has them:
         * the store keeps them whole, and loading an aggregate, its snapshot and {@link GapAwareMongoEventStorageEngine#event} still
         * read them; a tracking processor gets the payload as if the field were absent (a record
         * component comes out null). For large fields that no event handler reads. Applies only to
         * payloads stored as BSON, which is every payload a Jackson serializer writes but for the
         * rare JSON that BSON cannot hold exactly (see {@link JsonBson}). Default: none.
         */
        public Builder payloadFieldsNotTracked(Set<String> fieldNames) {
            this.payloadFieldsNotTracked = topLevelFieldNames(fieldNames);
            return this;
        }

        /**
         * Top-level payload fields that loading an aggregate's events ({@code readEvents}, and so the
         * event-sourcing repository and the snapshotter) leaves out, on every event type that has them,
         * as {@link #payloadFieldsNotTracked} does for tracking. For large fields that no
         * event-sourcing handler reads. {@link GapAwareMongoEventStorageEngine#event} still reads them.
         * Default: none.
         */
        public Builder payloadFieldsNotLoaded(Set<String> fieldNames) {
            this.payloadFieldsNotLoaded = topLevelFieldNames(fieldNames);
            return this;
        }

        private static Set<String> topLevelFieldNames(Set<String> fieldNames) {
            assertNonNull(fieldNames, "The field names may not be null");
            assertThat(fieldNames, names -> names.stream().allMatch(name -> name != null && !name.isEmpty()
                    && !name.contains(".") && !name.startsWith("$")), "A field name must be a plain, top-level name");
            return Set.copyOf(fieldNames);
        }

        /**
         * Whether the global-index counter may be incremented without waiting for the disk (write
         * concern {@code j: false}): only for the embedded server, whose process runs every writer of
         * the event store (see {@link GlobalIndexAllocator}). Default false.
         */
        public Builder unjournaledIndexCounter(boolean unjournaledIndexCounter) {
            this.unjournaledIndexCounter = unjournaledIndexCounter;
            return this;
        }

        /** Test hook: called between taking a commit's global indexes and inserting it. */
        public Builder indexTakenHook(IndexTakenHook indexTakenHook) {
            assertNonNull(indexTakenHook, "The hook may not be null");
            this.indexTakenHook = indexTakenHook;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            snapshotSerializerSet = true;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            eventSerializerSet = true;
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            // Before super.validate(), which would default a missing serializer to XStream.
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
            assertThat(eventSerializerSet && snapshotSerializerSet, Boolean::booleanValue,
                       "The event and snapshot serializers are hard requirements and should be provided");
            super.validate();
        }

        public GapAwareMongoEventStorageEngine build() {
            return new GapAwareMongoEventStorageEngine(this);
        }
    }
}
