package vn.qms.doccontrol.query.revisions;

import java.util.List;

/** Every revision of one document, in revision order. */
public record RevisionHistory(String documentId, List<RevisionSummary> revisions) {

    public RevisionHistory {
        revisions = List.copyOf(revisions);
    }
}
