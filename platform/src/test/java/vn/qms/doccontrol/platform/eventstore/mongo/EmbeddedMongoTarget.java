package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;

/** The embedded default, mongo-java-server on H2, reached through the real driver. */
final class EmbeddedMongoTarget implements MongoTarget, AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;

    private EmbeddedMongoTarget(EmbeddedMongoServer server) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString());
    }

    static EmbeddedMongoTarget start(Path dataDir) {
        return new EmbeddedMongoTarget(EmbeddedMongoServer.start(dataDir, false));
    }

    @Override
    public MongoClient client() {
        return client;
    }

    @Override
    public boolean unjournaledIndexCounter() {
        return true;
    }

    @Override
    public MongoClient newClient() {
        return MongoClients.create(server.connectionString());
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
