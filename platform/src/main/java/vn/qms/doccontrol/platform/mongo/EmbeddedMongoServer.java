package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: mongo-java-server with its H2 MVStore backend in a file, bound to a
 * loopback port, so that the application talks to it through the real driver like to any MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String DATA_FILE = "qms.mv.db";

    /**
     * mongo-java-server announces MongoDB 4.0 (wire version 7) at most, and the 5.x driver refuses
     * anything below 4.2 (wire 8). The commands the application sends are the same in both.
     */
    private static final MongoVersion ANNOUNCED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 2, 0);
        }

        @Override
        public int getWireVersion() {
            return 8;
        }
    };

    private final Path dataFile;
    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(Path dataFile, MVStore store, MongoServer server, InetSocketAddress address) {
        this.dataFile = dataFile;
        this.store = store;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongoServer start(Path dataDir, boolean fsync) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path dataFile = dataDir.resolve(DATA_FILE).toAbsolutePath();
        MVStore store = new MVStore.Builder().fileName(dataFile.toString()).open();
        H2Backend backend = new H2Backend(store);
        backend.version(ANNOUNCED_VERSION);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB on {} with data file {}", address, dataFile);
        return new EmbeddedMongoServer(dataFile, store, server, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path dataFile() {
        return dataFile;
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
