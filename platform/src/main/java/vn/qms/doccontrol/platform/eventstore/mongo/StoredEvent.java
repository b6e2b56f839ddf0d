package vn.qms.doccontrol.platform.eventstore.mongo;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;

/**
 * One stored event (or snapshot) as Axon reads it, before upcasting and deserialization. An event
 * published outside an aggregate has no aggregate identifier, so that Axon hands it to handlers as
 * the plain event it was.
 */
final class StoredEvent implements DomainEventData<Object> {

    private final String eventIdentifier;
    private final String aggregateIdentifier;
    private final long sequenceNumber;
    private final String aggregateType;
    private final Instant timestamp;
    private final SerializedType payloadType;
    private final StoredData payload;
    private final StoredData metaData;

    StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String aggregateType,
                Instant timestamp, SerializedType payloadType, StoredData payload, StoredData metaData) {
        this.eventIdentifier = eventIdentifier;
        this.aggregateIdentifier = aggregateIdentifier;
        this.sequenceNumber = sequenceNumber;
        this.aggregateType = aggregateType;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payload = payload;
        this.metaData = metaData;
    }

    /** The same event whose metadata also holds {@code key = value} (replacing an entry of that name). */
    StoredEvent withMetaDataEntry(String key, long value) {
        return new StoredEvent(eventIdentifier, aggregateIdentifier, sequenceNumber, aggregateType, timestamp,
                payloadType, payload, metaData.withEntry(key, value));
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<Object> getMetaData() {
        return metaData.asSerializedMetaData();
    }

    @Override
    public SerializedObject<Object> getPayload() {
        return payload.asSerializedObject(payloadType);
    }

    @Override
    public String getType() {
        return aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String toString() {
        return "StoredEvent{" + eventIdentifier + ", " + aggregateIdentifier + "#" + sequenceNumber + ", "
                + payloadType + "}";
    }
}
