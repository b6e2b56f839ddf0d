package vn.qms.doccontrol.query.audit;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import vn.qms.doccontrol.platform.web.PointInTime;
import vn.qms.doccontrol.query.storage.StoredInstant;
import vn.qms.doccontrol.query.storage.WholeDocuments;

/**
 * Keeps each {@link AuditScope}'s listing of the audit trail ready to page without scanning: the
 * entries' {@code seq}s (their global index in the event store) filed in buckets, and per year a
 * summary of the buckets: how many entries each holds, their lowest and highest {@code seq}, and
 * when the first and the last of them occurred.
 *
 * <ul>
 *   <li>{@code audit_trail_buckets}: {@code _id = scope|yyyy-MM#block}, the month (in Việt Nam) in
 *       which the entries occurred and {@code block = seq / }{@link AuditScope#block()}; field
 *       {@code e} maps each {@code seq} to its {@code occurredAt}, in {@code seq} order, or, for an
 *       organization, to the whole entry, so that a page of an organization's trail needs no other
 *       read. The block bounds a bucket's size.</li>
 *   <li>{@code audit_trail_years}: {@code _id = scope|yyyy}, field {@code buckets} maps each bucket
 *       of the year ({@code yyyy-MM#block}) to {@code {n, lo, hi, first, last}}, in bucket order; and
 *       {@code _id = "extent"} with the trail's first and last month.</li>
 * </ul>
 *
 * <p>A page is then: the summaries of the range's years (one {@code $in}, usually one document); the
 * buckets whose first and last instants straddle {@code from} or {@code to}, read and filtered to the
 * exact instants (an event's time is taken when it commits, so they are the one or two buckets at
 * each end of the range, and none for a range of whole months); and the buckets that hold the page
 * itself, found by counting: buckets ordered by their lowest {@code seq}, whose {@code seq} ranges
 * overlap, form clusters, and clusters never interleave, so the clusters before the page are skipped
 * by their counts, and only the page's are read and merged. What is read depends on the page size and
 * on the range's years, not on the size of the store.
 *
 * <p>Writes are repeatable (an entry is set under its {@code seq}; counts are recomputed from the
 * bucket, never incremented) and every document is written whole in one canonical order (buckets by
 * {@code seq}, summaries by bucket), also when an event arrives after higher {@code seq}s (a gap that
 * filled late), so a replay, which reads in {@code seq} order, writes exactly the same documents.
 */
final class AuditTrailIndex {

    static final String BUCKETS_COLLECTION = "audit_trail_buckets";
    static final String YEARS_COLLECTION = "audit_trail_years";
    private static final String EXTENT_ID = "extent";
    private static final String ENTRIES = "e";
    private static final String BUCKETS = "buckets";

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> years;
    private final WholeDocuments writes;

    AuditTrailIndex(MongoDatabase database, WholeDocuments writes) {
        this.writes = writes;
        this.buckets = database.getCollection(BUCKETS_COLLECTION);
        this.years = database.getCollection(YEARS_COLLECTION);
    }

    /** One page of a scope's listing: the {@code seq}s in order, and how many entries match in all. */
    /**
     * One page of a scope's listing: the {@code seq}s in order, how many entries match in all, and,
     * for a scope that keeps its entries in its buckets, the entries themselves (else empty).
     */
    record Page(long total, List<Long> seqs, List<Document> entries) {

        Page(long total, List<Long> seqs) {
            this(total, seqs, List.of());
        }
    }

    /**
     * One entry to file under one scope: its {@code seq}, when it occurred, and the entry's document
     * for a scope that keeps entries ({@link AuditScope#keepsEntries()}), else null.
     */
    record Filing(AuditScope scope, long seq, Instant occurredAt, Document entry) {
    }

    /** Where a bucket stands: its month and block, ordered by month, then block. */
    record BucketKey(YearMonth month, long block) implements Comparable<BucketKey> {

        static BucketKey of(AuditScope scope, Instant occurredAt, long seq) {
            return new BucketKey(monthOf(occurredAt), seq / scope.block());
        }

        static BucketKey parse(String text) {
            int hash = text.indexOf('#');
            return new BucketKey(YearMonth.parse(text.substring(0, hash)), Long.parseLong(text.substring(hash + 1)));
        }

        String text() {
            return month + "#" + block;
        }

        @Override
        public int compareTo(BucketKey other) {
            int byMonth = month.compareTo(other.month);
            return byMonth != 0 ? byMonth : Long.compare(block, other.block);
        }
    }

    /**
     * Files entries: reads the buckets and year summaries they touch (one {@code $in} each), merges
     * in memory and replaces what changed (one bulk write each), so a batch of events costs a handful
     * of commands whatever its size. Safe with one writer only (the processor's single segment).
     * Repeating it changes nothing; every document is written in its one canonical order.
     */
    void addAll(List<Filing> filings) {
        if (filings.isEmpty()) {
            return;
        }
        Map<String, TreeMap<Long, Object>> added = new LinkedHashMap<>();
        YearMonth firstMonth = null;
        YearMonth lastMonth = null;
        for (Filing filing : filings) {
            BucketKey key = BucketKey.of(filing.scope(), filing.occurredAt(), filing.seq());
            added.computeIfAbsent(filing.scope().key() + "|" + key.text(), id -> new TreeMap<>())
                    .put(filing.seq(), filing.entry() != null ? filing.entry() : StoredInstant.format(filing.occurredAt()));
            firstMonth = firstMonth == null || key.month().isBefore(firstMonth) ? key.month() : firstMonth;
            lastMonth = lastMonth == null || key.month().isAfter(lastMonth) ? key.month() : lastMonth;
        }

        Map<String, TreeMap<Long, Object>> stored = new HashMap<>();
        for (Document bucket : buckets.find(Filters.in("_id", added.keySet()))) {
            stored.put(bucket.getString("_id"), entriesOf(bucket));
        }
        List<Document> bucketWrites = new ArrayList<>();
        Map<String, TreeMap<BucketKey, Document>> statsByYear = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, Object>> bucket : added.entrySet()) {
            String id = bucket.getKey();
            TreeMap<Long, Object> entries = stored.getOrDefault(id, new TreeMap<>());
            boolean changed = !stored.containsKey(id);
            for (Map.Entry<Long, Object> entry : bucket.getValue().entrySet()) {
                changed |= !entry.getValue().equals(entries.put(entry.getKey(), entry.getValue()));
            }
            if (changed) {
                bucketWrites.add(new Document("_id", id).append(ENTRIES, toBson(entries)));
            }
            int split = id.lastIndexOf('|');
            BucketKey key = BucketKey.parse(id.substring(split + 1));
            statsByYear.computeIfAbsent(id.substring(0, split) + "|" + key.month().getYear(), year -> new TreeMap<>())
                    .put(key, stats(entries));
        }
        writes.replaceAll(buckets, bucketWrites);

        Map<String, Document> storedYears = new HashMap<>();
        for (Document year : years.find(Filters.in("_id", statsByYear.keySet()))) {
            storedYears.put(year.getString("_id"), year);
        }
        List<Document> yearWrites = new ArrayList<>();
        for (Map.Entry<String, TreeMap<BucketKey, Document>> year : statsByYear.entrySet()) {
            Document storedYear = storedYears.get(year.getKey());
            Document known = storedYear == null ? new Document() : storedYear.get(BUCKETS, Document.class);
            TreeMap<BucketKey, Object> merged = new TreeMap<>();
            known.forEach((text, value) -> merged.put(BucketKey.parse(text), value));
            merged.putAll(year.getValue());
            Document inOrder = new Document();
            merged.forEach((bucket, value) -> inOrder.append(bucket.text(), value));
            Document replacement = new Document("_id", year.getKey()).append(BUCKETS, inOrder);
            if (!replacement.equals(storedYear)) {
                yearWrites.add(replacement);
            }
        }
        writes.replaceAll(years, yearWrites);
        years.updateOne(Filters.eq("_id", EXTENT_ID),
                Updates.combine(Updates.min("first", firstMonth.toString()), Updates.max("last", lastMonth.toString())),
                new UpdateOptions().upsert(true));
    }

    void clear() {
        Emptying.empty(buckets);
        Emptying.empty(years);
    }

    /**
     * The page of {@code scope}'s entries that occurred in {@code [from, to)} (either may be null),
     * in {@code seq} order.
     */
    Page page(AuditScope scope, Instant from, Instant to, long offset, int size) {
        Document extent = years.find(Filters.eq("_id", EXTENT_ID)).first();
        if (extent == null) {
            return new Page(0, List.of());
        }
        YearMonth firstMonth = YearMonth.parse(extent.getString("first"));
        YearMonth lastMonth = YearMonth.parse(extent.getString("last"));
        // Compare instants before converting: a far-off instant need not be a date at all.
        if ((from != null && !from.isBefore(startOf(lastMonth.plusMonths(1))))
                || (to != null && !to.isAfter(startOf(firstMonth)))) {
            return new Page(0, List.of());
        }
        YearMonth fromMonth = from == null || from.isBefore(startOf(firstMonth)) ? firstMonth : monthOf(from);
        YearMonth toMonth = to == null || to.isAfter(startOf(lastMonth.plusMonths(1))) ? lastMonth : monthOf(to.minusNanos(1));
        if (fromMonth.isAfter(toMonth)) {
            return new Page(0, List.of());
        }
        // Bounds beyond the trail bound nothing (and a far-off instant's text does not sort as time).
        String fromText = from == null || from.isBefore(startOf(firstMonth)) ? null : StoredInstant.format(from);
        String toText = to == null || to.isAfter(startOf(lastMonth.plusMonths(1))) ? null : StoredInstant.format(to);

        List<String> yearIds = new ArrayList<>();
        for (int year = fromMonth.getYear(); year <= toMonth.getYear(); year++) {
            yearIds.add(scope.key() + "|" + year);
        }
        List<Segment> segments = new ArrayList<>();
        List<String> straddling = new ArrayList<>();
        for (Document year : years.find(Filters.in("_id", yearIds))) {
            for (Map.Entry<String, Object> bucket : year.get(BUCKETS, Document.class).entrySet()) {
                BucketKey key = BucketKey.parse(bucket.getKey());
                if (key.month().isBefore(fromMonth) || key.month().isAfter(toMonth)) {
                    continue;
                }
                Document stats = (Document) bucket.getValue();
                String first = stats.getString("first");
                String last = stats.getString("last");
                if ((fromText != null && last.compareTo(fromText) < 0) || (toText != null && first.compareTo(toText) >= 0)) {
                    continue;
                }
                String bucketId = scope.key() + "|" + bucket.getKey();
                if ((fromText != null && first.compareTo(fromText) < 0) || (toText != null && last.compareTo(toText) >= 0)) {
                    straddling.add(bucketId);
                } else {
                    segments.add(Segment.bucket(bucketId, stats));
                }
            }
        }
        for (Map.Entry<String, TreeMap<Long, Object>> bucket : read(straddling).entrySet()) {
            TreeMap<Long, Object> inRange = new TreeMap<>();
            bucket.getValue().forEach((seq, value) -> {
                String occurred = occurredAtOf(value);
                if ((fromText == null || occurred.compareTo(fromText) >= 0) && (toText == null || occurred.compareTo(toText) < 0)) {
                    inRange.put(seq, value);
                }
            });
            if (!inRange.isEmpty()) {
                segments.add(Segment.read(bucket.getKey(), inRange));
            }
        }
        long total = segments.stream().mapToLong(segment -> segment.count).sum();
        List<Map.Entry<Long, Object>> page = take(segments, offset, size);
        List<Long> seqs = page.stream().map(Map.Entry::getKey).toList();
        boolean kept = !page.isEmpty() && page.stream().allMatch(entry -> entry.getValue() instanceof Document);
        return new Page(total, seqs, kept ? page.stream().map(entry -> (Document) entry.getValue()).toList() : List.of());
    }

    /** A bucket, read or not: how many entries (in range), their lowest and highest {@code seq}. */
    private static final class Segment {
        private final String id;
        private final long count;
        private final long lo;
        private final long hi;
        private final TreeMap<Long, Object> seqs;

        private Segment(String id, long count, long lo, long hi, TreeMap<Long, Object> seqs) {
            this.id = id;
            this.count = count;
            this.lo = lo;
            this.hi = hi;
            this.seqs = seqs;
        }

        static Segment bucket(String bucketId, Document stats) {
            return new Segment(bucketId, stats.get("n", Number.class).longValue(), stats.get("lo", Number.class).longValue(),
                    stats.get("hi", Number.class).longValue(), null);
        }

        static Segment read(String bucketId, TreeMap<Long, Object> seqs) {
            return new Segment(bucketId, seqs.size(), seqs.firstKey(), seqs.lastKey(), seqs);
        }
    }

    /**
     * Entries {@code offset .. offset + size} of the segments in {@code seq} order. Segments whose
     * {@code seq} ranges overlap form a cluster; clusters never interleave, so those before the page
     * are skipped by their counts, and only the page's clusters are read and merged.
     */
    private List<Map.Entry<Long, Object>> take(List<Segment> segments, long offset, int size) {
        List<List<Segment>> wanted = new ArrayList<>();
        long before = 0;
        long skip = 0;
        for (List<Segment> cluster : clusters(segments)) {
            long count = cluster.stream().mapToLong(segment -> segment.count).sum();
            if (before + count > offset && before < offset + size) {
                if (wanted.isEmpty()) {
                    skip = offset - before;
                }
                wanted.add(cluster);
            }
            before += count;
        }
        Map<String, TreeMap<Long, Object>> read = read(wanted.stream().flatMap(List::stream)
                .filter(segment -> segment.seqs == null).map(segment -> segment.id).toList());
        List<Map.Entry<Long, Object>> entries = new ArrayList<>();
        for (List<Segment> cluster : wanted) {
            TreeMap<Long, Object> inCluster = new TreeMap<>();
            for (Segment segment : cluster) {
                inCluster.putAll(segment.seqs != null ? segment.seqs : read.getOrDefault(segment.id, new TreeMap<>()));
            }
            entries.addAll(inCluster.entrySet());
        }
        return entries.stream().skip(skip).limit(size).toList();
    }

    /** Segments ordered by lowest seq, grouped where their seq ranges overlap. */
    private static List<List<Segment>> clusters(List<Segment> segments) {
        List<Segment> ordered = new ArrayList<>(segments);
        ordered.sort(Comparator.comparingLong((Segment s) -> s.lo).thenComparing(s -> s.id));
        List<List<Segment>> clusters = new ArrayList<>();
        List<Segment> current = null;
        long currentHi = Long.MIN_VALUE;
        for (Segment segment : ordered) {
            if (current == null || segment.lo > currentHi) {
                current = new ArrayList<>();
                clusters.add(current);
            }
            current.add(segment);
            currentHi = Math.max(currentHi, segment.hi);
        }
        return clusters;
    }

    /** The buckets with these {@code _id}s, each as its entries by {@code seq}. */
    private Map<String, TreeMap<Long, Object>> read(List<String> bucketIds) {
        Map<String, TreeMap<Long, Object>> read = new HashMap<>();
        if (bucketIds.isEmpty()) {
            return read;
        }
        for (Document bucket : buckets.find(Filters.in("_id", bucketIds))) {
            read.put(bucket.getString("_id"), entriesOf(bucket));
        }
        return read;
    }

    private static Document stats(TreeMap<Long, Object> entries) {
        String first = null;
        String last = null;
        for (Object value : entries.values()) {
            String occurred = occurredAtOf(value);
            first = first == null || occurred.compareTo(first) < 0 ? occurred : first;
            last = last == null || occurred.compareTo(last) > 0 ? occurred : last;
        }
        return new Document("n", entries.size()).append("lo", entries.firstKey()).append("hi", entries.lastKey())
                .append("first", first).append("last", last);
    }

    private static TreeMap<Long, Object> entriesOf(Document bucket) {
        TreeMap<Long, Object> entries = new TreeMap<>();
        Document stored = bucket == null ? null : bucket.get(ENTRIES, Document.class);
        if (stored != null) {
            stored.forEach((seq, value) -> entries.put(Long.parseLong(seq), value));
        }
        return entries;
    }

    private static Document toBson(TreeMap<Long, Object> entries) {
        Document document = new Document();
        entries.forEach((seq, value) -> document.append(Long.toString(seq), value));
        return document;
    }

    /** A bucket's value is the entry's {@code occurredAt}, or the entry itself where the scope keeps entries. */
    private static String occurredAtOf(Object value) {
        return value instanceof Document entry ? entry.getString(AuditBson.OCCURRED_AT) : (String) value;
    }

    static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(PointInTime.VIETNAM));
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(PointInTime.VIETNAM).toInstant();
    }
}
