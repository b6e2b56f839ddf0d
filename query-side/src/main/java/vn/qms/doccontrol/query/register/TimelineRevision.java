package vn.qms.doccontrol.query.register;

import java.time.Instant;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.query.search.VietnameseFolding;

/**
 * One revision on a document's timeline, without its content (that lives in the revisions
 * collection). {@code titleKey} is the folded title, kept so that a search does not fold every title
 * of the register again.
 */
public record TimelineRevision(
        int revision,
        String title,
        String titleKey,
        Instant effectiveFrom,
        String contentSha256,
        Approval approval,
        String recordedBy,
        Instant recordedAt) {

    public static TimelineRevision of(int revision, String title, Instant effectiveFrom, String contentSha256,
                                      Approval approval, String recordedBy, Instant recordedAt) {
        return new TimelineRevision(revision, title, VietnameseFolding.fold(title), effectiveFrom, contentSha256,
                approval, recordedBy, recordedAt);
    }

    boolean inForceAt(Instant moment) {
        return !effectiveFrom.isAfter(moment);
    }
}
