package vn.qms.doccontrol.query.audit;

import java.util.List;

/** Every audit entry of one document, in commit order. */
public record DocumentAuditTrail(String documentId, List<AuditEntry> entries) {

    public DocumentAuditTrail {
        entries = List.copyOf(entries);
    }
}
