package vn.qms.doccontrol.query.audit;

import java.util.List;

/** One page of the audit trail, in commit order, and how many entries match in all. */
public record AuditTrailPage(List<AuditEntry> items, long total) {

    public AuditTrailPage {
        items = List.copyOf(items);
    }
}
