package vn.qms.doccontrol.platform.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports MongoDB under {@code /actuator/health} ("mongo"), whichever MongoDB is in use. */
@Component("mongo")
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final QmsMongoProperties properties;

    MongoHealthIndicator(MongoDatabase database, QmsMongoProperties properties) {
        super("MongoDB health check failed");
        this.database = database;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document ping = database.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("database", database.getName())
                .withDetail("embedded", properties.embedded())
                .withDetail("ping", ping.get("ok"));
    }
}
