package vn.qms.doccontrol.query.storage;

import org.bson.Document;
import vn.qms.doccontrol.events.Approval;

/** The paper approval of a revision as an embedded document of the read models. */
public final class StoredApproval {

    private StoredApproval() {
    }

    public static Document toBson(Approval approval) {
        if (approval == null) {
            return null;
        }
        return new Document("approvedBy", approval.approvedBy())
                .append("position", approval.position())
                .append("approvedAt", StoredInstant.format(approval.approvedAt()))
                .append("decisionNumber", approval.decisionNumber());
    }

    public static Approval fromBson(Document bson) {
        if (bson == null) {
            return null;
        }
        return new Approval(bson.getString("approvedBy"), bson.getString("position"),
                StoredInstant.parse(bson.getString("approvedAt")), bson.getString("decisionNumber"));
    }
}
