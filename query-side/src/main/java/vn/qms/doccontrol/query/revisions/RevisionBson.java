package vn.qms.doccontrol.query.revisions;

import org.bson.Document;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.storage.StoredApproval;
import vn.qms.doccontrol.query.storage.StoredInstant;

/** The shape of a {@code revisions} document: {@code _id} is {@code documentId + ":" + revision}. */
final class RevisionBson {

    static final String ID = "_id";
    static final String TYPE = "type";
    static final String CONTENT = "content";

    private RevisionBson() {
    }

    static String id(String documentId, int revision) {
        return documentId + ":" + revision;
    }

    static Document toBson(Revision revision) {
        return new Document(ID, id(revision.documentId(), revision.revision()))
                .append("documentId", revision.documentId())
                .append("organizationId", revision.organizationId())
                .append(TYPE, revision.type() == null ? null : revision.type().name())
                .append("code", revision.code())
                .append("revision", revision.revision())
                .append("title", revision.title())
                .append(CONTENT, revision.content())
                .append("contentSha256", revision.contentSha256())
                .append("effectiveFrom", StoredInstant.format(revision.effectiveFrom()))
                .append("changeSummary", revision.changeSummary())
                .append("changeReason", revision.changeReason())
                .append("approval", StoredApproval.toBson(revision.approval()))
                .append("recordedBy", revision.recordedBy())
                .append("recordedAt", StoredInstant.format(revision.recordedAt()));
    }

    /** Reads a full row, or one read without its content (which then stays null). */
    static Revision fromBson(Document bson) {
        String type = bson.getString(TYPE);
        return new Revision(
                bson.getString("documentId"),
                bson.getString("organizationId"),
                type == null ? null : DocumentType.valueOf(type),
                bson.getString("code"),
                bson.getInteger("revision"),
                bson.getString("title"),
                bson.getString(CONTENT),
                bson.getString("contentSha256"),
                StoredInstant.parse(bson.getString("effectiveFrom")),
                bson.getString("changeSummary"),
                bson.getString("changeReason"),
                StoredApproval.fromBson(bson.get("approval", Document.class)),
                bson.getString("recordedBy"),
                StoredInstant.parse(bson.getString("recordedAt")));
    }
}
