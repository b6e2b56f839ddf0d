package vn.qms.doccontrol.query.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/**
 * How the projections write read-model documents: whole, each replacing (or creating) the document
 * with its {@code _id}, a batch in bulk writes of {@value #DOCUMENTS_PER_COMMAND}. Writing the same documents again leaves the same
 * collection, which is what makes a redelivered batch harmless.
 */
public final class WholeDocuments {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /**
     * Documents per write command. The embedded server applies a command whole before the commit that
     * makes it durable, and a commit holds back every other write meanwhile; a command of a few
     * hundred kilobytes keeps that pause to milliseconds for the writers of the command side even when
     * a replay writes a thousand documents at once.
     */
    static final int DOCUMENTS_PER_COMMAND = 100;

    private WholeDocuments() {
    }

    /** Every document must carry its {@code _id}. */
    public static void replaceAll(MongoCollection<Document> collection, Collection<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        inCommands(collection, documents.stream()
                .<WriteModel<Document>>map(document -> new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT))
                .toList());
    }

    /** A projection's bulk write, in commands of at most {@value #DOCUMENTS_PER_COMMAND} writes each, in order. */
    public static void inCommands(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        for (int from = 0; from < writes.size(); from += DOCUMENTS_PER_COMMAND) {
            collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + DOCUMENTS_PER_COMMAND)));
        }
    }
}
