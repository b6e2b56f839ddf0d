package vn.qms.doccontrol.query.projection;

import java.util.List;

/**
 * The tracking processors of the query side. Each is named after its processing group, runs one
 * segment on one thread, and keeps its token in MongoDB next to the read models it writes.
 */
public final class ProcessingGroups {

    /** Writes the {@code register} and {@code revisions} collections. */
    public static final String DOCUMENT_REGISTER = "document-register";
    /** Writes the {@code audit_trail} collection (and its per-document index and counter). */
    public static final String AUDIT_TRAIL = "audit-trail";

    public static final List<String> ALL = List.of(DOCUMENT_REGISTER, AUDIT_TRAIL);

    private ProcessingGroups() {
    }
}
