package vn.qms.doccontrol.query.audit;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import vn.qms.doccontrol.query.storage.WholeDocuments;

/**
 * The audit trail: {@code audit_trail} holds one entry per event ({@code _id} = event id, unique
 * {@code seq} = the event's global index in the event store, so commit order, the same on every
 * replay). {@code audit_trail_by_document} lists each document's event ids ({@code _id} = document
 * id), so that a document's trail is read by {@code _id}s. {@link AuditTrailIndex} keeps the listings
 * by organization, actor, both or none in buckets, so that a page is read by {@code _id}s and
 * {@code seq}s too, never by a scan.
 */
@Repository
public class AuditTrailRepository {

    public static final String COLLECTION = "audit_trail";
    public static final String BY_DOCUMENT_COLLECTION = "audit_trail_by_document";
    public static final String BUCKETS_COLLECTION = AuditTrailIndex.BUCKETS_COLLECTION;
    public static final String YEARS_COLLECTION = AuditTrailIndex.YEARS_COLLECTION;
    /** Handed out {@code seq} in an earlier version; emptied by a reset, otherwise unused. */
    private static final String LEGACY_COUNTERS_COLLECTION = "projection_counters";
    private static final String EVENT_IDS = "eventIds";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> byDocument;
    private final MongoCollection<Document> legacyCounters;
    private final AuditTrailIndex index;
    private final WholeDocuments writes;

    public AuditTrailRepository(MongoDatabase database, WholeDocuments writes) {
        this.writes = writes;
        this.entries = database.getCollection(COLLECTION);
        this.byDocument = database.getCollection(BY_DOCUMENT_COLLECTION);
        this.legacyCounters = database.getCollection(LEGACY_COUNTERS_COLLECTION);
        this.index = new AuditTrailIndex(database, writes);
    }

    /**
     * The unique {@code seq}, which pages are read by. Everything else is read by {@code _id}; the
     * indexes an earlier version made for filtering are dropped.
     */
    @PostConstruct
    public void ensureIndexes() {
        entries.createIndex(Indexes.ascending(AuditBson.SEQ), new IndexOptions().unique(true));
        vn.qms.doccontrol.query.storage.Indexes.dropIfPresent(entries,
                Set.of("organizationId_1_seq_1", "documentId_1_seq_1", "actor_1_seq_1", "occurredAt_1"));
    }

    /** An entry to record and its {@code seq}, the global index of its event. */
    public record Appended(AuditEntry entry, long seq) {
    }

    public void append(AuditEntry entry, long seq) {
        appendAll(List.of(new Appended(entry, seq)));
    }

    /**
     * Records entries, a batch at a time: a handful of commands per batch (bulk writes, and one
     * {@code $in} read per kind of index document), whatever its size. Every step is repeatable (a
     * replace by event id, {@code $addToSet}, the index's merges), so a redelivery, also after a crash
     * between two steps, leaves the same collections. Entries are written first, so no listing names
     * a {@code seq} whose entry is missing. Safe with one writer only (the processor's single segment).
     */
    public void appendAll(List<Appended> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> entryWrites = new ArrayList<>();
        Map<String, List<String>> eventIdsByDocument = new LinkedHashMap<>();
        List<AuditTrailIndex.Filing> filings = new ArrayList<>();
        for (Appended appended : batch) {
            AuditEntry entry = appended.entry();
            Document stored = AuditBson.toBson(entry, appended.seq());
            entryWrites.add(stored);
            List<String> eventIds = eventIdsByDocument.computeIfAbsent(entry.documentId(), id -> new ArrayList<>());
            if (!eventIds.contains(entry.eventId())) {
                eventIds.add(entry.eventId());
            }
            for (AuditScope scope : AuditScope.of(entry).stream().distinct().toList()) {
                filings.add(new AuditTrailIndex.Filing(scope, appended.seq(), entry.occurredAt(),
                        scope.keepsEntries() ? stored : null));
            }
        }
        writes.replaceAll(entries, entryWrites);
        writes.inCommands(byDocument, eventIdsByDocument.entrySet().stream()
                .<WriteModel<Document>>map(document -> new UpdateOneModel<>(Filters.eq(AuditBson.ID, document.getKey()),
                        Updates.addEachToSet(EVENT_IDS, document.getValue()), new UpdateOptions().upsert(true)))
                .toList());
        index.addAll(filings);
    }

    /** @return the document's entries in commit order, or empty when the trail has none */
    public Optional<List<AuditEntry>> forDocument(String documentId) {
        return documentEntries(documentId).map(found -> found.stream().map(AuditBson::fromBson).toList());
    }

    public AuditTrailPage search(FetchAuditTrailQuery query) {
        if (query.documentId() != null) {
            return searchWithinDocument(query);
        }
        AuditTrailIndex.Page page = index.page(AuditScope.of(query.organizationId(), query.actor()), query.from(),
                query.to(), query.page().offset(), query.page().size());
        if (page.seqs().isEmpty()) {
            return new AuditTrailPage(List.of(), page.total());
        }
        if (!page.entries().isEmpty()) {
            return new AuditTrailPage(page.entries().stream().map(AuditBson::fromBson).toList(), page.total());
        }
        List<AuditEntry> items = entries.find(Filters.in(AuditBson.SEQ, page.seqs())).into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingLong(AuditBson::seq))
                .map(AuditBson::fromBson)
                .toList();
        return new AuditTrailPage(items, page.total());
    }

    /** Empties every collection of the trail, so that a replay writes them as before. */
    public void clear() {
        Emptying.empty(entries);
        Emptying.empty(byDocument);
        ensureIndexes();
        index.clear();
        legacyCounters.deleteOne(Filters.eq(AuditBson.ID, COLLECTION));
    }

    /** A document's trail is small: read it whole by {@code _id}s and filter it here. */
    private AuditTrailPage searchWithinDocument(FetchAuditTrailQuery query) {
        List<AuditEntry> matching = forDocument(query.documentId()).orElse(List.of()).stream()
                .filter(entry -> matches(entry, query))
                .toList();
        List<AuditEntry> items = matching.stream()
                .skip(query.page().offset())
                .limit(query.page().size())
                .toList();
        return new AuditTrailPage(items, matching.size());
    }

    private static boolean matches(AuditEntry entry, FetchAuditTrailQuery query) {
        return (query.organizationId() == null || query.organizationId().equals(entry.organizationId()))
                && (query.actor() == null || query.actor().equals(entry.actor()))
                && (query.from() == null || !entry.occurredAt().isBefore(query.from()))
                && (query.to() == null || entry.occurredAt().isBefore(query.to()));
    }

    /** The document's stored entries in commit order, or empty when the trail has none. */
    private Optional<List<Document>> documentEntries(String documentId) {
        Document index = byDocument.find(Filters.eq(AuditBson.ID, documentId)).first();
        if (index == null) {
            return Optional.empty();
        }
        List<String> eventIds = index.getList(EVENT_IDS, String.class);
        List<Document> found = entries.find(Filters.in(AuditBson.ID, eventIds)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(AuditBson::seq));
        return Optional.of(found);
    }
}
