package vn.qms.doccontrol.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The BSON a stored document was last written as, kept by the document's identity for as long as the
 * document is neither changed nor collected, so that a commit writes an unchanged document by copying
 * its bytes instead of encoding it again.
 *
 * <p>Why: a commit rewrites every page a write touched, whole, so each insert into a page of sixteen
 * small documents (a revision row, an audit entry, a register timeline) encoded the fifteen that had
 * not changed again, at every commit that touched the page.
 *
 * <p>The server changes a stored document in place in exactly one place, an update, and tells the
 * collection right after ({@code handleUpdate}); {@link DurableH2Database}'s collections call
 * {@link #changed} there, before any commit can run (a commit waits for write commands being applied).
 * Kept weakly, so a document the page cache dropped is forgotten with it; only small documents, and
 * at most {@value #MAX_BYTES} bytes of them.
 */
final class EncodedDocuments {

    /** Beyond this, documents are encoded every time again until collected ones free room. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /**
     * Larger documents are not kept: a page splits at 16 KB, so a document this large shares its page
     * with one other at most, and keeping the 2-50 KB commits of the event store would crowd out the
     * small documents that share pages by the dozen, for little.
     */
    static final int MAX_DOCUMENT_BYTES = 8 * 1024;

    private final ConcurrentHashMap<Key, byte[]> encodings = new ConcurrentHashMap<>();
    private final ReferenceQueue<Document> collected = new ReferenceQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    /** The bytes {@code document} was last written as, or null when it changed since or was never written. */
    byte[] encodingOf(Document document) {
        forgetCollected();
        return encodings.get(new Probe(document));
    }

    void written(Document document, byte[] encoding) {
        forgetCollected();
        if (encoding.length > MAX_DOCUMENT_BYTES || bytes.get() + encoding.length > MAX_BYTES) {
            return;
        }
        byte[] previous = encodings.put(new Key(document, collected), encoding);
        bytes.addAndGet(encoding.length - (previous == null ? 0 : previous.length));
    }

    /** Called once the server changed {@code document} in place or removed it. */
    void changed(Document document) {
        byte[] removed = encodings.remove(new Probe(document));
        if (removed != null) {
            bytes.addAndGet(-removed.length);
        }
    }

    private void forgetCollected() {
        Reference<? extends Document> gone;
        while ((gone = collected.poll()) != null) {
            byte[] removed = encodings.remove(gone);
            if (removed != null) {
                bytes.addAndGet(-removed.length);
            }
        }
    }

    /**
     * A stored key, equal to a key of the same instance (and found by a {@link Probe} of it): documents
     * that are equal in content are still two documents.
     */
    private static final class Key extends WeakReference<Document> {

        private final int hash;

        Key(Document document, ReferenceQueue<Document> queue) {
            super(document, queue);
            this.hash = System.identityHashCode(document);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key key) || key.hash != hash) {
                return false;
            }
            Document referent = get();
            return referent != null && referent == key.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Looks a document up without creating a weak reference on every lookup (one per document of every
     * page a commit writes): {@link ConcurrentHashMap} compares the argument with the stored key, so
     * this side decides equality.
     */
    private record Probe(Document document) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.get() == document;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(document);
        }
    }
}
