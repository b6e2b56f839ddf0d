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
     * How many consecutive {@code seq}s one bucket may cover: what bounds a bucket's size, and so what
     * a processor's batch rewrites and a page reads. A bucket that keeps only when its entries occurred
     * covers 1,024 (at most ~40 KB); an organization's, which keeps whole entries (~500 bytes each),
     * covers 64 (at most ~32 KB). Bounded by {@code seq}s, not by a scope's share of the events: a
     * single busy secretary or organization gets more buckets, never larger ones. Every batch rewrites
     * the bucket being filled in each of an event's four scopes, so these sizes are most of what the
     * audit trail writes under load (with 256 for an organization's, its half-full bucket alone was
     * ~64 KB per batch). The price is the year summary, one line per bucket, itself rewritten with
     * every batch: that is why the scopes without entries keep their 1,024.
     */
    long block() {
        return keepsEntries() ? 64 : 1024;
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
