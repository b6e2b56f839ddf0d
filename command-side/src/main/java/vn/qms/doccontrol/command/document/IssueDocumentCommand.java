package vn.qms.doccontrol.command.document;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentType;

/**
 * Issue revision 1 of a new controlled document.
 *
 * @param effectiveFrom already resolved: the moment the client asked for, or {@code requestedAt}
 * @param approval      the paper approval, or null when it is not recorded
 * @param requestedBy   the authenticated user, never a value taken from the request body
 */
public record IssueDocumentCommand(
        @TargetAggregateIdentifier String documentId,
        String organizationId,
        DocumentType type,
        String code,
        String title,
        String content,
        Instant effectiveFrom,
        Approval approval,
        String requestedBy,
        Instant requestedAt) {

    /** Content by its size only: see {@link DocumentText#forLogs}. */
    @Override
    public String toString() {
        return "IssueDocumentCommand[documentId=" + documentId + ", organizationId=" + organizationId + ", type=" + type
                + ", code=" + code + ", title=" + title + ", content=" + DocumentText.forLogs(content)
                + ", effectiveFrom=" + effectiveFrom + ", approval=" + approval + ", requestedBy=" + requestedBy
                + ", requestedAt=" + requestedAt + "]";
    }
}
