package vn.qms.doccontrol.query.revisions;

/** One revision of a document with its content; empty for an unknown document or revision. */
public record FetchRevisionQuery(String documentId, int revision) {
}
