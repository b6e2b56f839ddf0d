package vn.qms.doccontrol.platform.security;

/** Who may do what. Only a secretary can cause an event; the others read. */
public enum QmsRole {
    /** Thư ký ISO: issues, revises and withdraws documents. */
    SECRETARY,
    /** Lãnh đạo phê duyệt: reads; approval is recorded with each revision as it is signed on paper. */
    APPROVER,
    /** Internal auditor: reads, including the organization-wide audit trail. */
    AUDITOR,
    /** External inspector: reads, including the organization-wide audit trail. */
    INSPECTOR
}
