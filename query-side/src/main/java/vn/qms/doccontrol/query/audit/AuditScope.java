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
     * Whether every event is an entry of the scope: the whole trail. Its buckets are then bounded by
     * {@code seq}: each covers {@link #BLOCK} consecutive ones (at most ~40 KB).
     */
    boolean dense() {
        return key.equals(ALL.key);
    }

    /** {@code seq}s one bucket of a {@link #dense()} scope covers. */
    static final long BLOCK = 1024;

    /**
     * For a scope that holds a share of the events (an organization's, an actor's), how many of its own
     * entries one bucket holds on average: a new bucket starts at each entry whose {@code seq}
     * {@link AuditTrailIndex#startsBucket starts one}. Bounding these by {@code seq}s, as the whole
     * trail's, gave an organization among hundreds writing at once about one entry per bucket, and a
     * year summary (one line per bucket, rewritten with every batch) that grew with every entry.
     * An organization's buckets keep whole entries (~500 bytes each): 32 (~16 KB on average); other
     * scopes keep only when each entry occurred: 256 (~10 KB). A power of two.
     */
    int entriesPerBucket() {
        return keepsEntries() ? 32 : 256;
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
