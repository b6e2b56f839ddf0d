package vn.qms.doccontrol.platform.eventstore.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import vn.qms.doccontrol.platform.eventstore.EventPosition;

/**
 * A tracking reader as Axon's processors run one: it reads from its token, again and again, and
 * records what it got, with the token it held before each commit, to check the delivery rules.
 */
final class RecordingTracker {

    record Delivery(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, long globalIndex,
                    GapAwareTrackingToken before, GapAwareTrackingToken after) {
    }

    private final EventStorageEngine engine;
    private final List<Delivery> deliveries = new ArrayList<>();
    private GapAwareTrackingToken token;

    RecordingTracker(EventStorageEngine engine) {
        this.engine = engine;
    }

    synchronized int poll() {
        int count = 0;
        GapAwareTrackingToken beforeCommit = token;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                GapAwareTrackingToken after = (GapAwareTrackingToken) event.trackingToken();
                if (!after.equals(token)) {
                    beforeCommit = token;
                }
                DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
                deliveries.add(new Delivery(event.getIdentifier(), domainEvent.getAggregateIdentifier(),
                                            domainEvent.getSequenceNumber(), EventPosition.globalIndexOf(event),
                                            beforeCommit, after));
                token = after;
                count++;
            }
        }
        return count;
    }

    synchronized GapAwareTrackingToken token() {
        return token;
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Polls until the token has passed {@code highestIndex} with no gap left open. */
    void catchUp(long highestIndex, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            poll();
            GapAwareTrackingToken current = token();
            if (current != null && current.getIndex() >= highestIndex && !current.hasGaps()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not caught up to " + highestIndex + " within " + within + ": " + current);
            }
            Thread.sleep(20);
        }
    }

    /**
     * The rules: each stored event exactly once; each aggregate's events in sequence order; each event
     * either beyond every index delivered before it or filling a gap its reader's token held open; each
     * handed out with its own global index, late or not.
     */
    void assertDeliveredExactlyOnceInOrder(Map<String, Long> globalIndexByEvent) {
        List<Delivery> delivered = deliveries();
        assertThat(delivered).extracting(Delivery::eventIdentifier)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(globalIndexByEvent.keySet());
        Map<String, Long> nextSequence = new HashMap<>();
        long highestDelivered = 0;
        long highestBeforeCommit = 0;
        GapAwareTrackingToken commitToken = null;
        for (Delivery delivery : delivered) {
            long expected = nextSequence.getOrDefault(delivery.aggregateIdentifier(), 0L);
            assertThat(delivery.sequenceNumber()).as("sequence of %s", delivery.aggregateIdentifier()).isEqualTo(expected);
            nextSequence.put(delivery.aggregateIdentifier(), expected + 1);

            if (!delivery.after().equals(commitToken)) {
                commitToken = delivery.after();
                highestBeforeCommit = highestDelivered;
            }
            long index = globalIndexByEvent.get(delivery.eventIdentifier());
            assertThat(delivery.globalIndex()).as("global index handed out with %s", delivery.eventIdentifier())
                    .isEqualTo(index);
            boolean beyond = index > highestBeforeCommit;
            boolean fillsAnOpenGap = delivery.before() != null && delivery.before().getGaps().contains(index);
            assertThat(beyond || fillsAnOpenGap)
                    .as("event at %d after %d delivered, token before %s", index, highestBeforeCommit, delivery.before())
                    .isTrue();
            highestDelivered = Math.max(highestDelivered, index);
        }
    }

    /** How many events came after a higher index, because their writer was slower: a count to report. */
    long lateDeliveries(Map<String, Long> globalIndexByEvent) {
        long late = 0;
        long highest = 0;
        for (Delivery delivery : deliveries()) {
            long index = globalIndexByEvent.get(delivery.eventIdentifier());
            if (index < highest) {
                late++;
            }
            highest = Math.max(highest, index);
        }
        return late;
    }

    /** Every stored event's global index, read from the commits; it also checks none is used twice. */
    static Map<String, Long> globalIndexes(MongoDatabase database) {
        Map<String, Long> byEvent = new HashMap<>();
        Set<Long> used = new HashSet<>();
        for (BsonDocument commit : database.getCollection(EventStoreCollections.defaults().commits(), BsonDocument.class).find()) {
            long first = commit.getInt64("_id").getValue();
            long last = commit.getInt64("lastIndex").getValue();
            for (long index = first; index <= last; index++) {
                assertThat(used.add(index)).as("global index %d in two commits", index).isTrue();
            }
            List<BsonValue> events = commit.getArray("events", new org.bson.BsonArray());
            assertThat(events.isEmpty() || events.size() == last - first + 1).isTrue();
            for (BsonValue event : events) {
                byEvent.put(event.asDocument().getString("eventIdentifier").getValue(),
                            event.asDocument().getInt64("globalIndex").getValue());
            }
        }
        return byEvent;
    }
}
