package vn.qms.doccontrol.query.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.platform.mongo.CarriedByNextCommit;
import vn.qms.doccontrol.platform.mongo.QmsMongoProperties;

/**
 * How the projections write read-model documents: whole, each replacing (or creating) the document
 * with its {@code _id}, a batch in bulk writes of {@value #DOCUMENTS_PER_COMMAND}. Writing the same
 * documents again leaves the same collection, which is what makes a redelivered batch harmless.
 *
 * <p>On the embedded server these writes do not wait for their own commit
 * ({@link CarriedByNextCommit}, decision 16): the processor stores the batch's token after them, with
 * the default write concern, and the commit that makes the token durable makes the batch durable
 * too. A crash before it loses the token with the writes, and the batch is delivered again. A batch
 * then costs one commit instead of one per command (in a profiled rebuild, a processor's waits for
 * its own writes fell from 6.1 s to 2.4 s). On a real MongoDB writes keep the deployment's write
 * concern.
 */
@Component
public class WholeDocuments {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /**
     * Documents per write command. The embedded server applies a command whole under a lock that a
     * commit waits for; a command of a few hundred kilobytes keeps that pause to milliseconds for the
     * writers of the command side even when a replay writes a thousand documents at once.
     */
    static final int DOCUMENTS_PER_COMMAND = 100;

    private final boolean unjournaled;

    @Autowired
    public WholeDocuments(QmsMongoProperties mongo) {
        this(mongo.embedded());
    }

    /** @param unjournaled whether writes are sent with {@code j: false}: only where every write goes to the embedded server */
    public WholeDocuments(boolean unjournaled) {
        this.unjournaled = unjournaled;
    }

    public void replaceAll(MongoCollection<Document> collection, Collection<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        inCommands(collection, documents.stream().map(WholeDocuments::replacing).toList());
    }

    /** The write that replaces the document with this one's {@code _id} by it, or inserts it. */
    public static WriteModel<Document> replacing(Document document) {
        return new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT);
    }

    /** A projection's bulk write, in commands of at most {@value #DOCUMENTS_PER_COMMAND} writes each, in order. */
    public void inCommands(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        MongoCollection<Document> target = unjournaled ? CarriedByNextCommit.writesTo(collection) : collection;
        for (int from = 0; from < writes.size(); from += DOCUMENTS_PER_COMMAND) {
            target.bulkWrite(writes.subList(from, Math.min(writes.size(), from + DOCUMENTS_PER_COMMAND)));
        }
    }
}
