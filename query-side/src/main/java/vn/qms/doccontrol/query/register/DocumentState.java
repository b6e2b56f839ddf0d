package vn.qms.doccontrol.query.register;

/**
 * A document as it stands at one moment.
 *
 * @param revision   the revision in force; for a SCHEDULED document the first revision, which is not
 *                   in force yet
 * @param status     the status at that moment
 * @param withdrawal the withdrawal when it is in force at that moment, else null
 */
public record DocumentState(TimelineRevision revision, DocumentStatus status, Withdrawal withdrawal) {

    public boolean inForce() {
        return status != DocumentStatus.SCHEDULED;
    }
}
