package vn.qms.doccontrol.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which MongoDB holds the data. With no {@code uri} the application starts the embedded server (see
 * {@link EmbeddedMongoProperties}); with one (env {@code QMS_MONGODB_URI}) it uses that MongoDB.
 *
 * @param uri      connection string of a real MongoDB, or null for the embedded default
 * @param database database holding the event store, the tracking tokens and the read models
 */
@ConfigurationProperties(prefix = "qms.mongodb")
public record QmsMongoProperties(String uri, String database) {

    public QmsMongoProperties {
        uri = (uri == null || uri.isBlank()) ? null : uri.trim();
        database = (database == null || database.isBlank()) ? "qms" : database.trim();
    }

    public boolean embedded() {
        return uri == null;
    }
}
