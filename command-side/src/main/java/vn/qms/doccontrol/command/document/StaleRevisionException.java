package vn.qms.doccontrol.command.document;

/**
 * The author revised a revision that is no longer the latest: someone else recorded one in between,
 * and silently overwriting it would lose their change.
 */
public class StaleRevisionException extends RuntimeException {

    private final String documentId;
    private final int expectedRevision;
    private final int latestRevision;

    public StaleRevisionException(String documentId, int expectedRevision, int latestRevision) {
        super("Document " + documentId + " is at revision " + latestRevision
                + ", not " + expectedRevision + "; reload it and revise the latest revision");
        this.documentId = documentId;
        this.expectedRevision = expectedRevision;
        this.latestRevision = latestRevision;
    }

    public String documentId() {
        return documentId;
    }

    public int expectedRevision() {
        return expectedRevision;
    }

    public int latestRevision() {
        return latestRevision;
    }
}
