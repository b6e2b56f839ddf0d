package vn.qms.doccontrol.platform.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The maps of the embedded server's MVStore and the types their keys and values are written with:
 * whoever opens a map (the server, the offline compaction, the startup checks) opens it through
 * here, because a map opened with other types than it was written with cannot be read.
 *
 * <ul>
 *   <li>{@code databases.<db>.<collection>}: a collection's documents, as BSON ({@link StoredDocumentType});</li>
 *   <li>{@code <db>.<collection>}{@value #INDEX_MAP_INFIX}{@code <index>}: a unique index ({@link IndexKeyType});</li>
 *   <li>anything else ({@code meta.*}, indexes in mongo-java-server's stock layout): H2's default types.</li>
 * </ul>
 */
final class MapLayout {

    static final String DATA_MAP_PREFIX = "databases.";
    static final String INDEX_MAP_INFIX = "._qms_index_";
    static final String STOCK_INDEX_MAP_INFIX = "._index_";

    private MapLayout() {
    }

    static String dataMap(String namespace) {
        return DATA_MAP_PREFIX + namespace;
    }

    static String indexMap(String namespace, String indexName) {
        return namespace + INDEX_MAP_INFIX + indexName;
    }

    static String stockIndexMap(String namespace, String indexName) {
        return namespace + STOCK_INDEX_MAP_INFIX + indexName;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <K, V> MVMap<K, V> open(MVStore store, String name) {
        MVMap.Builder builder = new MVMap.Builder<>();
        if (name.startsWith(DATA_MAP_PREFIX)) {
            builder.valueType(StoredDocumentType.INSTANCE);
        } else if (name.contains(INDEX_MAP_INFIX)) {
            builder.keyType(IndexKeyType.INSTANCE);
        }
        return (MVMap<K, V>) store.openMap(name, builder);
    }
}
