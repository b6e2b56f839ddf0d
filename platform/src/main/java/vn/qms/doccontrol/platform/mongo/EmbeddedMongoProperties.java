package vn.qms.doccontrol.platform.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded default: an in-process MongoDB wire-protocol server whose data file lives in
 * {@code qms.data-dir}.
 *
 * @param dataDir directory of the data file ({@code qms.data-dir}, default {@code ./data})
 * <p>{@code qms.embedded.*}:
 * <ul>
 *   <li>{@code fsync}: force every commit to the disk before a write is answered. Off, an answered
 *       write survives a crash of the process but not of the machine (power loss); on, it survives
 *       both and costs throughput.</li>
 *   <li>{@code port}: the loopback port the server listens on (default 0: any free port). Fixed, a
 *       MongoDB shell on the same machine can read the data while the application runs.</li>
 *   <li>{@code reserve-disk-space}: writes are refused (HTTP 503) while less than this is free on
 *       the data directory's disk (default 64MB); see {@link FreeSpaceGuard}.</li>
 * </ul>
 */
@ConfigurationProperties(prefix = "qms")
public record EmbeddedMongoProperties(Path dataDir, Embedded embedded) {

    public EmbeddedMongoProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embedded = embedded == null ? new Embedded(false, 0, null) : embedded;
    }

    public record Embedded(boolean fsync, int port, DataSize reserveDiskSpace) {
        public Embedded {
            reserveDiskSpace = reserveDiskSpace == null ? DataSize.ofBytes(FreeSpaceGuard.DEFAULT_RESERVE_BYTES) : reserveDiskSpace;
        }
    }
}
