package vn.qms.doccontrol.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import org.bson.Document;

/**
 * Which shape of read models each processing group last wrote ({@code read_model_versions},
 * {@code _id} = processing group). When a release changes what a group writes, its number goes up
 * here, and the first start of that release rebuilds the group's read models from the event store
 * (see {@link ProjectionRebuild}), instead of answering from collections of the old shape.
 */
public final class ReadModelVersions {

    public static final String COLLECTION = "read_model_versions";

    /**
     * 2: {@code register_index} (document-register); {@code seq} = global index and the bucketed
     * listings (audit-trail). See decision record 0013. 3 (document-register): {@code revisions} rows
     * without content, pointing at their event instead (decision record 0015). 3 (audit-trail): buckets
     * of every scope bounded to 1,024 {@code seq}s, 256 for an organization's (decision record 0016).
     * 4 (document-register): {@code register_index} revisions as arrays, the title only where it changed.
     * 4 (audit-trail): an organization's buckets cover 64 {@code seq}s. 5 (audit-trail): buckets of
     * scopes other than the whole trail hold a number of the scope's own entries (decision record 0019).
     */
    static final Map<String, Integer> CURRENT = Map.of(
            ProcessingGroups.DOCUMENT_REGISTER, 4,
            ProcessingGroups.AUDIT_TRAIL, 5);

    private final MongoCollection<Document> versions;

    public ReadModelVersions(MongoDatabase database) {
        this.versions = database.getCollection(COLLECTION);
    }

    /** @return the version the group's read models were written with, or 0 when none was recorded */
    public int stored(String processingGroup) {
        Document found = versions.find(Filters.eq("_id", processingGroup)).first();
        return found == null ? 0 : found.get("version", Number.class).intValue();
    }

    public static int current(String processingGroup) {
        return CURRENT.get(processingGroup);
    }

    public void markCurrent(String processingGroup) {
        versions.replaceOne(Filters.eq("_id", processingGroup),
                new Document("_id", processingGroup).append("version", current(processingGroup)),
                new ReplaceOptions().upsert(true));
    }
}
