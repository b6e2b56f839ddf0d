package vn.qms.doccontrol.query.audit;

import org.bson.Document;
import vn.qms.doccontrol.query.storage.StoredInstant;

/** The shape of an {@code audit_trail} document: {@code _id} is the event id, {@code seq} the commit order. */
final class AuditBson {

    static final String ID = "_id";
    static final String SEQ = "seq";
    static final String ORGANIZATION_ID = "organizationId";
    static final String DOCUMENT_ID = "documentId";
    static final String ACTOR = "actor";
    static final String OCCURRED_AT = "occurredAt";

    private AuditBson() {
    }

    static Document toBson(AuditEntry entry, long seq) {
        return new Document(ID, entry.eventId())
                .append(SEQ, seq)
                .append("eventType", entry.eventType())
                .append(DOCUMENT_ID, entry.documentId())
                .append(ORGANIZATION_ID, entry.organizationId())
                .append("code", entry.code())
                .append("revision", entry.revision())
                .append("title", entry.title())
                .append(ACTOR, entry.actor())
                .append(OCCURRED_AT, StoredInstant.format(entry.occurredAt()))
                .append("effectiveFrom", StoredInstant.format(entry.effectiveFrom()))
                .append("summary", entry.summary())
                .append("reason", entry.reason())
                .append("supersededBy", entry.supersededBy())
                .append("contentSha256", entry.contentSha256());
    }

    static AuditEntry fromBson(Document bson) {
        return new AuditEntry(
                bson.getString(ID),
                bson.getString("eventType"),
                bson.getString(DOCUMENT_ID),
                bson.getString(ORGANIZATION_ID),
                bson.getString("code"),
                bson.getInteger("revision"),
                bson.getString("title"),
                bson.getString(ACTOR),
                StoredInstant.parse(bson.getString(OCCURRED_AT)),
                StoredInstant.parse(bson.getString("effectiveFrom")),
                bson.getString("summary"),
                bson.getString("reason"),
                bson.getString("supersededBy"),
                bson.getString("contentSha256"));
    }

    static long seq(Document bson) {
        return bson.get(SEQ, Number.class).longValue();
    }
}
