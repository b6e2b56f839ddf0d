package vn.qms.doccontrol.command.document;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraw a controlled document from {@code effectiveFrom} on.
 *
 * @param supersededBy  the document of the same organization that replaces it, or null
 * @param effectiveFrom already resolved: the moment the client asked for, or {@code requestedAt}
 */
public record WithdrawDocumentCommand(
        @TargetAggregateIdentifier String documentId,
        String reason,
        String supersededBy,
        Instant effectiveFrom,
        String requestedBy,
        Instant requestedAt) {
}
