package vn.qms.doccontrol.query.revisions;

/** Every revision of a document, without content; answered with an empty result for an unknown id. */
public record FetchRevisionsQuery(String documentId) {
}
