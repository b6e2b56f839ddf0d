package vn.qms.doccontrol.events;

import java.time.Instant;

/**
 * The paper approval behind a revision, as Vietnamese agencies sign it today: who signed, in which
 * position, when, and the number of the decision that promulgated it
 * (e.g. {@code Quyết định số 123/QĐ-UBND}).
 */
public record Approval(String approvedBy, String position, Instant approvedAt, String decisionNumber) {
}
