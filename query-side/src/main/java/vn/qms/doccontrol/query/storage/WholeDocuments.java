package vn.qms.doccontrol.query.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import org.bson.Document;

/**
 * How the projections write read-model documents: whole, each replacing (or creating) the document
 * with its {@code _id}, a batch in one bulk write. Writing the same documents again leaves the same
 * collection, which is what makes a redelivered batch harmless.
 */
public final class WholeDocuments {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private WholeDocuments() {
    }

    /** Every document must carry its {@code _id}. */
    public static void replaceAll(MongoCollection<Document> collection, Collection<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        collection.bulkWrite(documents.stream()
                .<WriteModel<Document>>map(document -> new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT))
                .toList());
    }
}
