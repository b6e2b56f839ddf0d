package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend of mongo-java-server made durable: no write command is answered before its
 * effect is in the data file, unless it asks for that with write concern {@code j: false}
 * ({@link #unjournaled}).
 *
 * <p>Out of the box {@link H2Backend} leaves committing to the MVStore's background thread (about
 * once a second), so a process killed right after an acknowledged write loses it. Here every write
 * command is followed by {@link MVStore#commit()} (and, with {@code fsync}, by
 * {@link MVStore#sync()}) before its reply is built. The commit is store-wide, so concurrent
 * writers share one ("group commit"): each writer takes a ticket after applying its change, and a
 * commit started after ticket {@code t} was taken covers every change up to {@code t}. A commit
 * waits for the write commands being applied to finish and holds new ones back meanwhile, so that it
 * never captures half a command (a document without its index entries).
 *
 * <p>The hook is {@link #handleMessage}: every OP_MSG command arrives there (and is dispatched to
 * {@code handleCommand} inside it). Non-{@code $cmd} OP_QUERY reads arrive through
 * {@link #handleQuery}.
 *
 * <p>Reads: MVStore shows changes to readers before they are committed, so a read that ran while
 * a write was pending waits for the commit covering it (see {@link #mayHaveSeenPendingWrites}): no
 * client sees data a crash could take back.
 *
 * <p>Space: the store runs with retention time 0 (a chunk whose data is all superseded is reused
 * at the next commit instead of after 45 s: with a commit per write the default retention kept
 * ~45 s of chunks, about 750 MB after 20,000 inserts), and a housekeeping thread rewrites sparse
 * chunks ({@link #compact}). Retention 0 is safe for concurrent readers only because every
 * command pins the MVStore version it reads ({@link MVStore#registerVersionUsage()}): chunks still
 * referenced by a pinned version are not reused. See {@link DataFile} for how the store is opened
 * and compacted offline when the server stops.
 *
 * <p>Power loss (fsync on): every store of the MVStore is made under {@code commitLock} and
 * forced to the disk before the lock is released (H2's background writer is off, compaction
 * commits through {@link #awaitDurable}), so when a store reuses a dead chunk, the version that
 * stopped referencing it is already on the disk.
 */
class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /**
     * Commands that never change stored data. Everything else is treated as a write: a command
     * this list does not know costs at most one (usually empty, hence cheap) commit, while a write
     * missing from a write list would be acknowledged before it is durable.
     */
    private static final Set<String> READ_ONLY_COMMANDS = caseInsensitive(
            "find", "getMore", "count", "distinct", "listCollections", "listIndexes", "listDatabases",
            "killCursors", "hello", "isMaster", "ping", "buildInfo", "serverStatus", "dbStats", "collStats",
            "validate", "whatsmyuri", "getLastError", "resetError", "connectionStatus", "hostInfo",
            "getCmdLineOpts", "getLog", "getFreeMonitoringStatus", "endSessions", "replSetGetStatus");

    /** Compaction: rewrite sparse chunks while less than this percentage of all chunk bytes is live. */
    static final int CHUNK_FILL_TARGET = 70;
    /** Compaction: a chunk at most this percentage live is sparse. */
    static final int SPARSE_CHUNK_FILL = 50;
    /** Live bytes rewritten per compaction step, so a step holds the store lock for milliseconds. */
    static final int BYTES_PER_STEP = 256 * 1024;
    /** Upper bound of one housekeeping run. */
    private static final long RUN_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final long HOUSEKEEPING_PERIOD_MILLIS = 200;
    /** Without fsync, housekeeping forces the file to the disk this often. */
    private static final long SYNC_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Compaction: chunks of the last this many commits are young (their pages are cached). */
    static final long YOUNG_VERSIONS = 2000;
    /** Time allowed to rewrite sparse chunks when the server stops (before the offline compaction). */
    private static final int CLOSE_COMPACTION_MILLIS = 500;

    private final MVStore store;
    private final Path dataFile;
    private final boolean fsync;
    private final FreeSpaceGuard freeSpace;

    /** Ticket of the last applied write (or barrier); tickets are handed out after applying. */
    private final AtomicLong appliedTicket = new AtomicLong();
    /** Every ticket up to this one is in the data file (and on the disk with fsync). */
    private volatile long durableTicket;
    /** Write commands being applied that wait for their commit (not those sent with {@code j: false}). */
    private final AtomicInteger journaledInProgress = new AtomicInteger();
    /** The ticket of the latest applied write command that waits for its commit. */
    private final AtomicLong journaledTicket = new AtomicLong();
    private final ReentrantLock commitLock = new ReentrantLock();
    /**
     * Held shared by every write command while it is applied, and exclusively by a commit, so that a
     * commit captures whole commands only. Fair: a waiting commit is not starved by a stream of writes.
     */
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock(true);
    private final AtomicLong commits = new AtomicLong();
    private final ScheduledExecutorService housekeeping;
    private volatile boolean unsyncedCommits;
    private volatile boolean closing;
    private long lastSyncNanos = System.nanoTime();
    private volatile long liveBytesAtClose = -1;

    DurableH2Backend(MVStore store, Path dataFile, boolean fsync, FreeSpaceGuard freeSpace) {
        super(store);
        this.store = store;
        this.dataFile = dataFile;
        this.fsync = fsync;
        this.freeSpace = freeSpace;
        verifyAllDatabasesOpened();
        this.housekeeping = startHousekeeping();
    }

    /** Databases whose {@code findAndModify} answers with a copy (see {@link DurableH2Database}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from H2Backend's constructor too, before this class's fields are set.
        return DurableH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * {@link H2Backend}'s constructor logs and skips a database it fails to open; starting without
     * it would look like data loss to every client, so refuse instead.
     */
    private void verifyAllDatabasesOpened() {
        String prefix = "databases.";
        Set<String> expected = store.getMapNames().stream()
                .filter(name -> name.startsWith(prefix))
                .map(name -> Utils.firstFragment(name.substring(prefix.length())))
                .collect(Collectors.toSet());
        Set<String> opened = listDatabaseNames();
        if (!opened.containsAll(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(opened);
            store.closeImmediately();
            throw new EmbeddedDataFileException(dataFile,
                    "the database(s) " + missing + " in it could not be opened (see the log above)", null);
        }
    }

    /**
     * Every OP_MSG, which is everything the 5.x driver sends once connected. {@link H2Backend}
     * dispatches it to {@code handleCommand(Channel, ...)} inside this call.
     *
     * <p>Why not override {@code handleCommand} itself: its first parameter is Netty's
     * {@code Channel}, which mongo-java-server declares as a runtime-only dependency, so this
     * module cannot name it without a new compile dependency. The only other way in is a legacy
     * OP_QUERY on {@code $cmd}; the driver uses it for nothing but its first handshake, and what
     * such a command would write is still committed by the next write or by housekeeping within
     * {@value #HOUSEKEEPING_PERIOD_MILLIS} ms (not before it is answered).
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.keySet().iterator().next();
        if (isReadOnly(command, body)) {
            Document response = pinned(() -> super.handleMessage(message));
            if (mayHaveSeenPendingWrites()) {
                // Documents in the answer may be the instances the store holds, which updates
                // change in place: copy them before waiting, not to answer with a later state.
                response = response.cloneDeeply();
                awaitDurable(appliedTicket.incrementAndGet());
            }
            return response;
        }
        freeSpace.checkWriteAllowed();
        boolean journaled = !unjournaled(body);
        if (journaled) {
            journaledInProgress.incrementAndGet();
        }
        long ticket;
        Document response;
        applying.readLock().lock();
        try {
            response = pinned(() -> super.handleMessage(message));
        } finally {
            // Also after a failed command: an insert batch may have applied some documents.
            ticket = appliedTicket.incrementAndGet();
            if (journaled) {
                journaledTicket.accumulateAndGet(ticket, Math::max);
                journaledInProgress.decrementAndGet();
            }
            applying.readLock().unlock();
            if (journaled) {
                awaitDurable(ticket);
            }
        }
        return response;
    }

    /**
     * A write sent with write concern {@code j: false} is answered without waiting for its commit,
     * as MongoDB answers it before its journal is written; the next commit carries it into the file
     * (see {@link CarriedByNextCommit}, which says who may ask for it and why it is safe).
     */
    private static boolean unjournaled(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        QueryResult result = pinned(() -> super.handleQuery(query));
        if (mayHaveSeenPendingWrites()) {
            awaitDurable(appliedTicket.incrementAndGet());
        }
        return result;
    }

    private static boolean isReadOnly(String command, Document query) {
        if (command.equalsIgnoreCase("aggregate")) {
            // An aggregation writes only through a final $out or $merge stage.
            Object pipeline = query.get("pipeline");
            if (pipeline instanceof List<?> stages && !stages.isEmpty()
                    && stages.get(stages.size() - 1) instanceof Document last) {
                return !last.containsKey("$out") && !last.containsKey("$merge");
            }
            return true;
        }
        return READ_ONLY_COMMANDS.contains(command);
    }

    private interface Operation<T> {
        T run();
    }

    /**
     * Runs an operation with the current MVStore version pinned, so that the chunks it reads are not
     * reused under it (the store runs with retention time 0).
     */
    private <T> T pinned(Operation<T> operation) {
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            return operation.run();
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    /**
     * Whether a read that just ran may have seen changes of a write that waits for its commit and is
     * not durable yet (MVStore shows uncommitted changes to everyone). Such a read is answered only
     * once a commit covers everything applied so far, so that no client sees an acknowledged kind of
     * write that a crash could take back. Two volatile reads when no such write is pending. Correct
     * because a writer records its ticket before it leaves {@code journaledInProgress}: seeing no such
     * write in progress, then its latest ticket durable, means every such change this read could have
     * seen is in the file.
     *
     * <p>Writes sent with {@code j: false} ({@link CarriedByNextCommit}) do not make a read wait: their
     * writers redo them after a crash (a projection's batch, whose token is stored after it), and any
     * later commit, which a read of a journaled write or housekeeping makes within
     * {@value #HOUSEKEEPING_PERIOD_MILLIS} ms, carries them. Waiting for them made every read of a
     * projection that follows its own writes a commit of its own.
     */
    private boolean mayHaveSeenPendingWrites() {
        return journaledInProgress.get() != 0 || durableTicket < journaledTicket.get();
    }

    /**
     * Returns once every change applied before {@code ticket} was taken is in the data file. Group
     * commit: whoever gets the lock first commits for everyone who took a ticket before it started;
     * the others find their ticket covered and return without a commit of their own.
     */
    void awaitDurable(long ticket) {
        if (durableTicket >= ticket) {
            return;
        }
        commitLock.lock();
        try {
            if (durableTicket >= ticket) {
                return;
            }
            long covered;
            try {
                // No write command is half applied while the store commits: a commit taken between
                // an insert's document and its index entries would make that half durable, and a
                // crash right after left a document its unique indexes do not know (seen: an event
                // that the tracking reader found by _id and the aggregate's lookup did not).
                applying.writeLock().lock();
                try {
                    // Every ticket up to this one belongs to a change applied before this point.
                    covered = appliedTicket.get();
                    store.commit();
                } finally {
                    applying.writeLock().unlock();
                }
                if (fsync) {
                    store.sync();
                } else {
                    unsyncedCommits = true;
                }
            } catch (MVStoreException e) {
                // The change is applied in memory but not in the file: refuse to acknowledge it,
                // and stop the store (fail-stop, the change must not become visible either).
                log.error("Cannot write the embedded MongoDB data file {}", dataFile, e);
                panic(e);
                throw new MongoServerException("the embedded MongoDB could not write its data file: " + e.getMessage(), e);
            }
            commits.incrementAndGet();
            durableTicket = covered;
        } finally {
            commitLock.unlock();
        }
    }

    private void panic(MVStoreException e) {
        try {
            store.panic(e);
        } catch (MVStoreException expected) {
            // panic rethrows what it was given
        }
    }

    /**
     * Runs {@code action} while no commit can start, for tests: a command that waits for its commit
     * does not return meanwhile, one that does not wait (see {@link #unjournaled}) does.
     */
    <T> T whileCommitsHeldBack(Callable<T> action) throws Exception {
        commitLock.lock();
        try {
            return action.call();
        } finally {
            commitLock.unlock();
        }
    }

    /** Makes everything applied so far durable (the same as a write command would). */
    void commitNow() {
        awaitDurable(appliedTicket.incrementAndGet());
    }

    /** Bytes of live pages when the store was closed, or -1 if it was not closed by {@link #close}. */
    long liveBytesAtClose() {
        return liveBytesAtClose;
    }

    /** Number of MVStore commits made for write commands and barriers (for tests and measurements). */
    long commitCount() {
        return commits.get();
    }

    MVStore store() {
        return store;
    }

    private ScheduledExecutorService startHousekeeping() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::housekeepSafely, HOUSEKEEPING_PERIOD_MILLIS,
                HOUSEKEEPING_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return executor;
    }

    private void housekeepSafely() {
        try {
            housekeep();
        } catch (RuntimeException e) {
            if (!store.isClosed()) {
                log.warn("Housekeeping of the embedded MongoDB data file {} failed", dataFile, e);
            }
        }
    }

    /**
     * Keeps the file proportional to the live data, off the write path: H2's own background thread
     * is off (it would also commit without our fsync), so this does its job.
     * <ol>
     *   <li>commit what is pending (a write sent with {@code j: false}, or a legacy OP_QUERY command);</li>
     *   <li>{@link #compact(long)};</li>
     *   <li>without fsync, force the file to the disk once per period (bounds what a power loss can
     *       take back; a process crash loses nothing either way).</li>
     * </ol>
     */
    void housekeep() {
        if (closing || store.isClosed()) {
            return;
        }
        if (store.hasUnsavedChanges()) {
            // Left by a write with j: false ({@link #unjournaled}) or one that bypassed handleMessage
            // (a legacy OP_QUERY command).
            commitNow();
        }
        compact(RUN_BUDGET_NANOS);
        long now = System.nanoTime();
        if (!fsync && unsyncedCommits && now - lastSyncNanos >= SYNC_PERIOD_NANOS) {
            unsyncedCommits = false;
            lastSyncNanos = now;
            store.sync();
        }
    }

    /**
     * Rewrites the live pages of sparse chunks in small steps, each committed through
     * {@link #awaitDurable} so that the rewritten pages are durable before the chunks they came
     * from are reused. A chunk stays in the file while any of its pages is live, and with a commit
     * per write most chunks end up sparse: an insert that splits a page leaves the chunk of the
     * previous commit with one live page among dead ones (about 35% live, measured).
     *
     * <p>Chunks at most {@value #SPARSE_CHUNK_FILL}% live are rewritten while all chunks together
     * are less than {@value #CHUNK_FILL_TARGET}% live, the young ones first: their pages are still
     * in the page cache, so rewriting them costs no read and no deserialization of documents. New
     * chunks go to the first hole that fits. Each step rewrites at most {@value #BYTES_PER_STEP}
     * bytes, so it holds the store lock (and delays commits) for milliseconds.
     */
    void compact(long budgetNanos) {
        CompactingFileStore fileStore = (CompactingFileStore) store.getFileStore();
        long started = System.nanoTime();
        long deadline = started + budgetNanos;
        int chunkFillBefore = fileStore.getChunksFillRate();
        int youngSteps = 0;
        while (fileStore.getChunksFillRate() < CHUNK_FILL_TARGET && System.nanoTime() < deadline
                && step(() -> fileStore.rewriteSparseYoungChunks(YOUNG_VERSIONS, BYTES_PER_STEP, SPARSE_CHUNK_FILL))) {
            youngSteps++;
        }
        int oldSteps = 0;
        while (fileStore.getChunksFillRate() < CHUNK_FILL_TARGET && System.nanoTime() < deadline
                && step(() -> fileStore.rewriteSparseChunks(BYTES_PER_STEP, SPARSE_CHUNK_FILL))) {
            oldSteps++;
        }
        if (youngSteps + oldSteps > 0 && log.isDebugEnabled()) {
            log.debug("Compaction: {} young + {} old steps in {} ms; chunks {}% -> {}% live; file {} bytes",
                    youngSteps, oldSteps, (System.nanoTime() - started) / 1_000_000, chunkFillBefore,
                    fileStore.getChunksFillRate(), fileStore.size());
        }
    }

    private interface Rewrite {
        boolean run();
    }

    /** One compaction step: a rewrite under the store lock, then a commit. */
    private boolean step(Rewrite rewrite) {
        if (closing && store.isClosed()) {
            return false;
        }
        boolean[] rewritten = {false};
        store.executeFilestoreOperation(() -> rewritten[0] = rewrite.run());
        if (rewritten[0]) {
            commitNow();
        }
        return rewritten[0];
    }

    /**
     * Stops the backend (called by {@code MongoServer.shutdown} once no command runs any more):
     * rewrites sparse chunks for a bounded time, commits and closes the store.
     */
    @Override
    public void close() {
        closing = true;
        // Never interrupt: an interrupt during FileChannel I/O closes the channel, and the MVStore
        // with it (ClosedByInterruptException).
        housekeeping.shutdown();
        try {
            housekeeping.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!store.isClosed()) {
            compact(TimeUnit.MILLISECONDS.toNanos(CLOSE_COMPACTION_MILLIS));
            commitNow();
            liveBytesAtClose = ((CompactingFileStore) store.getFileStore()).liveBytes();
        }
        super.close(); // forgets the databases and closes the store
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
