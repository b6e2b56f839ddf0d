package vn.qms.doccontrol.query.register;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.annotation.PostConstruct;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.query.storage.WholeDocuments;

/**
 * The {@code register} collection: one document per controlled document, {@code _id} = documentId,
 * so that the hot reads (one document, its revisions) are lookups by {@code _id}.
 * Listing by organization goes through {@link RegisterIndexRepository}.
 */
@Repository
public class RegisterRepository {

    public static final String COLLECTION = "register";

    private final MongoCollection<Document> register;
    private final WholeDocuments writes;

    public RegisterRepository(MongoDatabase database, WholeDocuments writes) {
        this.register = database.getCollection(COLLECTION);
        this.writes = writes;
    }

    /**
     * Every read of {@code register} is by {@code _id}, which needs no other index. Drops the indexes
     * an earlier version created for listing by organization and type (now {@code register_index}).
     */
    @PostConstruct
    public void ensureIndexes() {
        vn.qms.doccontrol.query.storage.Indexes.dropIfPresent(register,
                Set.of("organizationId_1_codeSortKey_1__id_1", "type_1_organizationId_1_codeSortKey_1"));
    }

    public Optional<DocumentTimeline> find(String documentId) {
        Document found = register.find(Filters.eq(RegisterBson.ID, documentId)).first();
        return Optional.ofNullable(found).map(RegisterBson::fromBson);
    }

    /** The timelines of these documents that exist, by document id: one {@code $in} over {@code _id}s. */
    public Map<String, DocumentTimeline> findAll(Collection<String> documentIds) {
        Map<String, DocumentTimeline> found = new HashMap<>();
        if (!documentIds.isEmpty()) {
            register.find(Filters.in(RegisterBson.ID, documentIds)).map(RegisterBson::fromBson)
                    .forEach(timeline -> found.put(timeline.documentId(), timeline));
        }
        return found;
    }

    public void save(DocumentTimeline timeline) {
        saveAll(List.of(timeline));
    }

    /** Like {@link #save}, for a batch: one bulk write. */
    public void saveAll(Collection<DocumentTimeline> timelines) {
        writes.replaceAll(register, timelines.stream().map(RegisterBson::toBson).toList());
    }

    public void clear() {
        Emptying.empty(register);
    }
}
