package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.atomic.AtomicInteger;

/** A MongoDB the engine tests run against: the embedded server or a real replica set. */
interface MongoTarget {

    AtomicInteger DATABASES = new AtomicInteger();

    /** The client the tests use unless they need a second one. */
    MongoClient client();

    /** A further client, as a second process on the same database would have. The caller closes it. */
    MongoClient newClient();

    /** Whether the application increments the global-index counter without journaling here: on the embedded server. */
    default boolean unjournaledIndexCounter() {
        return false;
    }

    /** A database no other test has used, so that tests share a server but not their data. */
    default MongoDatabase freshDatabase() {
        return client().getDatabase("es_" + DATABASES.incrementAndGet());
    }
}
