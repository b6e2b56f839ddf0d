package vn.qms.doccontrol.query.audit;

import vn.qms.doccontrol.query.storage.Emptying;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *       which the entries occurred and the bucket's block: for the whole trail {@code seq / 1,024},
 *       for other scopes the {@code seq} of the entry that started the bucket ({@link #startsBucket}),
 *       or 0 for the month's first. Field {@code e} maps each {@code seq} to its {@code occurredAt},
 *       in {@code seq} order, or, for an organization, to the whole entry, so that a page of an
 *       organization's trail needs no other read. Buckets are bounded in size either way.</li>
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
     * Files entries: reads the year summaries and the buckets they touch (one {@code $in} each),
     * merges in memory and replaces what changed (one bulk write each), so a batch of events costs a
     * handful of commands whatever its size. Safe with one writer only (the processor's single
     * segment). Repeating it changes nothing; every document is written in its one canonical order.
     *
     * <p>Which bucket an entry goes to depends on no other entry's arrival: the whole trail's by its
     * {@code seq}'s block, another scope's to the latest entry of its month up to its {@code seq} that
     * {@link #startsBucket starts a bucket} (or to the month's first bucket, block 0). An entry that
     * starts a bucket and arrives after higher ones (a gap that filled late) takes those out of the
     * bucket before it, so the buckets are those of a replay in {@code seq} order.
     */
    void addAll(List<Filing> filings) {
        if (filings.isEmpty()) {
            return;
        }
        Map<String, MonthBuckets> months = new LinkedHashMap<>();
        List<MonthBuckets> monthOfFiling = new ArrayList<>();
        for (Filing filing : filings) {
            YearMonth month = monthOf(filing.occurredAt());
            monthOfFiling.add(months.computeIfAbsent(filing.scope().key() + "|" + month,
                    key -> new MonthBuckets(filing.scope(), month)));
        }
        Map<String, Document> storedYears = new HashMap<>();
        for (Document year : years.find(Filters.in("_id", months.values().stream().map(MonthBuckets::yearId).distinct().toList()))) {
            storedYears.put(year.getString("_id"), year);
        }
        for (MonthBuckets buckets : months.values()) {
            buckets.load(storedYears.get(buckets.yearId()));
        }
        for (int i = 0; i < filings.size(); i++) {
            Filing filing = filings.get(i);
            if (!filing.scope().dense() && startsBucket(filing.seq(), filing.scope())) {
                monthOfFiling.get(i).start(filing.seq());
            }
        }
        Map<String, Bucket> touched = new LinkedHashMap<>();
        Map<String, TreeMap<Long, Object>> added = new LinkedHashMap<>();
        for (int i = 0; i < filings.size(); i++) {
            Filing filing = filings.get(i);
            Bucket bucket = monthOfFiling.get(i).bucketOf(filing.seq());
            touched.put(bucket.id(), bucket);
            added.computeIfAbsent(bucket.id(), id -> new TreeMap<>())
                    .put(filing.seq(), filing.entry() != null ? filing.entry() : StoredInstant.format(filing.occurredAt()));
        }
        months.values().forEach(buckets -> buckets.split().forEach(bucket -> touched.put(bucket.id(), bucket)));

        Map<String, TreeMap<Long, Object>> stored = read(List.copyOf(touched.keySet()));
        Map<String, TreeMap<Long, Object>> merged = new TreeMap<>();
        touched.keySet().forEach(id -> merged.put(id, new TreeMap<>()));
        stored.forEach((id, entries) -> entries.forEach((seq, value) ->
                merged.get(touched.get(id).monthBuckets().bucketOf(seq).id()).put(seq, value)));
        added.forEach((id, entries) -> merged.get(id).putAll(entries));

        // Buckets that receive entries are written before those that give some up: if only the first
        // writes land (a crash between two commands), the batch's redelivery finds every entry still
        // in some bucket and, the summaries not yet written, splits again from the same state.
        List<WriteModel<Document>> receiving = new ArrayList<>();
        List<WriteModel<Document>> givingUp = new ArrayList<>();
        merged.forEach((id, entries) -> {
            TreeMap<Long, Object> before = stored.getOrDefault(id, new TreeMap<>());
            if (entries.isEmpty()) {
                givingUp.add(new DeleteOneModel<>(Filters.eq("_id", id)));
            } else if (!entries.equals(before)) {
                (entries.keySet().containsAll(before.keySet()) ? receiving : givingUp)
                        .add(WholeDocuments.replacing(new Document("_id", id).append(ENTRIES, toBson(entries))));
            }
            Bucket bucket = touched.get(id);
            bucket.monthBuckets().summarize(bucket.block(), entries.isEmpty() ? null : stats(entries));
        });
        receiving.addAll(givingUp);
        writes.inCommands(buckets, receiving);

        Map<String, TreeMap<BucketKey, Document>> summaries = new LinkedHashMap<>();
        for (MonthBuckets buckets : months.values()) {
            buckets.putSummaryLines(summaries.computeIfAbsent(buckets.yearId(), year -> summaryLines(storedYears.get(year))));
        }
        List<Document> yearWrites = new ArrayList<>();
        summaries.forEach((yearId, lines) -> {
            Document inOrder = new Document();
            lines.forEach((bucket, stats) -> inOrder.append(bucket.text(), stats));
            Document replacement = new Document("_id", yearId).append(BUCKETS, inOrder);
            if (!replacement.equals(storedYears.get(yearId))) {
                yearWrites.add(replacement);
            }
        });
        writes.replaceAll(years, yearWrites);
        YearMonth firstMonth = months.values().stream().map(MonthBuckets::month).min(Comparator.naturalOrder()).orElseThrow();
        YearMonth lastMonth = months.values().stream().map(MonthBuckets::month).max(Comparator.naturalOrder()).orElseThrow();
        writes.inCommands(years, List.of(new UpdateOneModel<>(Filters.eq("_id", EXTENT_ID),
                Updates.combine(Updates.min("first", firstMonth.toString()), Updates.max("last", lastMonth.toString())),
                new UpdateOptions().upsert(true))));
    }

    /**
     * Whether the entry at {@code seq} starts a new bucket of a scope that is not {@link
     * AuditScope#dense() dense}: one {@code seq} in {@link AuditScope#entriesPerBucket()} on average,
     * chosen by a hash of the {@code seq} alone (content-defined chunking), so that where buckets begin
     * does not depend on the order entries arrive in, nor on which other scopes have entries between
     * them. The hash is part of the read model's shape: change it and the audit trail's version.
     */
    static boolean startsBucket(long seq, AuditScope scope) {
        long z = seq;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (z & (scope.entriesPerBucket() - 1)) == 0;
    }

    /**
     * The buckets one scope has in one month: those its year summary lists (with their summary lines),
     * those this batch starts, and what this batch changes of them.
     */
    private static final class MonthBuckets {
        private final AuditScope scope;
        private final YearMonth month;
        private final TreeMap<Long, Document> listed = new TreeMap<>();
        private final TreeSet<Long> started = new TreeSet<>();
        /** Summary lines to write, by block; null to drop the bucket's line. */
        private final Map<Long, Document> summarized = new HashMap<>();

        MonthBuckets(AuditScope scope, YearMonth month) {
            this.scope = scope;
            this.month = month;
        }

        YearMonth month() {
            return month;
        }

        String yearId() {
            return scope.key() + "|" + month.getYear();
        }

        void load(Document year) {
            summaryLines(year).forEach((bucket, stats) -> {
                if (bucket.month().equals(month)) {
                    listed.put(bucket.block(), stats);
                }
            });
        }

        void start(long seq) {
            if (!listed.containsKey(seq)) {
                started.add(seq);
            }
        }

        /** The bucket that holds {@code seq}, the buckets this batch starts included. */
        Bucket bucketOf(long seq) {
            if (scope.dense()) {
                return new Bucket(this, seq / AuditScope.BLOCK);
            }
            Long listedStart = listed.floorKey(seq);
            Long newStart = started.floor(seq);
            return new Bucket(this, Math.max(listedStart == null ? 0 : listedStart, newStart == null ? 0 : newStart));
        }

        /** Listed buckets holding entries at or after a bucket this batch starts: their entries move. */
        List<Bucket> split() {
            List<Bucket> split = new ArrayList<>();
            for (long start : started) {
                Map.Entry<Long, Document> before = listed.lowerEntry(start);
                if (before != null && before.getValue().get("hi", Number.class).longValue() >= start) {
                    split.add(new Bucket(this, before.getKey()));
                }
            }
            return split;
        }

        void summarize(long block, Document stats) {
            summarized.put(block, stats);
        }

        void putSummaryLines(TreeMap<BucketKey, Document> lines) {
            summarized.forEach((block, stats) -> {
                if (stats == null) {
                    lines.remove(new BucketKey(month, block));
                } else {
                    lines.put(new BucketKey(month, block), stats);
                }
            });
        }
    }

    /** One bucket of a scope's month, by its block. */
    private record Bucket(MonthBuckets monthBuckets, long block) {

        String id() {
            return monthBuckets.scope.key() + "|" + new BucketKey(monthBuckets.month, block).text();
        }
    }

    /** A year summary's lines, by bucket; none for a year not yet summarized. */
    private static TreeMap<BucketKey, Document> summaryLines(Document year) {
        TreeMap<BucketKey, Document> lines = new TreeMap<>();
        if (year != null) {
            year.get(BUCKETS, Document.class).forEach((text, stats) -> lines.put(BucketKey.parse(text), (Document) stats));
        }
        return lines;
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
