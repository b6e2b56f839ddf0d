package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Refuses writes to the embedded server while the disk of its data file has less free space than a
 * reserve, before they touch the store.
 *
 * <p>Why before: H2's MVStore treats a failed file write as fatal and closes the store, so a write
 * that ran into a full disk would take the whole server down until a restart. Refused up front, a
 * write changes nothing, reads go on, and writes are accepted again by themselves once space is
 * freed. The reserve covers what one commit (a chunk of tens of kilobytes) and the housekeeping
 * need; the answer to a refused write is MongoDB's own {@code OutOfDiskSpace} error, which the
 * HTTP API turns into 503.
 */
public final class FreeSpaceGuard {

    /** MongoDB's error code for a full disk. */
    public static final int OUT_OF_DISK_SPACE = 14031;
    public static final long DEFAULT_RESERVE_BYTES = 64L * 1024 * 1024;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Free bytes on the disk of a directory; a seam for tests, which cannot fill a real disk. */
    @FunctionalInterface
    public interface UsableSpace {
        long bytes(Path directory) throws IOException;

        UsableSpace FILE_STORE = directory -> Files.getFileStore(directory).getUsableSpace();
    }

    private final Path directory;
    private final long reserveBytes;
    private final UsableSpace usableSpace;
    private volatile long checkedAtNanos;
    private volatile long lastUsableBytes = Long.MAX_VALUE;

    public FreeSpaceGuard(Path directory, long reserveBytes, UsableSpace usableSpace) {
        this.directory = directory;
        this.reserveBytes = reserveBytes;
        this.usableSpace = usableSpace;
        this.checkedAtNanos = System.nanoTime() - RECHECK_NANOS;
    }

    static FreeSpaceGuard withDefaultReserve(Path directory) {
        return new FreeSpaceGuard(directory, DEFAULT_RESERVE_BYTES, UsableSpace.FILE_STORE);
    }

    /** @throws MongoServerError {@code OutOfDiskSpace} while the free space is below the reserve */
    void checkWriteAllowed() {
        long usable = usableBytes();
        if (usable < reserveBytes) {
            throw new MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace",
                    "the disk of the data directory has " + usable + " bytes free, less than the reserve of "
                            + reserveBytes + " bytes (qms.embedded.reserve-disk-space); nothing was written");
        }
    }

    /** Free bytes as last measured; measured at most every 200 ms (the call costs a system call). */
    public long usableBytes() {
        long now = System.nanoTime();
        if (now - checkedAtNanos >= RECHECK_NANOS) {
            try {
                lastUsableBytes = usableSpace.bytes(directory);
            } catch (IOException e) {
                // Unknown is not full: the store itself still refuses a write it cannot make.
                lastUsableBytes = Long.MAX_VALUE;
            }
            checkedAtNanos = now;
        }
        return lastUsableBytes;
    }

    public long reserveBytes() {
        return reserveBytes;
    }
}
