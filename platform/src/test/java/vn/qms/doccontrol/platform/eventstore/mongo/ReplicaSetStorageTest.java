package vn.qms.doccontrol.platform.eventstore.mongo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The storage contract on a real MongoDB 7 replica set; reported as skipped where no Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class ReplicaSetStorageTest extends EngineStorageContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static ReplicaSetMongoTarget target;

    @BeforeAll
    static void connect() {
        target = new ReplicaSetMongoTarget(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        if (target != null) {
            target.close();
        }
    }

    @Override
    protected MongoTarget target() {
        return target;
    }
}
