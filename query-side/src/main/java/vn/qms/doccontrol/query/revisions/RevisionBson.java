package vn.qms.doccontrol.query.revisions;

import org.bson.Document;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.storage.StoredApproval;
import vn.qms.doccontrol.query.storage.StoredInstant;

/**
 * The shape of a {@code revisions} document: {@code _id} is {@code documentId + ":" + revision}; no
 * content, which is read from the event store at {@code sequenceNumber} ({@link RevisionRow}).
 */
final class RevisionBson {

    static final String ID = "_id";
    static final String TYPE = "type";
    static final String SEQUENCE_NUMBER = "sequenceNumber";

    private RevisionBson() {
    }

    static String id(String documentId, int revision) {
        return documentId + ":" + revision;
    }

    static Document toBson(RevisionRow row) {
        RevisionSummary revision = row.summary();
        return new Document(ID, row.id())
                .append("documentId", revision.documentId())
                .append("organizationId", revision.organizationId())
                .append(TYPE, revision.type() == null ? null : revision.type().name())
                .append("code", revision.code())
                .append("revision", revision.revision())
                .append(SEQUENCE_NUMBER, row.sequenceNumber())
                .append("title", revision.title())
                .append("contentSha256", revision.contentSha256())
                .append("effectiveFrom", StoredInstant.format(revision.effectiveFrom()))
                .append("changeSummary", revision.changeSummary())
                .append("changeReason", revision.changeReason())
                .append("approval", StoredApproval.toBson(revision.approval()))
                .append("recordedBy", revision.recordedBy())
                .append("recordedAt", StoredInstant.format(revision.recordedAt()));
    }

    static RevisionRow fromBson(Document bson) {
        String type = bson.getString(TYPE);
        return new RevisionRow(new RevisionSummary(
                bson.getString("documentId"),
                bson.getString("organizationId"),
                type == null ? null : DocumentType.valueOf(type),
                bson.getString("code"),
                bson.getInteger("revision"),
                bson.getString("title"),
                bson.getString("contentSha256"),
                StoredInstant.parse(bson.getString("effectiveFrom")),
                bson.getString("changeSummary"),
                bson.getString("changeReason"),
                StoredApproval.fromBson(bson.get("approval", Document.class)),
                bson.getString("recordedBy"),
                StoredInstant.parse(bson.getString("recordedAt"))),
                bson.get(SEQUENCE_NUMBER, Number.class).longValue());
    }
}
