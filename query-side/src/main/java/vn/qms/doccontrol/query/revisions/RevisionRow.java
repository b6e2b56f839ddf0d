package vn.qms.doccontrol.query.revisions;

/**
 * What {@code revisions} keeps of one revision: its metadata and where its event lies in the event
 * store (the document's sequence number). The content stays in the event store alone: copying every
 * revision's 2-50 KB a second time doubled the data file and most of a projection's work, and the
 * event store answers one event by an index lookup ({@link RevisionRepository#find}).
 */
record RevisionRow(RevisionSummary summary, long sequenceNumber) {

    String id() {
        return RevisionBson.id(summary.documentId(), summary.revision());
    }
}
