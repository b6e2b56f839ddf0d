package vn.qms.doccontrol.query.register;

/** Where a document stands at a given moment; always derived from its timeline, never stored. */
public enum DocumentStatus {
    /** A revision is in force. */
    EFFECTIVE,
    /** Issued, but its first revision is not in force yet. */
    SCHEDULED,
    /** Withdrawn; the revision shown is the last one that was in force. */
    WITHDRAWN
}
