package vn.qms.doccontrol.platform.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store with two compaction steps made callable, for
 * {@link DurableH2Backend}'s housekeeping.
 *
 * <p>Why not H2's own: its public {@code MVStore.compact(fillRate, bytes)} rewrites chunks of any
 * fill rate (it passes 100 inside) and ranks them by fill rate divided by age, so on a file of
 * many old, full chunks it copies full chunks around and the sparse young ones stay; and
 * {@code compactMoveChunks}, which {@code compactFile} and {@code close(millis)} use to fill holes,
 * can misplace a chunk in h2 2.3.232 (an assertion fails under {@code -ea}; fixed in 2.4.240).
 * Both steps here only rewrite live pages through the normal write path, so the file never holds
 * anything but committed chunks.
 */
final class CompactingFileStore extends SingleFileStore {

    /** H2's block size (FileStore.BLOCK_SIZE, not public). */
    static final int BLOCK_SIZE = 4096;

    /** When not negative, only chunks of this version or newer are rewritten. */
    private volatile long rewriteFromVersion = -1;

    CompactingFileStore() {
        super(new HashMap<>());
    }

    /**
     * Rewrites (up to about {@code writeLimit} live bytes of) the live pages of chunks at most
     * {@code maxFillRate} percent live. The caller holds the store lock and commits afterwards.
     *
     * @return whether anything was rewritten
     */
    boolean rewriteSparseChunks(int writeLimit, int maxFillRate) {
        return rewriteChunks(writeLimit, maxFillRate);
    }

    /**
     * As {@link #rewriteSparseChunks}, among the chunks written in the last {@code versions}
     * commits only: their pages are still in the page cache, so rewriting them costs no read (and
     * no deserialization of the documents).
     */
    boolean rewriteSparseYoungChunks(long versions, int writeLimit, int maxFillRate) {
        rewriteFromVersion = Math.max(0, getMvStore().getCurrentVersion() - versions);
        try {
            return rewriteChunks(writeLimit, maxFillRate);
        } finally {
            rewriteFromVersion = -1;
        }
    }

    /** Bytes of live pages in all chunks. */
    long liveBytes() {
        long live = 0;
        for (Chunk<?> chunk : chunks().values()) {
            live += chunk.maxLenLive;
        }
        return live;
    }

    private Map<Integer, ? extends Chunk<?>> chunks() {
        return getChunks();
    }

    /** Candidates for {@code rewriteChunks}: all chunks, or only the young ones. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Collection getRewriteCandidates() {
        long from = rewriteFromVersion;
        if (from < 0) {
            return super.getRewriteCandidates();
        }
        List candidates = new ArrayList();
        for (Chunk<?> chunk : chunks().values()) {
            if (chunk.version >= from) {
                candidates.add(chunk);
            }
        }
        return candidates;
    }
}
