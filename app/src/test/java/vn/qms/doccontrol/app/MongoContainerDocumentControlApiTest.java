package vn.qms.doccontrol.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.RunningQms;

/**
 * The same API suite on a real MongoDB 7 replica set. Where no Docker engine runs (these
 * development machines, CI here) JUnit reports the whole class as skipped, not passed.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoContainerDocumentControlApiTest extends DocumentControlApiContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private RunningQms qms;

    @BeforeAll
    void start() {
        qms = RunningQms.onMongo(MONGO.getReplicaSetUrl("qms"), "qms");
    }

    @AfterAll
    void stop() {
        if (qms != null) {
            qms.close();
        }
    }

    @Override
    protected Api api() {
        return qms.api();
    }
}
