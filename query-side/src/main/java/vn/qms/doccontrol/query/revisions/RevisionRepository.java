package vn.qms.doccontrol.query.revisions;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.events.DocumentType;

/**
 * The {@code revisions} collection: one document per revision, {@code _id} = documentId:revision,
 * so that one revision is an {@code _id} lookup and a document's history an {@code $in} over
 * {@code _id}s, which the embedded server answers from its index too.
 */
@Repository
public class RevisionRepository {

    public static final String COLLECTION = "revisions";

    private final MongoCollection<Document> revisions;

    public RevisionRepository(MongoDatabase database) {
        this.revisions = database.getCollection(COLLECTION);
    }

    /** Writing the same revision again leaves the same row: replays and redeliveries are harmless. */
    public void save(Revision revision) {
        revisions.replaceOne(Filters.eq(RevisionBson.ID, RevisionBson.id(revision.documentId(), revision.revision())),
                RevisionBson.toBson(revision), new ReplaceOptions().upsert(true));
    }

    /** Like {@link #save}, for a batch: one bulk write. */
    public void saveAll(Collection<Revision> batch) {
        if (batch.isEmpty()) {
            return;
        }
        revisions.bulkWrite(batch.stream()
                .<WriteModel<Document>>map(revision -> new ReplaceOneModel<>(
                        Filters.eq(RevisionBson.ID, RevisionBson.id(revision.documentId(), revision.revision())),
                        RevisionBson.toBson(revision), new ReplaceOptions().upsert(true)))
                .toList());
    }

    public Optional<Revision> find(String documentId, int revision) {
        Document found = revisions.find(Filters.eq(RevisionBson.ID, RevisionBson.id(documentId, revision))).first();
        return Optional.ofNullable(found).map(RevisionBson::fromBson);
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

    /** Revisions 1..latestRevision without their content, in revision order. */
    public List<RevisionSummary> summaries(String documentId, int latestRevision) {
        List<String> ids = IntStream.rangeClosed(1, latestRevision).mapToObj(n -> RevisionBson.id(documentId, n)).toList();
        return revisions.find(Filters.in(RevisionBson.ID, ids))
                .projection(Projections.exclude(RevisionBson.CONTENT))
                .map(RevisionBson::fromBson)
                .into(new ArrayList<>())
                .stream()
                .sorted(Comparator.comparingInt(Revision::revision))
                .map(Revision::withoutContent)
                .toList();
    }

    public void clear() {
        Emptying.empty(revisions);
    }
}
