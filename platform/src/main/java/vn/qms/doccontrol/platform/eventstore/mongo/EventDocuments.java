package vn.qms.doccontrol.platform.eventstore.mongo;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The shape of one event (and of one snapshot) in MongoDB: the fields of Axon's own event tables,
 * named as Axon names them, with payload and metadata as readable JSON.
 *
 * <p>Timestamps are Axon's fixed-width ISO-8601 text (millisecond precision, as in Axon's JDBC and
 * JPA engines): exact to read back, readable, and ordered when compared as text.
 */
final class EventDocuments {

    static final String GLOBAL_INDEX = "globalIndex";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private EventDocuments() {
    }

    /** The key that makes (aggregate, sequence number) unique; the sequence number has no '/', so no two pairs share one. */
    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    static BsonDocument write(EventMessage<?> event, Serializer serializer) {
        BsonDocument document = new BsonDocument(EVENT_IDENTIFIER, new BsonString(event.getIdentifier()));
        if (event instanceof DomainEventMessage<?> domainEvent) {
            document.append(AGGREGATE_IDENTIFIER, new BsonString(domainEvent.getAggregateIdentifier()));
            document.append(SEQUENCE_NUMBER, new BsonInt64(domainEvent.getSequenceNumber()));
            if (domainEvent.getType() != null) {
                document.append(AGGREGATE_TYPE, new BsonString(domainEvent.getType()));
            }
        }
        document.append(TIMESTAMP, new BsonString(DateTimeUtils.formatInstant(event.getTimestamp())));
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        document.append(PAYLOAD_TYPE, new BsonString(payload.getType().getName()));
        if (payload.getType().getRevision() != null) {
            document.append(PAYLOAD_REVISION, new BsonString(payload.getType().getRevision()));
        }
        StoredData.write(document, PAYLOAD, payload.getData());
        StoredData.write(document, META_DATA, event.serializeMetaData(serializer, String.class).getData());
        return document;
    }

    /** Whether a stored event is of that aggregate, at or after that sequence number. */
    static boolean belongsTo(BsonDocument document, String aggregateIdentifier, long firstSequenceNumber) {
        BsonValue aggregate = document.get(AGGREGATE_IDENTIFIER);
        return aggregate != null && aggregate.asString().getValue().equals(aggregateIdentifier)
                && document.get(SEQUENCE_NUMBER).asNumber().longValue() >= firstSequenceNumber;
    }

    static StoredEvent read(BsonDocument document) {
        boolean domainEvent = document.containsKey(AGGREGATE_IDENTIFIER);
        return new StoredEvent(
                document.getString(EVENT_IDENTIFIER).getValue(),
                domainEvent ? document.getString(AGGREGATE_IDENTIFIER).getValue() : null,
                domainEvent ? document.get(SEQUENCE_NUMBER).asNumber().longValue() : 0L,
                stringOrNull(document, AGGREGATE_TYPE),
                DateTimeUtils.parseInstant(document.getString(TIMESTAMP).getValue()),
                new SimpleSerializedType(document.getString(PAYLOAD_TYPE).getValue(),
                                         stringOrNull(document, PAYLOAD_REVISION)),
                StoredData.read(document, PAYLOAD),
                StoredData.read(document, META_DATA));
    }

    /**
     * Like {@link #read}, for a tracking reader: the metadata handed out also carries the event's own
     * global index ({@link vn.qms.doccontrol.platform.eventstore.EventPosition#GLOBAL_INDEX}), which
     * the token cannot tell for every event (see {@code EventPosition}). Nothing is written.
     */
    static StoredEvent readTracked(BsonDocument document) {
        StoredEvent event = read(document);
        BsonValue globalIndex = document.get(GLOBAL_INDEX);
        if (globalIndex == null || !globalIndex.isNumber()) {
            return event;
        }
        return event.withMetaDataEntry(vn.qms.doccontrol.platform.eventstore.EventPosition.GLOBAL_INDEX,
                globalIndex.asNumber().longValue());
    }

    private static String stringOrNull(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }
}
