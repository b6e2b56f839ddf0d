package vn.qms.doccontrol.events;

/** The kinds of controlled document a TCVN ISO 9001:2015 QMS keeps. */
public enum DocumentType {
    /** Chính sách chất lượng. */
    QUALITY_POLICY,
    /** Mục tiêu chất lượng. */
    QUALITY_OBJECTIVES,
    /** Quy trình, including the internal procedure of an administrative procedure (TTHC). */
    PROCEDURE,
    /** Biểu mẫu. */
    FORM,
    /** Hướng dẫn công việc. */
    WORK_INSTRUCTION,
    /** Bản mô tả Hệ thống quản lý chất lượng. */
    QMS_DESCRIPTION
}
