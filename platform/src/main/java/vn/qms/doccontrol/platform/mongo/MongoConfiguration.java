package vn.qms.doccontrol.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link MongoClient} for the whole application. The embedded default and a real MongoDB are
 * reached the same way, through the real driver: only the connection string differs.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    /** Holds the embedded server when no URI is configured, so that it stops after the client. */
    public record MongoEndpoint(String connectionString, EmbeddedMongoServer embeddedServer) implements AutoCloseable {
        @Override
        public void close() {
            if (embeddedServer != null) {
                embeddedServer.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(QmsMongoProperties mongo, EmbeddedMongoProperties embedded,
                                ObjectProvider<FreeSpaceGuard.UsableSpace> usableSpace) {
        if (!mongo.embedded()) {
            log.info("Using the MongoDB at the configured qms.mongodb.uri");
            return new MongoEndpoint(mongo.uri(), null);
        }
        EmbeddedMongoProperties.Embedded settings = embedded.embedded();
        FreeSpaceGuard freeSpace = new FreeSpaceGuard(embedded.dataDir(), settings.reserveDiskSpace().toBytes(),
                usableSpace.getIfAvailable(() -> FreeSpaceGuard.UsableSpace.FILE_STORE));
        EmbeddedMongoServer server = EmbeddedMongoServer.start(embedded.dataDir(), settings.fsync(), settings.port(), freeSpace);
        return new MongoEndpoint(server.connectionString(), server);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoint.connectionString()))
                .applicationName("qms-document-control")
                .build());
    }

    @Bean
    MongoDatabase qmsDatabase(MongoClient client, QmsMongoProperties mongo) {
        return client.getDatabase(mongo.database());
    }
}
