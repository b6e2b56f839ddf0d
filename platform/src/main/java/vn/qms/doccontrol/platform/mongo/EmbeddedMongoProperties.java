package vn.qms.doccontrol.platform.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default: an in-process MongoDB wire-protocol server whose data file lives in
 * {@code qms.data-dir}.
 *
 * @param dataDir directory of the data file ({@code qms.data-dir}, default {@code ./data})
 * @param fsync   {@code qms.embedded.fsync}: force every commit to the disk before a write is
 *                answered. Off, an answered write survives a crash of the process but not of the
 *                machine (power loss); on, it survives both and costs throughput.
 */
@ConfigurationProperties(prefix = "qms")
public record EmbeddedMongoProperties(Path dataDir, Embedded embedded) {

    public EmbeddedMongoProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embedded = embedded == null ? new Embedded(false) : embedded;
    }

    public record Embedded(boolean fsync) {
    }
}
