package vn.qms.doccontrol.query.audit;

import java.util.List;

/**
 * A listing of the audit trail that is kept ready in buckets ({@link AuditTrailIndex}): the whole
 * trail, one organization's, one actor's, or one actor's in one organization. Each entry is filed
 * under all four, so that every combination of these filters is a listing of its own with exact
 * counts. The key starts every {@code _id} of the scope's buckets and year summaries; organization ids are
 * slugs, so {@code "oa|org|actor"} cannot be read two ways.
 */
record AuditScope(String key) {

    static final AuditScope ALL = new AuditScope("*");

    /**
     * How many consecutive {@code seq}s one bucket may cover: what bounds a bucket's size. The whole
     * trail takes every event, so its months are cut into blocks of 1,024 (a bucket stays under
     * ~50 KB, and a page reads one or two). Another scope takes a small share of the events, so its
     * blocks are larger (16,384): a month of one organization or actor is one bucket or a few, and a
     * bucket can never pass ~750 KB (~8 MB for an organization's, which keeps whole entries), so
     * rewriting it with a batch stays cheap for all but the busiest.
     */
    long block() {
        return this.equals(ALL) ? 1024 : 16_384;
    }

    /**
     * Whether the scope's buckets hold whole entries, not only when they occurred: an
     * organization's, the listing inspectors read most. Its page is then read from its buckets alone,
     * instead of looking up each entry among all of the store's (which costs more as the store
     * grows). Other scopes keep only {@code occurredAt}, four times less to store.
     */
    boolean keepsEntries() {
        return key.startsWith("o|");
    }

    static AuditScope of(String organizationId, String actor) {
        if (organizationId != null && actor != null) {
            return new AuditScope("oa|" + organizationId + "|" + actor);
        }
        if (organizationId != null) {
            return new AuditScope("o|" + organizationId);
        }
        if (actor != null) {
            return new AuditScope("a|" + actor);
        }
        return ALL;
    }

    /** Every scope an entry is filed under. */
    static List<AuditScope> of(AuditEntry entry) {
        return List.of(ALL, of(entry.organizationId(), null), of(null, entry.actor()),
                of(entry.organizationId(), entry.actor()));
    }
}
