package vn.qms.doccontrol.query.register;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.storage.FieldNames;
import vn.qms.doccontrol.query.storage.StoredInstant;
import vn.qms.doccontrol.query.storage.WholeDocuments;

/**
 * The {@code register_index} collection: each organization's register as entries
 * ({@link RegisterIndexEntry}), so that a page of one organization is one {@code $in} over a fixed
 * set of {@code _id}s, whatever the size of the store.
 *
 * <p>An organization's entries are spread over {@value #SHARDS} shard documents,
 * {@code _id = organizationId + "/" + shard}, the shard fixed by the document id's hash, so that no
 * shard nears MongoDB's 16 MB limit (an entry is ~250 bytes plus ~90 per revision: 8 shards hold
 * ~200,000 documents of a few revisions each for one organization). Within a shard, {@code entries} maps the document id
 * (see {@link FieldNames}) to its entry, in id order. The document {@code _id = "organizations"}
 * lists every organization with a register, for the register across organizations. Organization ids
 * are slugs without '/', so neither kind of {@code _id} can take the other's.
 */
@Repository
public class RegisterIndexRepository {

    public static final String COLLECTION = "register_index";
    static final int SHARDS = 8;
    private static final String ORGANIZATIONS_ID = "organizations";
    private static final String ENTRIES = "entries";
    private static final String REVISIONS = "r";

    private final MongoCollection<Document> index;
    private final WholeDocuments writes;

    public RegisterIndexRepository(MongoDatabase database, WholeDocuments writes) {
        this.index = database.getCollection(COLLECTION);
        this.writes = writes;
    }

    public void put(RegisterIndexEntry entry) {
        putAll(List.of(entry));
    }

    /**
     * Writes documents' entries: reads the shards they fall in (one {@code $in}), merges, and replaces
     * each changed shard whole with its entries in id order (one bulk write). One writer only (the
     * processor's single segment). Repeating it leaves the same shards.
     */
    public void putAll(Collection<RegisterIndexEntry> batch) {
        Map<String, Map<String, RegisterIndexEntry>> byShard = new LinkedHashMap<>();
        for (RegisterIndexEntry entry : batch) {
            byShard.computeIfAbsent(shardId(entry.organizationId(), entry.documentId()), id -> new LinkedHashMap<>())
                    .put(FieldNames.escape(entry.documentId()), entry);
        }
        if (byShard.isEmpty()) {
            return;
        }
        Map<String, Document> stored = new HashMap<>();
        for (Document shard : index.find(Filters.in("_id", byShard.keySet()))) {
            stored.put(shard.getString("_id"), shard);
        }
        List<Document> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, RegisterIndexEntry>> shard : byShard.entrySet()) {
            Document before = stored.get(shard.getKey());
            Document entries = before == null ? null : before.get(ENTRIES, Document.class);
            TreeMap<String, Object> sorted = new TreeMap<>(entries == null ? Map.of() : entries);
            String organizationId = null;
            for (Map.Entry<String, RegisterIndexEntry> entry : shard.getValue().entrySet()) {
                sorted.put(entry.getKey(), toBson(entry.getValue()));
                organizationId = entry.getValue().organizationId();
            }
            Document replacement = new Document("_id", shard.getKey())
                    .append("organizationId", organizationId)
                    .append(ENTRIES, new Document(sorted));
            if (!replacement.equals(before)) {
                changed.add(replacement);
            }
        }
        writes.replaceAll(index, changed);
    }

    /** Adds organizations to the list of organizations with a register, kept in order. */
    public void addOrganizations(Collection<String> organizationIds) {
        Document found = index.find(Filters.eq("_id", ORGANIZATIONS_ID)).first();
        List<String> known = found == null ? List.of() : found.getList(ORGANIZATIONS_ID, String.class);
        if (known.containsAll(organizationIds)) {
            return;
        }
        TreeSet<String> sorted = new TreeSet<>(known);
        sorted.addAll(organizationIds);
        writes.inCommands(index, List.of(new UpdateOneModel<>(Filters.eq("_id", ORGANIZATIONS_ID),
                Updates.set(ORGANIZATIONS_ID, new ArrayList<>(sorted)), new UpdateOptions().upsert(true))));
    }

    /** Every organization with a register, in order. */
    public List<String> organizations() {
        Document found = index.find(Filters.eq("_id", ORGANIZATIONS_ID)).first();
        return found == null ? List.of() : found.getList(ORGANIZATIONS_ID, String.class);
    }

    /** Every entry of these organizations: one {@code $in} over their shards' {@code _id}s. */
    public List<RegisterIndexEntry> entries(Collection<String> organizationIds) {
        List<String> shardIds = new ArrayList<>();
        for (String organizationId : organizationIds) {
            for (int shard = 0; shard < SHARDS; shard++) {
                shardIds.add(organizationId + "/" + shard);
            }
        }
        List<RegisterIndexEntry> found = new ArrayList<>();
        if (shardIds.isEmpty()) {
            return found;
        }
        for (Document shard : index.find(Filters.in("_id", shardIds))) {
            String organizationId = shard.getString("organizationId");
            Document entries = shard.get(ENTRIES, Document.class);
            if (entries != null) {
                for (Object entry : entries.values()) {
                    found.add(fromBson(organizationId, (Document) entry));
                }
            }
        }
        return found;
    }

    public void clear() {
        Emptying.empty(index);
    }

    static String shardId(String organizationId, String documentId) {
        return organizationId + "/" + Math.floorMod(documentId.hashCode(), SHARDS);
    }

    /**
     * An entry as stored. Each revision is an array, {@code [revision, effectiveFrom, recordedBy,
     * recordedAt, title, titleKey]}, whose last two values are left out when the title is the previous
     * revision's (the usual case): a page reads and decodes every entry of its organization, and with
     * named fields and repeated titles an entry was about three times larger, most of a page's time
     * being spent encoding and decoding it.
     */
    private static Document toBson(RegisterIndexEntry entry) {
        List<List<Object>> revisions = new ArrayList<>(entry.revisions().size());
        String previousTitle = null;
        for (RegisterIndexEntry.Revision r : entry.revisions()) {
            List<Object> revision = new ArrayList<>(6);
            revision.add(r.revision());
            revision.add(StoredInstant.format(r.effectiveFrom()));
            revision.add(r.recordedBy());
            revision.add(StoredInstant.format(r.recordedAt()));
            if (!r.title().equals(previousTitle)) {
                revision.add(r.title());
                revision.add(r.titleKey());
            }
            previousTitle = r.title();
            revisions.add(revision);
        }
        return new Document("documentId", entry.documentId())
                .append("type", entry.type().name())
                .append("code", entry.code())
                .append("codeSortKey", entry.codeSortKey())
                .append("codeKey", entry.codeKey())
                .append(REVISIONS, revisions)
                .append("withdrawnFrom", StoredInstant.format(entry.withdrawnFrom()));
    }

    private static RegisterIndexEntry fromBson(String organizationId, Document bson) {
        List<?> stored = bson.get(REVISIONS, List.class);
        List<RegisterIndexEntry.Revision> revisions = new ArrayList<>(stored.size());
        String title = null;
        String titleKey = null;
        for (Object element : stored) {
            List<?> revision = (List<?>) element;
            if (revision.size() > 4) {
                title = (String) revision.get(4);
                titleKey = (String) revision.get(5);
            }
            revisions.add(new RegisterIndexEntry.Revision(((Number) revision.get(0)).intValue(), title, titleKey,
                    StoredInstant.parse((String) revision.get(1)), (String) revision.get(2),
                    StoredInstant.parse((String) revision.get(3))));
        }
        return new RegisterIndexEntry(
                bson.getString("documentId"),
                organizationId,
                DocumentType.valueOf(bson.getString("type")),
                bson.getString("code"),
                bson.getString("codeSortKey"),
                bson.getString("codeKey"),
                revisions,
                StoredInstant.parse(bson.getString("withdrawnFrom")));
    }
}
