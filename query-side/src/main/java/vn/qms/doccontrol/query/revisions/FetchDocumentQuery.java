package vn.qms.doccontrol.query.revisions;

import java.time.Instant;

/**
 * A document as in force at {@code asOf}, with the content of that revision.
 *
 * @param asOf the moment asked, or null for now (when a document not yet in force is answered as
 *             SCHEDULED with its first revision, rather than not at all)
 */
public record FetchDocumentQuery(String documentId, Instant asOf) {
}
