package vn.qms.doccontrol.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * Keeps each {@link AuditScope}'s listing of the audit trail ready to page without scanning: the
 * entries' {@code seq}s (their global index in the event store) filed in buckets, and per month a
 * directory of the buckets with how many entries each holds and their lowest and highest
 * {@code seq}.
 *
 * <ul>
 *   <li>{@code audit_trail_buckets}: {@code _id = scope|yyyy-MM-dd#block}, the day (in Việt Nam) on
 *       which the entries occurred and {@code block = seq / }{@link AuditScope#block()}; field
 *       {@code e} maps each {@code seq} to its {@code occurredAt}, in {@code seq} order. The block
 *       bounds a bucket's size, even on a day of a bulk import.</li>
 *   <li>{@code audit_trail_months}: {@code _id = scope|yyyy-MM}, field {@code buckets} maps each
 *       bucket of the month ({@code yyyy-MM-dd#block}) to {@code {n, lo, hi}}, in bucket order;
 *       {@code _id = scope|all}, field {@code months} maps each month of the scope to
 *       {@code {n, lo, hi}} of all its buckets; and {@code _id = "extent"} with the first and last
 *       day of the trail.</li>
 * </ul>
 *
 * <p>A page is then: the range's first and last month (one {@code $in}; the months between come
 * from the scope's summary, one lookup, when the range spans more), the buckets of the range's first
 * and last day when the range cuts through them (filtered to the exact instants), and the months and
 * buckets that hold the page itself, found by counting: segments (months or buckets) ordered by their
 * lowest {@code seq}, whose {@code seq} ranges overlap, form clusters, and clusters never interleave,
 * so whole clusters are skipped by their counts; a month in the wanted cluster is opened into its
 * buckets and counted again. Days and {@code seq} order nearly agree (an event's time is taken when
 * it is committed), so clusters are small, and the documents read depend on the page size, not on
 * the size of the store.
 *
 * <p>Writes are repeatable (an entry is set under its {@code seq}; counts are recomputed from the
 * bucket, never incremented) and every document is written whole in one canonical order (buckets by
 * {@code seq}, months by bucket), also when an event arrives after higher {@code seq}s (a gap that
 * filled late), so a replay, which reads in {@code seq} order, writes exactly the same documents.
 */
final class AuditTrailIndex {

    static final String BUCKETS_COLLECTION = "audit_trail_buckets";
    static final String MONTHS_COLLECTION = "audit_trail_months";
    private static final String EXTENT_ID = "extent";
    private static final String ENTRIES = "e";
    private static final String BUCKETS = "buckets";
    private static final String MONTHS = "months";
    /** Suffix of a scope's summary of months; a month's {@code _id} ends in {@code yyyy-MM} instead. */
    private static final String ALL_MONTHS = "|all";

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> months;

    AuditTrailIndex(MongoDatabase database) {
        this.buckets = database.getCollection(BUCKETS_COLLECTION);
        this.months = database.getCollection(MONTHS_COLLECTION);
    }

    /** One page of a scope's listing: the {@code seq}s in order, and how many entries match in all. */
    record Page(long total, List<Long> seqs) {
    }

    /** Where a bucket stands: its day and block, ordered by day, then block. */
    record BucketKey(LocalDate day, long block) implements Comparable<BucketKey> {

        static BucketKey of(AuditScope scope, Instant occurredAt, long seq) {
            return new BucketKey(dayOf(occurredAt), seq / scope.block());
        }

        static BucketKey parse(String text) {
            int hash = text.indexOf('#');
            return new BucketKey(LocalDate.parse(text.substring(0, hash)), Long.parseLong(text.substring(hash + 1)));
        }

        String text() {
            return day + "#" + block;
        }

        @Override
        public int compareTo(BucketKey other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : Long.compare(block, other.block);
        }
    }

    /** One entry to file: its {@code seq} and when it occurred, under one scope. */
    record Filing(AuditScope scope, long seq, Instant occurredAt) {
    }

    /**
     * Files entries: reads the buckets and months they touch (one {@code $in} each), merges in memory
     * and replaces what changed (one bulk write each), so a batch of events costs a handful of
     * commands whatever its size. Safe with one writer only (the processor's single segment).
     * Repeating it changes nothing; every document is written in its one canonical order.
     */
    void addAll(List<Filing> filings) {
        if (filings.isEmpty()) {
            return;
        }
        Map<String, TreeMap<Long, String>> added = new LinkedHashMap<>();
        LocalDate firstDay = null;
        LocalDate lastDay = null;
        for (Filing filing : filings) {
            BucketKey key = BucketKey.of(filing.scope(), filing.occurredAt(), filing.seq());
            added.computeIfAbsent(filing.scope().key() + "|" + key.text(), id -> new TreeMap<>())
                    .put(filing.seq(), StoredInstant.format(filing.occurredAt()));
            firstDay = firstDay == null || key.day().isBefore(firstDay) ? key.day() : firstDay;
            lastDay = lastDay == null || key.day().isAfter(lastDay) ? key.day() : lastDay;
        }

        Map<String, TreeMap<Long, String>> stored = new HashMap<>();
        for (Document bucket : buckets.find(Filters.in("_id", added.keySet()))) {
            stored.put(bucket.getString("_id"), entriesOf(bucket));
        }
        List<WriteModel<Document>> bucketWrites = new ArrayList<>();
        Map<String, TreeMap<BucketKey, Document>> statsByMonth = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, String>> bucket : added.entrySet()) {
            String id = bucket.getKey();
            TreeMap<Long, String> entries = stored.getOrDefault(id, new TreeMap<>());
            int before = entries.size();
            entries.putAll(bucket.getValue());
            if (entries.size() != before || !stored.containsKey(id)) {
                bucketWrites.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                        new Document("_id", id).append(ENTRIES, toBson(entries)), new ReplaceOptions().upsert(true)));
            }
            int split = id.lastIndexOf('|');
            BucketKey key = BucketKey.parse(id.substring(split + 1));
            statsByMonth.computeIfAbsent(id.substring(0, split) + "|" + YearMonth.from(key.day()), month -> new TreeMap<>())
                    .put(key, new Document("n", entries.size()).append("lo", entries.firstKey()).append("hi", entries.lastKey()));
        }
        if (!bucketWrites.isEmpty()) {
            buckets.bulkWrite(bucketWrites);
        }

        Map<String, Document> storedMonths = new HashMap<>();
        for (Document month : months.find(Filters.in("_id", statsByMonth.keySet()))) {
            storedMonths.put(month.getString("_id"), month);
        }
        List<WriteModel<Document>> monthWrites = new ArrayList<>();
        Map<String, Document> mergedMonths = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<BucketKey, Document>> month : statsByMonth.entrySet()) {
            Document storedMonth = storedMonths.get(month.getKey());
            Document known = storedMonth == null ? new Document() : storedMonth.get(BUCKETS, Document.class);
            TreeMap<BucketKey, Object> merged = new TreeMap<>();
            known.forEach((text, value) -> merged.put(BucketKey.parse(text), value));
            merged.putAll(month.getValue());
            Document inOrder = new Document();
            merged.forEach((bucket, value) -> inOrder.append(bucket.text(), value));
            Document replacement = new Document("_id", month.getKey()).append(BUCKETS, inOrder);
            mergedMonths.put(month.getKey(), inOrder);
            if (!replacement.equals(storedMonth)) {
                monthWrites.add(new ReplaceOneModel<>(Filters.eq("_id", month.getKey()), replacement,
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!monthWrites.isEmpty()) {
            months.bulkWrite(monthWrites);
        }

        // Each scope's summary of its months, from the months as now written.
        Map<String, TreeMap<String, Document>> summaries = new LinkedHashMap<>();
        for (Map.Entry<String, Document> month : mergedMonths.entrySet()) {
            String id = month.getKey();
            int split = id.lastIndexOf('|');
            long n = 0;
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (Object value : month.getValue().values()) {
                Document stats = (Document) value;
                n += stats.get("n", Number.class).longValue();
                lo = Math.min(lo, stats.get("lo", Number.class).longValue());
                hi = Math.max(hi, stats.get("hi", Number.class).longValue());
            }
            summaries.computeIfAbsent(id.substring(0, split) + ALL_MONTHS, scope -> new TreeMap<>())
                    .put(id.substring(split + 1), new Document("n", n).append("lo", lo).append("hi", hi));
        }
        Map<String, Document> storedSummaries = new HashMap<>();
        for (Document summary : months.find(Filters.in("_id", summaries.keySet()))) {
            storedSummaries.put(summary.getString("_id"), summary);
        }
        List<WriteModel<Document>> summaryWrites = new ArrayList<>();
        for (Map.Entry<String, TreeMap<String, Document>> summary : summaries.entrySet()) {
            Document storedSummary = storedSummaries.get(summary.getKey());
            TreeMap<String, Object> merged = new TreeMap<>(storedSummary == null ? Map.of()
                    : storedSummary.get(MONTHS, Document.class));
            merged.putAll(summary.getValue());
            Document replacement = new Document("_id", summary.getKey()).append(MONTHS, new Document(merged));
            if (!replacement.equals(storedSummary)) {
                summaryWrites.add(new ReplaceOneModel<>(Filters.eq("_id", summary.getKey()), replacement,
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!summaryWrites.isEmpty()) {
            months.bulkWrite(summaryWrites);
        }
        months.updateOne(Filters.eq("_id", EXTENT_ID),
                Updates.combine(Updates.min("first", firstDay.toString()), Updates.max("last", lastDay.toString())),
                new UpdateOptions().upsert(true));
    }

    void clear() {
        buckets.deleteMany(new Document());
        months.deleteMany(new Document());
    }

    /**
     * The page of {@code scope}'s entries that occurred in {@code [from, to)} (either may be null),
     * in {@code seq} order.
     */
    Page page(AuditScope scope, Instant from, Instant to, long offset, int size) {
        Document extent = months.find(Filters.eq("_id", EXTENT_ID)).first();
        if (extent == null) {
            return new Page(0, List.of());
        }
        LocalDate firstDay = LocalDate.parse(extent.getString("first"));
        LocalDate lastDay = LocalDate.parse(extent.getString("last"));
        // Compare instants before converting: a far-off instant need not be a date at all.
        if ((from != null && !from.isBefore(startOf(lastDay.plusDays(1))))
                || (to != null && !to.isAfter(startOf(firstDay)))) {
            return new Page(0, List.of());
        }
        LocalDate fromDay = from == null || from.isBefore(startOf(firstDay)) ? firstDay : dayOf(from);
        LocalDate toDay = to == null || to.isAfter(startOf(lastDay.plusDays(1))) ? lastDay : dayOf(to.minusNanos(1));
        if (fromDay.isAfter(toDay)) {
            return new Page(0, List.of());
        }
        Range range = new Range(scope, fromDay, toDay, from != null && from.isAfter(startOf(fromDay)) ? from : null,
                to != null && to.isBefore(startOf(toDay.plusDays(1))) ? to : null);

        // The range's first and last month in detail; the months between as the summary counts them.
        YearMonth firstMonth = YearMonth.from(fromDay);
        YearMonth lastMonth = YearMonth.from(toDay);
        List<String> detailed = new ArrayList<>(List.of(scope.key() + "|" + firstMonth));
        if (!lastMonth.equals(firstMonth)) {
            detailed.add(scope.key() + "|" + lastMonth);
        }
        List<Segment> segments = new ArrayList<>(bucketsOf(detailed, range));
        if (firstMonth.plusMonths(1).isBefore(lastMonth)) {
            Document summary = months.find(Filters.eq("_id", scope.key() + ALL_MONTHS)).first();
            Document known = summary == null ? new Document() : summary.get(MONTHS, Document.class);
            for (Map.Entry<String, Object> month : known.entrySet()) {
                YearMonth yearMonth = YearMonth.parse(month.getKey());
                if (yearMonth.isAfter(firstMonth) && yearMonth.isBefore(lastMonth)) {
                    segments.add(Segment.month(scope.key() + "|" + yearMonth, (Document) month.getValue()));
                }
            }
        }
        long total = segments.stream().mapToLong(segment -> segment.count).sum();
        return new Page(total, take(segments, offset, size, range));
    }

    /** The scope and days asked, and the instants that cut through the first or last day (else null). */
    private record Range(AuditScope scope, LocalDate fromDay, LocalDate toDay, Instant cutFrom, Instant cutTo) {
    }

    /**
     * A month, a bucket not read yet, or a bucket's {@code seq}s in range: how many entries, and
     * their lowest and highest {@code seq}.
     */
    private static final class Segment {
        private final String id;
        private final long count;
        private final long lo;
        private final long hi;
        private final boolean month;
        private final List<Long> seqs;

        private Segment(String id, long count, long lo, long hi, boolean month, List<Long> seqs) {
            this.id = id;
            this.count = count;
            this.lo = lo;
            this.hi = hi;
            this.month = month;
            this.seqs = seqs;
        }

        static Segment month(String monthId, Document stats) {
            return new Segment(monthId, number(stats, "n"), number(stats, "lo"), number(stats, "hi"), true, null);
        }

        static Segment bucket(String bucketId, Document stats) {
            return new Segment(bucketId, number(stats, "n"), number(stats, "lo"), number(stats, "hi"), false, null);
        }

        static Segment read(String bucketId, List<Long> seqs) {
            return new Segment(bucketId, seqs.size(), seqs.get(0), seqs.get(seqs.size() - 1), false, seqs);
        }

        private static long number(Document stats, String field) {
            return stats.get(field, Number.class).longValue();
        }
    }

    /**
     * The buckets of these months within the range: those the range cuts through are read now and
     * keep only their entries in range.
     */
    private List<Segment> bucketsOf(List<String> monthIds, Range range) {
        List<Segment> segments = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        for (Document month : months.find(Filters.in("_id", monthIds))) {
            Document known = month.get(BUCKETS, Document.class);
            for (Map.Entry<String, Object> bucket : known.entrySet()) {
                BucketKey key = BucketKey.parse(bucket.getKey());
                if (key.day().isBefore(range.fromDay()) || key.day().isAfter(range.toDay())) {
                    continue;
                }
                String bucketId = range.scope().key() + "|" + bucket.getKey();
                if ((range.cutFrom() != null && key.day().equals(range.fromDay()))
                        || (range.cutTo() != null && key.day().equals(range.toDay()))) {
                    cut.add(bucketId);
                } else {
                    segments.add(Segment.bucket(bucketId, (Document) bucket.getValue()));
                }
            }
        }
        String fromText = StoredInstant.format(range.cutFrom());
        String toText = StoredInstant.format(range.cutTo());
        for (Map.Entry<String, TreeMap<Long, String>> bucket : read(cut).entrySet()) {
            List<Long> inRange = new ArrayList<>();
            bucket.getValue().forEach((seq, occurred) -> {
                if ((fromText == null || occurred.compareTo(fromText) >= 0) && (toText == null || occurred.compareTo(toText) < 0)) {
                    inRange.add(seq);
                }
            });
            if (!inRange.isEmpty()) {
                segments.add(Segment.read(bucket.getKey(), inRange));
            }
        }
        return segments;
    }

    /**
     * Entries {@code offset .. offset + size} of the segments in {@code seq} order. Segments whose
     * {@code seq} ranges overlap form a cluster; clusters never interleave, so those before the page
     * are skipped by their counts. In a cluster the page needs, months are opened into their buckets
     * and counted again; a cluster of buckets only is read and merged.
     */
    private List<Long> take(List<Segment> segments, long offset, int size, Range range) {
        List<Long> page = new ArrayList<>();
        long before = 0;
        for (List<Segment> cluster : clusters(segments)) {
            long count = cluster.stream().mapToLong(segment -> segment.count).sum();
            long wanted = size - page.size();
            if (wanted <= 0) {
                break;
            }
            if (before + count > offset) {
                long skip = Math.max(0, offset - before);
                List<String> monthIds = cluster.stream().filter(s -> s.month).map(s -> s.id).toList();
                if (!monthIds.isEmpty()) {
                    List<Segment> opened = new ArrayList<>(cluster.stream().filter(s -> !s.month).toList());
                    opened.addAll(bucketsOf(monthIds, range));
                    page.addAll(take(opened, skip, (int) wanted, range));
                } else {
                    Map<String, TreeMap<Long, String>> read = read(cluster.stream()
                            .filter(s -> s.seqs == null).map(s -> s.id).toList());
                    List<Long> seqs = new ArrayList<>();
                    for (Segment segment : cluster) {
                        seqs.addAll(segment.seqs != null ? segment.seqs
                                : read.getOrDefault(segment.id, new TreeMap<>()).keySet());
                    }
                    seqs.sort(Comparator.naturalOrder());
                    seqs.stream().skip(skip).limit(wanted).forEach(page::add);
                }
            }
            before += count;
        }
        return page;
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
    private Map<String, TreeMap<Long, String>> read(List<String> bucketIds) {
        Map<String, TreeMap<Long, String>> read = new HashMap<>();
        if (bucketIds.isEmpty()) {
            return read;
        }
        for (Document bucket : buckets.find(Filters.in("_id", bucketIds))) {
            read.put(bucket.getString("_id"), entriesOf(bucket));
        }
        return read;
    }

    private static TreeMap<Long, String> entriesOf(Document bucket) {
        TreeMap<Long, String> entries = new TreeMap<>();
        Document stored = bucket == null ? null : bucket.get(ENTRIES, Document.class);
        if (stored != null) {
            stored.forEach((seq, occurred) -> entries.put(Long.parseLong(seq), (String) occurred));
        }
        return entries;
    }

    private static Document toBson(TreeMap<Long, String> entries) {
        Document document = new Document();
        entries.forEach((seq, occurred) -> document.append(Long.toString(seq), occurred));
        return document;
    }

    static LocalDate dayOf(Instant instant) {
        return instant.atZone(PointInTime.VIETNAM).toLocalDate();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(PointInTime.VIETNAM).toInstant();
    }
}
