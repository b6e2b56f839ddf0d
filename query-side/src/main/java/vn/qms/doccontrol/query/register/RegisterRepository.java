package vn.qms.doccontrol.query.register;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.events.DocumentType;

/**
 * The {@code register} collection: one document per controlled document, {@code _id} = documentId,
 * so that the hot reads (one document, its revisions) are lookups by {@code _id}.
 */
@Repository
public class RegisterRepository {

    public static final String COLLECTION = "register";

    private final MongoCollection<Document> register;

    public RegisterRepository(MongoDatabase database) {
        this.register = database.getCollection(COLLECTION);
    }

    /**
     * Indexes a real MongoDB needs for listing the register by organization and type in register
     * order. The embedded server accepts them but only looks things up by unique indexes.
     */
    @PostConstruct
    public void ensureIndexes() {
        register.createIndex(Indexes.ascending(RegisterBson.ORGANIZATION_ID, RegisterBson.CODE_SORT_KEY, RegisterBson.ID));
        register.createIndex(Indexes.ascending(RegisterBson.TYPE, RegisterBson.ORGANIZATION_ID, RegisterBson.CODE_SORT_KEY));
    }

    public Optional<DocumentTimeline> find(String documentId) {
        Document found = register.find(Filters.eq(RegisterBson.ID, documentId)).first();
        return Optional.ofNullable(found).map(RegisterBson::fromBson);
    }

    public void save(DocumentTimeline timeline) {
        register.replaceOne(Filters.eq(RegisterBson.ID, timeline.documentId()), RegisterBson.toBson(timeline),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Streams the documents of the register in register order (organization, then code ignoring
     * case), restricted to an organization and a type when they are given.
     */
    public void forEachInRegisterOrder(String organizationId, DocumentType type, Consumer<DocumentTimeline> action) {
        List<Bson> filters = new ArrayList<>();
        if (organizationId != null) {
            filters.add(Filters.eq(RegisterBson.ORGANIZATION_ID, organizationId));
        }
        if (type != null) {
            filters.add(Filters.eq(RegisterBson.TYPE, type.name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        register.find(filter)
                .sort(Sorts.ascending(RegisterBson.ORGANIZATION_ID, RegisterBson.CODE_SORT_KEY, RegisterBson.ID))
                .map(RegisterBson::fromBson)
                .forEach(action);
    }

    public void clear() {
        register.deleteMany(new Document());
    }
}
