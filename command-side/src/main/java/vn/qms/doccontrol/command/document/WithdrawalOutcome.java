package vn.qms.doccontrol.command.document;

import java.time.Instant;

/**
 * What a recorded withdrawal tells its caller: enough to release the document's code and to say
 * whether the withdrawal is already in force.
 *
 * @param revision the latest revision, the one that was in force when the document was withdrawn
 */
public record WithdrawalOutcome(String documentId, String organizationId, String code, int revision,
                                Instant effectiveFrom) {
}
