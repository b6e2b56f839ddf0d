package vn.qms.doccontrol.query.register;

import java.util.List;
import org.bson.Document;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.storage.StoredApproval;
import vn.qms.doccontrol.query.storage.StoredInstant;

/** The shape of a {@code register} document; field names are what an operator sees in the shell. */
final class RegisterBson {

    static final String ID = "_id";
    static final String ORGANIZATION_ID = "organizationId";
    static final String TYPE = "type";
    static final String CODE_SORT_KEY = "codeSortKey";

    private RegisterBson() {
    }

    static Document toBson(DocumentTimeline timeline) {
        return new Document(ID, timeline.documentId())
                .append(ORGANIZATION_ID, timeline.organizationId())
                .append(TYPE, timeline.type().name())
                .append("code", timeline.code())
                .append("codeKey", timeline.codeKey())
                .append(CODE_SORT_KEY, timeline.codeSortKey())
                .append("latestRevision", timeline.latestRevision())
                .append("timeline", timeline.revisions().stream().map(RegisterBson::toBson).toList())
                .append("withdrawal", toBson(timeline.withdrawal()))
                .append("lastSequence", timeline.lastSequence());
    }

    static DocumentTimeline fromBson(Document bson) {
        List<TimelineRevision> revisions = bson.getList("timeline", Document.class).stream()
                .map(RegisterBson::revisionFromBson)
                .toList();
        return new DocumentTimeline(
                bson.getString(ID),
                bson.getString(ORGANIZATION_ID),
                DocumentType.valueOf(bson.getString(TYPE)),
                bson.getString("code"),
                bson.getString("codeKey"),
                bson.getString(CODE_SORT_KEY),
                revisions,
                withdrawalFromBson(bson.get("withdrawal", Document.class)),
                bson.get("lastSequence", Number.class).longValue());
    }

    private static Document toBson(TimelineRevision revision) {
        return new Document("revision", revision.revision())
                .append("title", revision.title())
                .append("titleKey", revision.titleKey())
                .append("effectiveFrom", StoredInstant.format(revision.effectiveFrom()))
                .append("contentSha256", revision.contentSha256())
                .append("approval", StoredApproval.toBson(revision.approval()))
                .append("recordedBy", revision.recordedBy())
                .append("recordedAt", StoredInstant.format(revision.recordedAt()));
    }

    private static TimelineRevision revisionFromBson(Document bson) {
        return new TimelineRevision(
                bson.getInteger("revision"),
                bson.getString("title"),
                bson.getString("titleKey"),
                StoredInstant.parse(bson.getString("effectiveFrom")),
                bson.getString("contentSha256"),
                StoredApproval.fromBson(bson.get("approval", Document.class)),
                bson.getString("recordedBy"),
                StoredInstant.parse(bson.getString("recordedAt")));
    }

    private static Document toBson(Withdrawal withdrawal) {
        if (withdrawal == null) {
            return null;
        }
        return new Document("reason", withdrawal.reason())
                .append("supersededBy", withdrawal.supersededBy())
                .append("effectiveFrom", StoredInstant.format(withdrawal.effectiveFrom()))
                .append("recordedBy", withdrawal.recordedBy())
                .append("recordedAt", StoredInstant.format(withdrawal.recordedAt()));
    }

    private static Withdrawal withdrawalFromBson(Document bson) {
        if (bson == null) {
            return null;
        }
        return new Withdrawal(bson.getString("reason"), bson.getString("supersededBy"),
                StoredInstant.parse(bson.getString("effectiveFrom")), bson.getString("recordedBy"),
                StoredInstant.parse(bson.getString("recordedAt")));
    }
}
