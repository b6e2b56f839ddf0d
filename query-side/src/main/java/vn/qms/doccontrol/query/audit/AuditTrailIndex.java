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
 *       which the entries occurred and {@code block = seq / }{@value #BLOCK}; field {@code e} maps
 *       each {@code seq} to its {@code occurredAt}, in {@code seq} order. The block bounds a bucket
 *       to {@value #BLOCK} entries (~50 KB), even on a day of a bulk import.</li>
 *   <li>{@code audit_trail_months}: {@code _id = scope|yyyy-MM}, field {@code buckets} maps each
 *       bucket of the month ({@code yyyy-MM-dd#block}) to {@code {n, lo, hi}}, in bucket order;
 *       and {@code _id = "extent"} with the first and last day of the trail.</li>
 * </ul>
 *
 * <p>A page is then: the months of the range (one {@code $in}), the buckets of a range's first and
 * last day when the range cuts through them (filtered to the exact instants), and the buckets that
 * hold the page itself, found by counting: buckets ordered by their lowest {@code seq}, whose
 * {@code seq} ranges overlap, form clusters, and clusters never interleave, so whole clusters are
 * skipped by their counts. Days and {@code seq} order nearly agree (an event's time is taken when it
 * is committed), so clusters are small, and the buckets read depend on the page size, not on the
 * size of the store.
 *
 * <p>Writes are repeatable (an entry is set under its {@code seq}; counts are recomputed from the
 * bucket, never incremented) and every document is written whole in one canonical order (buckets by
 * {@code seq}, months by bucket), also when an event arrives after higher {@code seq}s (a gap that
 * filled late), so a replay, which reads in {@code seq} order, writes exactly the same documents.
 */
final class AuditTrailIndex {

    static final String BUCKETS_COLLECTION = "audit_trail_buckets";
    static final String MONTHS_COLLECTION = "audit_trail_months";
    static final long BLOCK = 1024;
    private static final String EXTENT_ID = "extent";
    private static final String ENTRIES = "e";
    private static final String BUCKETS = "buckets";

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

        static BucketKey of(Instant occurredAt, long seq) {
            return new BucketKey(dayOf(occurredAt), seq / BLOCK);
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
            BucketKey key = BucketKey.of(filing.occurredAt(), filing.seq());
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
        for (Map.Entry<String, TreeMap<BucketKey, Document>> month : statsByMonth.entrySet()) {
            Document storedMonth = storedMonths.get(month.getKey());
            Document known = storedMonth == null ? new Document() : storedMonth.get(BUCKETS, Document.class);
            TreeMap<BucketKey, Object> merged = new TreeMap<>();
            known.forEach((text, value) -> merged.put(BucketKey.parse(text), value));
            merged.putAll(month.getValue());
            Document inOrder = new Document();
            merged.forEach((bucket, value) -> inOrder.append(bucket.text(), value));
            Document replacement = new Document("_id", month.getKey()).append(BUCKETS, inOrder);
            if (!replacement.equals(storedMonth)) {
                monthWrites.add(new ReplaceOneModel<>(Filters.eq("_id", month.getKey()), replacement,
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!monthWrites.isEmpty()) {
            months.bulkWrite(monthWrites);
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

        List<String> monthIds = new ArrayList<>();
        for (YearMonth month = YearMonth.from(fromDay); !month.isAfter(YearMonth.from(toDay)); month = month.plusMonths(1)) {
            monthIds.add(scope.key() + "|" + month);
        }
        List<Segment> segments = new ArrayList<>();
        List<BucketKey> cut = new ArrayList<>();
        for (Document month : months.find(Filters.in("_id", monthIds))) {
            Document known = month.get(BUCKETS, Document.class);
            if (known == null) {
                continue;
            }
            for (Map.Entry<String, Object> bucket : known.entrySet()) {
                BucketKey key = BucketKey.parse(bucket.getKey());
                if (key.day().isBefore(fromDay) || key.day().isAfter(toDay)) {
                    continue;
                }
                boolean cutAtStart = from != null && key.day().equals(fromDay) && from.isAfter(startOf(fromDay));
                boolean cutAtEnd = to != null && key.day().equals(toDay) && to.isBefore(startOf(toDay.plusDays(1)));
                if (cutAtStart || cutAtEnd) {
                    cut.add(key);
                } else {
                    Document stats = (Document) bucket.getValue();
                    segments.add(new Segment(key, stats.get("n", Number.class).longValue(),
                            stats.get("lo", Number.class).longValue(), stats.get("hi", Number.class).longValue()));
                }
            }
        }
        // Buckets the range cuts through are read now, and only their entries in range count.
        String fromText = StoredInstant.format(from);
        String toText = StoredInstant.format(to);
        for (Map.Entry<BucketKey, TreeMap<Long, String>> bucket : read(scope, cut).entrySet()) {
            TreeMap<Long, String> inRange = new TreeMap<>();
            bucket.getValue().forEach((seq, occurred) -> {
                if ((fromText == null || occurred.compareTo(fromText) >= 0) && (toText == null || occurred.compareTo(toText) < 0)) {
                    inRange.put(seq, occurred);
                }
            });
            if (!inRange.isEmpty()) {
                Segment segment = new Segment(bucket.getKey(), inRange.size(), inRange.firstKey(), inRange.lastKey());
                segment.seqs = new ArrayList<>(inRange.keySet());
                segments.add(segment);
            }
        }

        List<List<Segment>> clusters = clusters(segments);
        long total = segments.stream().mapToLong(Segment::count).sum();
        long end = offset + size;
        List<List<Segment>> wanted = new ArrayList<>();
        long before = 0;
        long skipped = 0;
        for (List<Segment> cluster : clusters) {
            long count = cluster.stream().mapToLong(Segment::count).sum();
            if (before + count > offset && before < end) {
                if (wanted.isEmpty()) {
                    skipped = before;
                }
                wanted.add(cluster);
            }
            before += count;
            if (before >= end) {
                break;
            }
        }
        if (wanted.isEmpty()) {
            return new Page(total, List.of());
        }
        List<BucketKey> toRead = wanted.stream().flatMap(List::stream).filter(s -> s.seqs == null).map(Segment::key).toList();
        Map<BucketKey, TreeMap<Long, String>> read = read(scope, toRead);
        List<Long> seqs = new ArrayList<>();
        for (List<Segment> cluster : wanted) {
            List<Long> inCluster = new ArrayList<>();
            for (Segment segment : cluster) {
                if (segment.seqs != null) {
                    inCluster.addAll(segment.seqs);
                } else {
                    inCluster.addAll(read.getOrDefault(segment.key(), new TreeMap<>()).keySet());
                }
            }
            inCluster.sort(Comparator.naturalOrder());
            seqs.addAll(inCluster);
        }
        int from0 = (int) Math.min(seqs.size(), offset - skipped);
        int to0 = (int) Math.min(seqs.size(), from0 + (long) size);
        return new Page(total, List.copyOf(seqs.subList(from0, to0)));
    }

    /** A bucket in a listing; {@code seqs} once read. */
    private static final class Segment {
        private final BucketKey key;
        private final long count;
        private final long lo;
        private final long hi;
        private List<Long> seqs;

        Segment(BucketKey key, long count, long lo, long hi) {
            this.key = key;
            this.count = count;
            this.lo = lo;
            this.hi = hi;
        }

        BucketKey key() {
            return key;
        }

        long count() {
            return count;
        }
    }

    /** Segments ordered by lowest seq, grouped where their seq ranges overlap. */
    private static List<List<Segment>> clusters(List<Segment> segments) {
        List<Segment> ordered = new ArrayList<>(segments);
        ordered.sort(Comparator.comparingLong((Segment s) -> s.lo).thenComparing(Segment::key));
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

    private Map<BucketKey, TreeMap<Long, String>> read(AuditScope scope, List<BucketKey> keys) {
        Map<BucketKey, TreeMap<Long, String>> read = new HashMap<>();
        if (keys.isEmpty()) {
            return read;
        }
        List<String> ids = keys.stream().map(key -> scope.key() + "|" + key.text()).toList();
        for (Document bucket : buckets.find(Filters.in("_id", ids))) {
            String id = bucket.getString("_id");
            read.put(BucketKey.parse(id.substring(id.lastIndexOf('|') + 1)), entriesOf(bucket));
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
