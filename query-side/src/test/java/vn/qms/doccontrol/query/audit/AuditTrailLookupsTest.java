package vn.qms.doccontrol.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.support.GeneratedHistory;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

/**
 * The audit trail answered from its buckets gives exactly what filtering and sorting every entry
 * gives: for the whole trail, an organization, an actor, both, or a document; for whole months
 * (midnight in Việt Nam), ranges that cut through days, open ranges and empty ones; for every page.
 * Entries are numbered by their global index even when some arrive after higher ones, and a replay
 * in the event store's order writes the very same collections.
 */
class AuditTrailLookupsTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private ReadModels readModels;
    private GeneratedHistory history;
    /** The order the processor received them: some after events with a higher index. */
    private List<GeneratedHistory.Event> arrival;
    private List<AuditEntry> everyEntry;

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        readModels = new ReadModels(mongo.database(), new TestClock(vn("2026-05-01")));
        // ~600 events over ~8 months, global indexes 41 apart: days split over several blocks of 1,024.
        history = GeneratedHistory.generate(11, 5, new int[] {20, 40}, vn("2025-12-01"), Duration.ofDays(240), 41, 100);
        arrival = lateArrivals(history.events());
        inBatches(arrival, 50);
        everyEntry = mongo.database().getCollection(AuditTrailRepository.COLLECTION).find().into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingLong(AuditBson::seq))
                .map(AuditBson::fromBson)
                .toList();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void everyEntryIsNumberedByItsGlobalIndexWhateverOrderItArrivedIn() {
        Map<String, Long> seqByEvent = new HashMap<>();
        for (Document entry : mongo.database().getCollection(AuditTrailRepository.COLLECTION).find()) {
            seqByEvent.put(entry.getString("_id"), entry.getLong("seq"));
        }
        assertThat(seqByEvent).hasSize(history.events().size());
        history.events().forEach(event -> assertThat(seqByEvent.get(event.delivery().eventId())).isEqualTo(event.globalIndex()));
        assertThat(arrival).isNotEqualTo(history.events());
    }

    @Test
    void everyScopeRangeAndPageGivesWhatFilteringEveryEntryGives() {
        List<String[]> scopes = new ArrayList<>(); // organization, actor, document
        for (String organization : Arrays.asList(null, history.organizations().get(0), history.organizations().get(3))) {
            for (String actor : Arrays.asList(null, GeneratedHistory.ACTORS[0], GeneratedHistory.ACTORS[2])) {
                scopes.add(new String[] {organization, actor, null});
            }
        }
        String someDocument = history.documentIds().get(2);
        scopes.add(new String[] {null, null, someDocument});
        scopes.add(new String[] {history.organizations().get(0), GeneratedHistory.ACTORS[1], someDocument});
        scopes.add(new String[] {history.organizations().get(1), null, someDocument});
        scopes.add(new String[] {null, null, "no-such-document"});

        Instant someEvent = everyEntry.get(everyEntry.size() / 2).occurredAt();
        Instant[][] ranges = {
                {null, null},
                {vn("2026-01-01"), vn("2026-02-01")},
                {vn("2026-02-01"), vn("2026-03-01")},
                {vn("2026-01-20"), vn("2026-01-21")},
                {Instant.parse("2026-01-10T05:00:00Z"), Instant.parse("2026-02-20T13:30:00.5Z")},
                {vn("2026-03-01"), null},
                {null, vn("2026-01-15").plusNanos(1)},
                {someEvent, someEvent.plusNanos(1)},
                {vn("2030-01-01"), null},
                {null, vn("2020-01-01")},
                {Instant.MIN, Instant.MAX},
                {vn("2025-06-01"), vn("2025-12-02")}};
        List<PageRequest> pages = List.of(new PageRequest(0, 50), new PageRequest(1, 7), new PageRequest(0, 500),
                new PageRequest(5, 3), new PageRequest(1000, 10));
        int nonEmpty = 0;
        for (String[] scope : scopes) {
            for (Instant[] range : ranges) {
                for (PageRequest page : pages) {
                    FetchAuditTrailQuery query = new FetchAuditTrailQuery(scope[0], scope[2], scope[1], range[0], range[1], page);
                    AuditTrailPage answer = readModels.auditTrailQueries.handle(query);
                    assertThat(idsAndTotal(answer)).as("%s", query).isEqualTo(idsAndTotal(expected(query)));
                    assertThat(answer).isEqualTo(expected(query));
                    nonEmpty += answer.items().isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(nonEmpty).as("the queries do find entries").isGreaterThan(200);
    }

    @Test
    void walkingAMonthPageByPageGivesEachEntryOnceInOrder() {
        for (String organization : Arrays.asList(null, history.organizations().get(2))) {
            List<AuditEntry> walked = new ArrayList<>();
            long total = 0;
            for (int page = 0; ; page++) {
                AuditTrailPage answer = readModels.auditTrailQueries.handle(new FetchAuditTrailQuery(organization, null, null,
                        vn("2026-01-01"), vn("2026-02-01"), new PageRequest(page, 13)));
                total = answer.total();
                if (answer.items().isEmpty()) {
                    break;
                }
                walked.addAll(answer.items());
            }
            assertThat(walked).hasSize((int) total).isEqualTo(expected(new FetchAuditTrailQuery(organization, null, null,
                    vn("2026-01-01"), vn("2026-02-01"), new PageRequest(0, 500))).items());
            assertThat(total).isGreaterThan(3);
        }
    }

    @Test
    void aReplayInTheEventStoresOrderWritesTheSameCollectionsAndARedeliveryChangesNothing() {
        Map<String, List<String>> live = mongo.dump(ReadModels.COLLECTIONS);

        arrival.forEach(event -> readModels.deliver(event.delivery(), event.globalIndex()));
        assertThat(mongo.dump(ReadModels.COLLECTIONS)).as("every event delivered again, one at a time").isEqualTo(live);

        readModels.resetAll();
        inBatches(history.events(), 100);
        assertThat(mongo.dump(ReadModels.COLLECTIONS)).as("replayed in global-index order").isEqualTo(live);
    }

    @Test
    void entriesThatStartABucketArrivingAfterHigherOnesLeaveWhatAReplayInOrderWrites() {
        Map<String, List<String>> live = mongo.dump(ReadModels.COLLECTIONS);
        AuditScope anOrganization = AuditScope.of(history.organizations().get(0), null);
        // Each entry that starts an organization's bucket arrives up to 40 events late, never after a
        // later event of its own document (a document's events come in order).
        List<GeneratedHistory.Event> arrivals = new ArrayList<>(history.events());
        int late = 0;
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            GeneratedHistory.Event event = arrivals.get(i);
            if (!AuditTrailIndex.startsBucket(event.globalIndex(), anOrganization)) {
                continue;
            }
            int to = i;
            while (to + 1 < arrivals.size() && to - i < 40 && !documentOf(arrivals.get(to + 1)).equals(documentOf(event))) {
                to++;
            }
            arrivals.add(to, arrivals.remove(i));
            late += to > i ? 1 : 0;
        }
        assertThat(late).as("entries that start an organization's bucket and arrive late").isGreaterThan(5);

        readModels.resetAll();
        inBatches(arrivals, 10);

        assertThat(mongo.dump(ReadModels.COLLECTIONS)).isEqualTo(live);
    }

    @Test
    void aScopesBucketsHoldItsOwnEntriesHoweverManyOtherEntriesCameBetweenThem() {
        // Five organizations and five actors share the indexes, 41 apart: an organization's entries are
        // ~200 indexes apart, and an actor's ~200, as with many agencies writing at once.
        for (String organization : history.organizations()) {
            assertBucketsHoldEntries(AuditScope.of(organization, null),
                    everyEntry.stream().filter(entry -> entry.organizationId().equals(organization)).toList());
        }
        for (String actor : GeneratedHistory.ACTORS) {
            assertBucketsHoldEntries(AuditScope.of(null, actor),
                    everyEntry.stream().filter(entry -> entry.actor().equals(actor)).toList());
        }
    }

    /** At most one bucket per month the scope has entries in, and one per 8 of its entries on top. */
    private void assertBucketsHoldEntries(AuditScope scope, List<AuditEntry> entries) {
        long months = entries.stream().map(entry -> AuditTrailIndex.monthOf(entry.occurredAt())).distinct().count();
        long buckets = 0;
        for (Document year : mongo.database().getCollection(AuditTrailIndex.YEARS_COLLECTION)
                .find(com.mongodb.client.model.Filters.regex("_id", "^" + java.util.regex.Pattern.quote(scope.key() + "|")))) {
            buckets += year.get("buckets", Document.class).size();
        }
        long inBuckets = mongo.database().getCollection(AuditTrailIndex.BUCKETS_COLLECTION)
                .find(com.mongodb.client.model.Filters.regex("_id", "^" + java.util.regex.Pattern.quote(scope.key() + "|")))
                .into(new ArrayList<>()).stream().mapToLong(bucket -> bucket.get("e", Document.class).size()).sum();
        assertThat(entries).as(scope.key()).hasSizeGreaterThan(60);
        assertThat(inBuckets).as("%s: entries filed", scope.key()).isEqualTo(entries.size());
        assertThat(buckets).as("%s: buckets for %d entries over %d months", scope.key(), entries.size(), months)
                .isLessThanOrEqualTo(months + entries.size() / 8);
    }

    private void inBatches(List<GeneratedHistory.Event> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            readModels.deliverBatch(events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    /** Swaps some neighbours of different documents, as when a writer's commit becomes visible late. */
    private static List<GeneratedHistory.Event> lateArrivals(List<GeneratedHistory.Event> inIndexOrder) {
        List<GeneratedHistory.Event> arrival = new ArrayList<>(inIndexOrder);
        for (int i = 5; i + 1 < arrival.size(); i += 9) {
            if (!documentOf(arrival.get(i)).equals(documentOf(arrival.get(i + 1)))) {
                GeneratedHistory.Event early = arrival.get(i);
                arrival.set(i, arrival.get(i + 1));
                arrival.set(i + 1, early);
            }
        }
        return arrival;
    }

    private static String documentOf(GeneratedHistory.Event event) {
        Object payload = event.delivery().event();
        if (payload instanceof vn.qms.doccontrol.events.DocumentIssuedEvent issued) {
            return issued.documentId();
        }
        if (payload instanceof vn.qms.doccontrol.events.DocumentRevisedEvent revised) {
            return revised.documentId();
        }
        return ((vn.qms.doccontrol.events.DocumentWithdrawnEvent) payload).documentId();
    }

    private static String idsAndTotal(AuditTrailPage page) {
        return page.total() + " " + page.items().stream().map(AuditEntry::eventId).toList();
    }

    private AuditTrailPage expected(FetchAuditTrailQuery query) {
        List<AuditEntry> matching = everyEntry.stream()
                .filter(e -> query.organizationId() == null || query.organizationId().equals(e.organizationId()))
                .filter(e -> query.documentId() == null || query.documentId().equals(e.documentId()))
                .filter(e -> query.actor() == null || query.actor().equals(e.actor()))
                .filter(e -> query.from() == null || !e.occurredAt().isBefore(query.from()))
                .filter(e -> query.to() == null || e.occurredAt().isBefore(query.to()))
                .toList();
        return new AuditTrailPage(matching.stream().skip(query.page().offset()).limit(query.page().size()).toList(),
                matching.size());
    }
}
