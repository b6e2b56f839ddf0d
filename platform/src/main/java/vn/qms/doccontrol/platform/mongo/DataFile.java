package vn.qms.doccontrol.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the MVStore behind the embedded MongoDB with the settings {@link DurableH2Backend} relies
 * on, and refuses a data file that exists but cannot be used as it is.
 *
 * <p>Settings, and why:
 * <ul>
 *   <li>{@code autoCommitDisabled}: no H2 background thread. Every write is committed by the backend
 *       before it is answered; a background commit would only add stores that are not fsynced and
 *       compete for the store lock. Its other job, compaction, is done by the backend's
 *       housekeeping.</li>
 *   <li>a large {@code autoCommitBufferSize}: otherwise a writer thread commits in the middle of a
 *       big command once unsaved pages exceed ~19 MB, again without fsync.</li>
 *   <li>retention time 0: a chunk with no live data is reused at the next commit. H2's default,
 *       45 s, assumes about one commit a second; with a commit per write the file held 45 s of
 *       chunks (750 MB after 20,000 single-document inserts). Concurrent readers are protected by
 *       version pins instead (see {@link DurableH2Backend}).</li>
 *   <li>{@value #KEYS_PER_PAGE} keys per page instead of 48: less to serialize per commit.</li>
 *   <li>{@link CompactingFileStore}: H2's file store with compaction steps the backend can call.</li>
 * </ul>
 *
 * <p>Refusals (an {@link EmbeddedDataFileException} naming the file; nothing is written to it):
 * <ul>
 *   <li>the file is empty: H2 would silently start a new store in it;</li>
 *   <li>H2 cannot open it (corrupt, not an H2 file, locked by another process);</li>
 *   <li>H2 could only recover an older state than its header records as written: that is a
 *       truncated or damaged file (or a power loss with fsync off) and starting would silently
 *       drop acknowledged writes. A process crash never causes this: the header is written after
 *       the chunk it names.</li>
 * </ul>
 */
final class DataFile {

    /** In KB: 1 GB. Unsaved pages are bounded by the largest command anyway (48 MB message). */
    private static final int AUTO_COMMIT_BUFFER_KB = 1024 * 1024;
    private static final int BLOCK_SIZE = 4096;
    /**
     * Entries per B-tree page (H2's default is 48). A commit writes every page a write touched,
     * whole, and values are Java-serialized documents: smaller leaves mean less to serialize per
     * commit. Measured for single-document inserts of ~1 KB: 48 keys, ~510 us CPU and 36 KB
     * written per commit; 16 keys, ~330-400 us and 27 KB.
     */
    private static final int KEYS_PER_PAGE = 16;
    /**
     * Page cache. Documents count with their real size ({@link StoredDocumentType}); H2's 16 MB
     * default then held too few of the pages a command reads (a revise command loads the
     * document's events): commands/s fell by half in the command benchmark.
     */
    static final int CACHE_MEGABYTES = 128;
    /** Offline compaction: bounds the unsaved pages a copy holds in memory. */
    private static final int COPY_ENTRIES_PER_COMMIT = 10_000;
    /** Compact the closed file if it is more than this multiple of its live data (plus the bytes below). */
    static final long COMPACT_ABOVE_LIVE_MULTIPLE = 2;
    private static final long COMPACT_ABOVE_BYTES = 4L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(DataFile.class);

    private DataFile() {
    }

    /**
     * Locks {@code <file>.lock} for as long as the returned channel is open. Held from before the
     * data file is opened until after its compaction on stop: H2's own lock is on the data file and
     * ends when the store closes, but the compaction then still replaces the file, and a process
     * that opened it in between would go on writing to the replaced one. The lock file is never
     * deleted (deleting lock files reopens the race).
     */
    static FileChannel lock(Path dataFile) {
        Path lockFile = dataFile.resolveSibling(dataFile.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the lock file " + lockFile, e);
        }
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
        closeQuietly(channel);
        throw new EmbeddedDataFileException(dataFile,
                "it is locked by another process (is another instance running on the same qms.data-dir?)", null);
    }

    static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // releasing the lock: nothing to do about it
        }
    }

    /** Opens the store; the caller holds {@link #lock}. */
    static MVStore open(Path dataFile) {
        deleteLeftoverCompactionCopy(dataFile);
        long headerVersion = -1;
        if (Files.exists(dataFile)) {
            long size = size(dataFile);
            if (size == 0) {
                throw new EmbeddedDataFileException(dataFile,
                        "it is empty (0 bytes), which is not a valid store; H2 would start a new, empty one in it",
                        null);
            }
            headerVersion = headerVersion(dataFile);
        }
        MVStore store;
        try {
            CompactingFileStore fileStore = new CompactingFileStore();
            fileStore.open(dataFile.toString(), false, null);
            store = new MVStore.Builder()
                    .adoptFileStore(fileStore)
                    .autoCommitDisabled()
                    .autoCommitBufferSize(AUTO_COMMIT_BUFFER_KB)
                    .keysPerPage(KEYS_PER_PAGE)
                    .cacheSize(CACHE_MEGABYTES)
                    .open();
        } catch (MVStoreException e) {
            String reason = e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    ? "it is locked by another process (is another instance running on the same qms.data-dir?)"
                    : "H2 cannot open it (" + e.getMessage() + ")";
            throw new EmbeddedDataFileException(dataFile, reason, e);
        } catch (RuntimeException e) {
            throw new EmbeddedDataFileException(dataFile, "H2 cannot open it (" + e + ")", e);
        }
        long recoveredVersion = store.getFileStore().lastChunkVersion();
        // With fsync on, a power loss during a commit may leave the header of that (unacknowledged)
        // commit on the disk without its chunk: one version back is expected then.
        if (headerVersion > 0 && recoveredVersion < headerVersion - 1) {
            store.closeImmediately();
            throw new EmbeddedDataFileException(dataFile, "its header records version " + headerVersion
                    + " as written, but only version " + recoveredVersion + " can be read back, so "
                    + "acknowledged writes are missing (a truncated or damaged file, or a power loss with "
                    + "qms.embedded.fsync=false)", null);
        }
        store.setRetentionTime(0);
        return store;
    }

    /**
     * Rewrites the closed data file into a new one holding only its live pages and atomically
     * replaces it, if the file is more than {@value #COMPACT_ABOVE_LIVE_MULTIPLE} times its live
     * data. The running server compacts by rewriting sparse chunks, but only a copy gives back the
     * holes a write burst left.
     *
     * <p>Crash safety: the copy is written to {@code <file>.compact}, forced to the disk, checked
     * (it opens and has the same maps with the same numbers of entries) and only then renamed over
     * the data file with an atomic move; the directory is forced afterwards. Killed at any point,
     * either the old or the new complete file is in place; a leftover copy is deleted at the next
     * start. If the file system cannot move atomically, the copy is dropped and the file kept.
     *
     * @return the size of the data file afterwards
     */
    static long compactIfWorthwhile(Path dataFile, long liveBytes) {
        long size = size(dataFile);
        if (liveBytes < 0 || size <= COMPACT_ABOVE_LIVE_MULTIPLE * liveBytes + COMPACT_ABOVE_BYTES) {
            return size;
        }
        Path copy = compactionCopy(dataFile);
        try {
            Files.deleteIfExists(copy);
            Map<String, Long> expected = entryCounts(dataFile);
            copyLiveData(dataFile, copy);
            if (!expected.equals(entryCounts(copy))) {
                log.warn("Compacting {} produced a copy with other contents; keeping the file as it is", dataFile);
                Files.deleteIfExists(copy);
                return size;
            }
            force(copy, false);
            Files.move(copy, dataFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            force(dataFile.getParent(), true);
            long compacted = size(dataFile);
            log.info("Compacted the embedded MongoDB data file {} from {} to {} bytes", dataFile, size, compacted);
            return compacted;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not compact {}; keeping the file as it is", dataFile, e);
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // deleted at the next start
            }
            return size(dataFile);
        }
    }

    /**
     * Writes every map's entries into a new file. H2's {@code MVStoreTool.compact} cannot: it
     * opens maps with its own types, and ours are not H2's defaults ({@link MapLayout}).
     */
    private static void copyLiveData(Path dataFile, Path copy) {
        MVStore source = new MVStore.Builder().fileName(dataFile.toString()).readOnly().open();
        try {
            MVStore target = new MVStore.Builder().fileName(copy.toString()).autoCommitDisabled()
                    .keysPerPage(KEYS_PER_PAGE).open();
            try {
                for (String name : source.getMapNames()) {
                    MVMap<Object, Object> from = MapLayout.open(source, name);
                    MVMap<Object, Object> to = MapLayout.open(target, name);
                    long copied = 0;
                    for (Map.Entry<Object, Object> entry : from.entrySet()) {
                        to.put(entry.getKey(), entry.getValue());
                        if (++copied % COPY_ENTRIES_PER_COMMIT == 0) {
                            target.commit();
                        }
                    }
                    target.commit();
                }
            } finally {
                target.close();
            }
        } finally {
            source.close();
        }
    }

    /** Number of entries of every map (stored in the root pages: cheap). */
    private static Map<String, Long> entryCounts(Path file) {
        Map<String, Long> counts = new TreeMap<>();
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            for (String name : store.getMapNames()) {
                counts.put(name, MapLayout.open(store, name).sizeAsLong());
            }
        } finally {
            store.close();
        }
        return counts;
    }

    private static void force(Path path, boolean directory) throws IOException {
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // some platforms cannot open a directory; the rename is durable there once the OS says so
        }
    }

    static Path compactionCopy(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".compact");
    }

    private static void deleteLeftoverCompactionCopy(Path dataFile) {
        try {
            if (Files.deleteIfExists(compactionCopy(dataFile))) {
                log.info("Deleted {} left over by an interrupted compaction (the data file is complete)",
                        compactionCopy(dataFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + compactionCopy(dataFile), e);
        }
    }

    private static long size(Path dataFile) {
        try {
            return Files.size(dataFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded MongoDB data file " + dataFile, e);
        }
    }

    /**
     * The newest version named by one of the two copies of the store header (the first two 4 KB
     * blocks), or -1 if neither copy is readable (H2 then refuses the file itself).
     */
    static long headerVersion(Path dataFile) {
        ByteBuffer blocks = ByteBuffer.allocate(2 * BLOCK_SIZE);
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            while (blocks.hasRemaining() && channel.read(blocks) > 0) {
                // read both header blocks
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded MongoDB data file " + dataFile, e);
        }
        byte[] bytes = blocks.array();
        long newest = -1;
        for (int offset = 0; offset < blocks.position() - BLOCK_SIZE + 1; offset += BLOCK_SIZE) {
            Map<String, String> header = parseChecksummedHeader(bytes, offset, BLOCK_SIZE);
            if (header != null) {
                newest = Math.max(newest, DataUtils.readHexLong(header, "version", 0));
            }
        }
        return newest;
    }

    /** Parses "key:value,...,fletcher:checksum" as H2 writes it; null if the checksum does not match. */
    private static Map<String, String> parseChecksummedHeader(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && bytes[start] <= ' ') {
            start++;
        }
        while (start < end && bytes[end - 1] <= ' ') {
            end--;
        }
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        int checksumAt = text.lastIndexOf(",fletcher:");
        if (checksumAt < 0) {
            return null;
        }
        try {
            int expected = (int) Long.parseLong(text.substring(checksumAt + ",fletcher:".length()), 16);
            if (expected != DataUtils.getFletcher32(bytes, start, checksumAt)) {
                return null;
            }
            return DataUtils.parseMap(text.substring(0, checksumAt));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
