package vn.qms.doccontrol.query.projection;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.qms.doccontrol.events.DocumentEvent;

/**
 * What a batch's handlers will read about its documents, read in one query when the batch begins
 * ({@link BatchedProjection#beginBatch}) instead of one lookup per event. A document the query did not
 * find is remembered as absent, so a new document costs no lookup either. Outside a batch, or for a
 * document the batch does not name, {@link #find} reads it at once.
 *
 * @param <T> what is read per document
 */
public final class BatchReads<T> {

    private final Class<? extends DocumentEvent> eventType;
    private final Function<Set<String>, Map<String, T>> readAll;
    private final Function<String, Optional<T>> readOne;
    private final Map<String, Optional<T>> read = new HashMap<>();

    /**
     * @param eventType the events whose documents are read
     * @param readAll   what is stored for these documents, by document id (absent ones left out)
     * @param readOne   the same for one document
     */
    public BatchReads(Class<? extends DocumentEvent> eventType, Function<Set<String>, Map<String, T>> readAll,
                      Function<String, Optional<T>> readOne) {
        this.eventType = eventType;
        this.readAll = readAll;
        this.readOne = readOne;
    }

    /** Reads, in one query, what is stored for every document an event of the batch is about. */
    public void begin(List<?> payloads) {
        read.clear();
        Set<String> documentIds = new LinkedHashSet<>();
        for (Object payload : payloads) {
            if (eventType.isInstance(payload)) {
                documentIds.add(((DocumentEvent) payload).documentId());
            }
        }
        if (documentIds.isEmpty()) {
            return;
        }
        documentIds.forEach(id -> read.put(id, Optional.empty()));
        readAll.apply(documentIds).forEach((id, found) -> read.put(id, Optional.of(found)));
    }

    /** Forgets what was read: after a batch, its writes make it stale. */
    public void clear() {
        read.clear();
    }

    /** What was stored for the document when the batch began, else what is stored now. */
    public Optional<T> find(String documentId) {
        Optional<T> found = read.get(documentId);
        return found != null ? found : readOne.apply(documentId);
    }
}
