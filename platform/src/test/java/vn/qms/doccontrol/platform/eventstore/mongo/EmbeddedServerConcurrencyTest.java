package vn.qms.doccontrol.platform.eventstore.mongo;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The concurrency contract on the embedded default (mongo-java-server, H2 file). */
class EmbeddedServerConcurrencyTest extends EngineConcurrencyContract {

    @TempDir
    static Path dataDir;

    private static EmbeddedMongoTarget target;

    @BeforeAll
    static void start() {
        target = EmbeddedMongoTarget.start(dataDir);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Override
    protected MongoTarget target() {
        return target;
    }
}
