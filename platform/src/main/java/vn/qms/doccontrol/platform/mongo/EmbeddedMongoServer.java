package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
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
    static final MongoVersion ANNOUNCED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 2, 0);
        }

        @Override
        public int getWireVersion() {
            return 8;
        }
    };

    /**
     * Netty worker threads. mongo-java-server runs each command on the event loop of its connection,
     * and a write blocks it until its commit is in the file, so this bounds how many writers can
     * share a group commit (and how many connections wait behind one commit). Netty's default is
     * two per core.
     */
    static final int WORKER_THREADS = Math.max(16, 2 * Runtime.getRuntime().availableProcessors());

    private final Path dataFile;
    /** Held until the data file is closed and compacted (see {@link DataFile#lock}). */
    private final FileChannel lock;
    private final DurableH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(Path dataFile, FileChannel lock, DurableH2Backend backend, MongoServer server,
                                InetSocketAddress address) {
        this.dataFile = dataFile;
        this.lock = lock;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /**
     * Starts the server on a loopback port with its data file in {@code dataDir}.
     *
     * @param fsync force every commit to the disk before the write is answered (power-loss safe);
     *              without it an answered write survives a crash of the process, not of the machine
     * @throws EmbeddedDataFileException if the data file exists but cannot be used as it is
     */
    public static EmbeddedMongoServer start(Path dataDir, boolean fsync) {
        return start(dataDir, fsync, 0, FreeSpaceGuard.withDefaultReserve(dataDir));
    }

    /**
     * @param port      loopback port to listen on, 0 for any free one
     * @param freeSpace refuses writes while the disk is nearly full
     */
    public static EmbeddedMongoServer start(Path dataDir, boolean fsync, int port, FreeSpaceGuard freeSpace) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path dataFile = dataDir.resolve(DATA_FILE).toAbsolutePath();
        FileChannel lock = DataFile.lock(dataFile);
        MVStore store;
        DurableH2Backend backend;
        try {
            store = DataFile.open(dataFile);
            try {
                backend = new DurableH2Backend(store, dataFile, fsync, freeSpace);
            } catch (RuntimeException e) {
                store.closeImmediately();
                throw e;
            }
        } catch (RuntimeException e) {
            DataFile.closeQuietly(lock);
            throw e;
        }
        backend.version(ANNOUNCED_VERSION);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            backend.close();
            DataFile.closeQuietly(lock);
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB on {} with data file {} ({} bytes, fsync {})", address, dataFile,
                store.getFileStore().size(), fsync ? "on" : "off");
        return new EmbeddedMongoServer(dataFile, lock, backend, server, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path dataFile() {
        return dataFile;
    }

    /** The backend, for tests and measurements. */
    DurableH2Backend backend() {
        return backend;
    }

    /**
     * Stops accepting connections, lets running commands finish, then commits and closes the data
     * file, and compacts it if a write burst left it much larger than its data (see
     * {@link DataFile#compactIfWorthwhile}).
     */
    @Override
    public void close() {
        if (!lock.isOpen()) {
            return;
        }
        try {
            server.shutdownNow(); // closes the backend once the event loops have stopped
            DataFile.compactIfWorthwhile(dataFile, backend.liveBytesAtClose());
        } finally {
            DataFile.closeQuietly(lock);
        }
    }
}
