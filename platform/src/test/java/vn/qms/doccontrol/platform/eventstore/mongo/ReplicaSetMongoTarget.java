package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** A real MongoDB replica set (Testcontainers), where Docker runs. */
final class ReplicaSetMongoTarget implements MongoTarget, AutoCloseable {

    private final String connectionString;
    private final MongoClient client;

    ReplicaSetMongoTarget(String connectionString) {
        this.connectionString = connectionString;
        this.client = MongoClients.create(connectionString);
    }

    @Override
    public MongoClient client() {
        return client;
    }

    @Override
    public MongoClient newClient() {
        return MongoClients.create(connectionString);
    }

    @Override
    public void close() {
        client.close();
    }
}
