package vn.qms.doccontrol.command.document;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qms.doccontrol.events.Approval;

/**
 * Record the next revision of a controlled document.
 *
 * @param expectedRevision the latest revision the author worked from; anything else is a stale edit
 * @param title            the new title, or null to keep the current one
 * @param effectiveFrom    already resolved: the moment the client asked for, or {@code requestedAt}
 */
public record ReviseDocumentCommand(
        @TargetAggregateIdentifier String documentId,
        int expectedRevision,
        String title,
        String content,
        String changeSummary,
        String changeReason,
        Instant effectiveFrom,
        Approval approval,
        String requestedBy,
        Instant requestedAt) {

    /** Content by its size only: see {@link DocumentText#forLogs}. */
    @Override
    public String toString() {
        return "ReviseDocumentCommand[documentId=" + documentId + ", expectedRevision=" + expectedRevision + ", title=" + title
                + ", content=" + DocumentText.forLogs(content) + ", effectiveFrom=" + effectiveFrom + ", approval=" + approval
                + ", requestedBy=" + requestedBy + ", requestedAt=" + requestedAt + "]";
    }
}
