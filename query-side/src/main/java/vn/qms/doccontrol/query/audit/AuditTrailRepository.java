package vn.qms.doccontrol.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.query.storage.StoredInstant;

/**
 * The audit trail: {@code audit_trail} holds one entry per event ({@code _id} = event id, unique
 * {@code seq} = commit order). {@code audit_trail_by_document} lists each document's event ids in
 * commit order ({@code _id} = document id), so that a document's trail is read by {@code _id}s
 * rather than by scanning the whole trail. {@code projection_counters} hands out {@code seq}.
 */
@Repository
public class AuditTrailRepository {

    public static final String COLLECTION = "audit_trail";
    public static final String BY_DOCUMENT_COLLECTION = "audit_trail_by_document";
    public static final String COUNTERS_COLLECTION = "projection_counters";
    private static final String COUNTER_ID = COLLECTION;
    private static final String EVENT_IDS = "eventIds";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> byDocument;
    private final MongoCollection<Document> counters;

    public AuditTrailRepository(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        this.byDocument = database.getCollection(BY_DOCUMENT_COLLECTION);
        this.counters = database.getCollection(COUNTERS_COLLECTION);
    }

    /** The unique {@code seq}, and what a real MongoDB needs for the filtered, commit-ordered listing. */
    @PostConstruct
    public void ensureIndexes() {
        entries.createIndex(Indexes.ascending(AuditBson.SEQ), new IndexOptions().unique(true));
        entries.createIndex(Indexes.ascending(AuditBson.ORGANIZATION_ID, AuditBson.SEQ));
        entries.createIndex(Indexes.ascending(AuditBson.DOCUMENT_ID, AuditBson.SEQ));
        entries.createIndex(Indexes.ascending(AuditBson.ACTOR, AuditBson.SEQ));
        entries.createIndex(Indexes.ascending(AuditBson.OCCURRED_AT));
    }

    /**
     * Appends an entry unless its event is already in the trail. Safe only with one writer (the
     * processor's single segment): the check and the insert are not atomic together. Each step is
     * repeatable, so a crash in between is repaired by the redelivery; it may leave a gap in
     * {@code seq}, which orders but does not count.
     */
    public void append(AuditEntry entry) {
        if (entries.find(Filters.eq(AuditBson.ID, entry.eventId())).first() == null) {
            entries.insertOne(AuditBson.toBson(entry, nextSeq()));
        }
        byDocument.updateOne(Filters.eq(AuditBson.ID, entry.documentId()), Updates.addToSet(EVENT_IDS, entry.eventId()),
                new UpdateOptions().upsert(true));
    }

    /** @return the document's entries in commit order, or empty when the trail has none */
    public Optional<List<AuditEntry>> forDocument(String documentId) {
        Document index = byDocument.find(Filters.eq(AuditBson.ID, documentId)).first();
        if (index == null) {
            return Optional.empty();
        }
        List<String> eventIds = index.getList(EVENT_IDS, String.class);
        List<Document> found = entries.find(Filters.in(AuditBson.ID, eventIds)).into(new ArrayList<>());
        return Optional.of(inCommitOrder(found));
    }

    public AuditTrailPage search(FetchAuditTrailQuery query) {
        Bson filter = filterOf(query);
        long total = entries.countDocuments(filter);
        List<AuditEntry> items = entries.find(filter)
                .sort(Sorts.ascending(AuditBson.SEQ))
                .skip(Math.toIntExact(Math.min(query.page().offset(), Integer.MAX_VALUE)))
                .limit(query.page().size())
                .map(AuditBson::fromBson)
                .into(new ArrayList<>());
        return new AuditTrailPage(items, total);
    }

    /** Forgets the trail and restarts {@code seq} at 1, so that a replay numbers the events as before. */
    public void clear() {
        entries.deleteMany(new Document());
        byDocument.deleteMany(new Document());
        counters.deleteOne(Filters.eq(AuditBson.ID, COUNTER_ID));
    }

    private long nextSeq() {
        Document counter = counters.findOneAndUpdate(Filters.eq(AuditBson.ID, COUNTER_ID), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("value", Number.class).longValue();
    }

    private static List<AuditEntry> inCommitOrder(List<Document> found) {
        return found.stream()
                .sorted(Comparator.comparingLong(AuditBson::seq))
                .map(AuditBson::fromBson)
                .toList();
    }

    private static Bson filterOf(FetchAuditTrailQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.organizationId() != null) {
            filters.add(Filters.eq(AuditBson.ORGANIZATION_ID, query.organizationId()));
        }
        if (query.documentId() != null) {
            filters.add(Filters.eq(AuditBson.DOCUMENT_ID, query.documentId()));
        }
        if (query.actor() != null) {
            filters.add(Filters.eq(AuditBson.ACTOR, query.actor()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte(AuditBson.OCCURRED_AT, StoredInstant.format(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt(AuditBson.OCCURRED_AT, StoredInstant.format(query.to())));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }
}
