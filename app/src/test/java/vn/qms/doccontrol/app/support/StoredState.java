package vn.qms.doccontrol.app.support;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import vn.qms.doccontrol.platform.security.SessionStore;

/**
 * What the application has stored of documents, read straight from MongoDB: the event store, the
 * code claims and every read model (register, revisions, audit trail). Sessions and the
 * processors' tracking tokens are left out: they change without any document changing.
 */
public final class StoredState {

    private static final String EVENT_COMMITS = "event_commits";

    private StoredState() {
    }

    public static Map<String, List<Document>> snapshot(MongoDatabase database) {
        Map<String, List<Document>> collections = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.equals(SessionStore.COLLECTION) || name.toLowerCase().contains("token")) {
                continue;
            }
            collections.put(name, database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return collections;
    }

    public static long eventCommits(MongoDatabase database) {
        return database.getCollection(EVENT_COMMITS).countDocuments();
    }
}
