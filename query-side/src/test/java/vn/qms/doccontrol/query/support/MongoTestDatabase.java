package vn.qms.doccontrol.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;

/** The embedded server the application runs on, reached through the real driver, in a temporary directory. */
public final class MongoTestDatabase implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    private MongoTestDatabase(EmbeddedMongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
        this.database = client.getDatabase("qms");
    }

    public static MongoTestDatabase start(Path directory) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, false);
        return new MongoTestDatabase(server, MongoClients.create(server.connectionString()));
    }

    public MongoDatabase database() {
        return database;
    }

    /** Every document of the collections, ordered by _id, as extended JSON: comparable with equals. */
    public Map<String, List<String>> dump(String... collections) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String collection : collections) {
            dump.put(collection, database.getCollection(collection).find()
                    .sort(Sorts.ascending("_id"))
                    .map(Document::toJson)
                    .into(new ArrayList<>()));
        }
        return dump;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
