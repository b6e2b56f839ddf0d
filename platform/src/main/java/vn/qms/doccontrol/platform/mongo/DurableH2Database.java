package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * {@link H2Database} with typed maps and collections that answer {@code findAndModify} with a copy.
 *
 * <p>Maps: documents are stored as BSON ({@link StoredDocumentType}) and unique indexes are keyed
 * by a comparable key type ({@link IndexKeyType}), not by Java serialization ({@link MapLayout}).
 * The index maps have their own names, because their order differs from the stock one; an
 * index map in the stock layout, from a data file written before, is copied into the new one the
 * first time it is opened and then removed.
 *
 * <p>Copies:
 * <p>mongo-java-server updates a document in place: the instance it returns from
 * {@code findAndModify} is the one the MVStore holds, and the next update of that document
 * changes it before the first answer is encoded. Concurrent {@code findOneAndUpdate($inc)} with
 * {@code returnDocument AFTER} then returned the same value to several callers (8 threads x 200
 * calls: ~160 duplicates with the stock server, ~500 once the answer also waits for its commit).
 * The copy is made while the collection's lock is still held, so every caller gets its own value.
 */
final class DurableH2Database extends H2Database {

    /** H2Database's store is private and its constructor already opens collections. */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final MVStore store;

    private DurableH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    static DurableH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        CONSTRUCTING.set(store);
        try {
            return new DurableH2Database(databaseName, store, cursorRegistry);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    /** The same maps as {@link H2Database#openOrCreateCollection}, in a {@link CopyingCollection}. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = mvStore();
        String fullCollectionName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = MapLayout.open(mvStore, MapLayout.dataMap(fullCollectionName));
        MVMap<String, Object> metaMap = mvStore.openMap("meta." + fullCollectionName);
        return new CopyingCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore mvStore = mvStore();
        String namespace = getFullCollectionNamespace(collectionName);
        String name = MapLayout.indexMap(namespace, indexName);
        String stockName = MapLayout.stockIndexMap(namespace, indexName);
        boolean migrate = !mvStore.hasMap(name) && mvStore.hasMap(stockName);
        MVMap<KeyValue, Object> map = MapLayout.open(mvStore, name);
        if (migrate) {
            MVMap<KeyValue, Object> stock = mvStore.openMap(stockName);
            map.putAll(stock);
            mvStore.removeMap(stock);
        }
        return new MVStoreUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        mvStore().removeMap(MapLayout.indexMap(getFullCollectionNamespace(collection.getCollectionName()), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String prefix = MapLayout.indexMap(getFullCollectionNamespace(collectionName), "");
        List.copyOf(mvStore().getMapNames()).stream()
                .filter(mapName -> mapName.startsWith(prefix))
                .forEach(mvStore()::removeMap);
    }

    private MVStore mvStore() {
        return store != null ? store : CONSTRUCTING.get();
    }

    static final class CopyingCollection extends H2Collection {

        CopyingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return super.findAndModify(query).cloneDeeply();
        }

        /**
         * No running total of the collection's bytes. Keeping it encoded every inserted document once
         * more to count its bytes, and every updated one twice (before and after), and wrote the
         * collection's meta map with each write: under the write load that counting was an eighth of
         * the server's CPU, for a figure only {@code collStats}' {@code size} reports and nothing
         * here reads. On the embedded server {@code collStats} keeps the size it had when this began.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** The server changed {@code newDocument} in place (it is the stored instance): its kept encoding is stale. */
        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            StoredDocumentType.INSTANCE.changed(newDocument);
            super.handleUpdate(position, oldDocument, newDocument);
        }

        @Override
        protected void removeDocument(Object position) {
            Document stored = getDocument(position);
            super.removeDocument(position);
            if (stored != null) {
                StoredDocumentType.INSTANCE.changed(stored);
            }
        }
    }
}
