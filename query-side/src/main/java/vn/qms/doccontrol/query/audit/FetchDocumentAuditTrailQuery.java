package vn.qms.doccontrol.query.audit;

/** The audit trail of one document; empty for a document the trail has never seen. */
public record FetchDocumentAuditTrailQuery(String documentId) {
}
