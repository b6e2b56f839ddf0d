package vn.qms.doccontrol.query.revisions;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.platform.eventstore.EventLookup;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.storage.WholeDocuments;

/**
 * The {@code revisions} collection: one document per revision, {@code _id} = documentId:revision,
 * so that one revision is an {@code _id} lookup and a document's history an {@code $in} over
 * {@code _id}s, which the embedded server answers from its index too. A revision's content is read
 * from the event store ({@link RevisionRow}).
 */
@Repository
public class RevisionRepository {

    public static final String COLLECTION = "revisions";

    private final MongoCollection<Document> revisions;
    private final EventLookup events;
    private final WholeDocuments writes;

    public RevisionRepository(MongoDatabase database, EventLookup events, WholeDocuments writes) {
        this.revisions = database.getCollection(COLLECTION);
        this.writes = writes;
        this.events = events;
    }

    /** Writing the same revision again leaves the same row: replays and redeliveries are harmless. */
    void save(RevisionRow row) {
        saveAll(List.of(row));
    }

    /** Like {@link #save}, for a batch: one bulk write. */
    void saveAll(Collection<RevisionRow> batch) {
        writes.replaceAll(revisions, batch.stream().map(RevisionBson::toBson).toList());
    }

    /**
     * One revision with its content: the row by {@code _id}, then its event from the event store by
     * the document's sequence number. Both are lookups.
     *
     * @throws IllegalStateException when the event store lacks the event the row names, which only a
     *                               damaged event store can cause
     */
    public Optional<Revision> find(String documentId, int revision) {
        Document found = revisions.find(Filters.eq(RevisionBson.ID, RevisionBson.id(documentId, revision))).first();
        return Optional.ofNullable(found).map(RevisionBson::fromBson).map(this::withContent);
    }

    private Revision withContent(RevisionRow row) {
        Object payload = events.event(row.summary().documentId(), row.sequenceNumber())
                .orElseThrow(() -> new IllegalStateException("The event store has no event " + row.sequenceNumber()
                        + " of document " + row.summary().documentId() + ", which revision " + row.summary().revision()
                        + " was projected from"))
                .getPayload();
        String content;
        if (payload instanceof DocumentIssuedEvent issued && issued.revision() == row.summary().revision()) {
            content = issued.content();
        } else if (payload instanceof DocumentRevisedEvent revised && revised.revision() == row.summary().revision()) {
            content = revised.content();
        } else {
            throw new IllegalStateException("Event " + row.sequenceNumber() + " of document " + row.summary().documentId()
                    + " is not revision " + row.summary().revision() + " but " + payload.getClass().getSimpleName());
        }
        return Revision.of(row.summary(), content);
    }

    /** The type recorded with revision 1, which later revision events do not repeat. */
    public Optional<DocumentType> typeOf(String documentId) {
        Document found = revisions.find(Filters.eq(RevisionBson.ID, RevisionBson.id(documentId, 1)))
                .projection(Projections.include(RevisionBson.TYPE))
                .first();
        return Optional.ofNullable(found)
                .map(bson -> bson.getString(RevisionBson.TYPE))
                .map(DocumentType::valueOf);
    }

    /** Like {@link #typeOf} for several documents: one {@code $in}; documents never issued are absent. */
    Map<String, DocumentType> typesOf(Collection<String> documentIds) {
        Map<String, DocumentType> types = new HashMap<>();
        if (documentIds.isEmpty()) {
            return types;
        }
        List<String> firstRevisions = documentIds.stream().map(id -> RevisionBson.id(id, 1)).toList();
        for (Document found : revisions.find(Filters.in(RevisionBson.ID, firstRevisions))
                .projection(Projections.include("documentId", RevisionBson.TYPE))) {
            types.put(found.getString("documentId"), DocumentType.valueOf(found.getString(RevisionBson.TYPE)));
        }
        return types;
    }

    /** Revisions 1..latestRevision without their content, in revision order. */
    public List<RevisionSummary> summaries(String documentId, int latestRevision) {
        List<String> ids = IntStream.rangeClosed(1, latestRevision).mapToObj(n -> RevisionBson.id(documentId, n)).toList();
        return revisions.find(Filters.in(RevisionBson.ID, ids))
                .map(RevisionBson::fromBson)
                .into(new ArrayList<>())
                .stream()
                .map(RevisionRow::summary)
                .sorted(Comparator.comparingInt(RevisionSummary::revision))
                .toList();
    }

    public void clear() {
        Emptying.empty(revisions);
    }
}
