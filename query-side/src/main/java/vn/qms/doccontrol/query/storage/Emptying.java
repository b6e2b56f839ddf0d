package vn.qms.doccontrol.query.storage;

import com.mongodb.client.MongoCollection;

/** How a read model is emptied before a replay. */
public final class Emptying {

    private Emptying() {
    }

    /**
     * Drops the collection instead of deleting its documents: the embedded server collects every
     * document a {@code deleteMany} matches in memory first, and a rebuild at 100,000 events (the
     * revisions hold every revision's content) ran a 1 GB heap out of memory. A drop is one map
     * removal there and cheap on a real MongoDB too. The caller recreates the indexes it needs.
     */
    public static void empty(MongoCollection<?> collection) {
        // An empty or missing collection is left alone: the embedded server logs a drop of a
        // collection that does not exist as an ERROR with its stack trace, six times per rebuild
        // of a new database.
        if (collection.estimatedDocumentCount() > 0) {
            collection.drop();
        }
    }
}
