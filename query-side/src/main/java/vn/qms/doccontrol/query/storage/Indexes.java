package vn.qms.doccontrol.query.storage;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** Index housekeeping at startup. */
public final class Indexes {

    private Indexes() {
    }

    /**
     * Drops the indexes of an earlier version that nothing queries any more (they would only cost
     * writes on a real MongoDB). Only those present are dropped, so a fresh database logs nothing.
     */
    public static void dropIfPresent(MongoCollection<Document> collection, Set<String> names) {
        List<String> present = new ArrayList<>();
        for (Document index : collection.listIndexes()) {
            String name = index.getString("name");
            if (names.contains(name)) {
                present.add(name);
            }
        }
        present.forEach(collection::dropIndex);
    }
}
