package vn.qms.doccontrol.query.register;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.search.FoldedSearch;
import vn.qms.doccontrol.query.support.Delivery;
import vn.qms.doccontrol.query.support.GeneratedHistory;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.SampleDocuments;
import vn.qms.doccontrol.query.support.TestClock;

/**
 * The register answered from the organizations' register index gives exactly what reading every
 * timeline gives (the rule the register had before the index, kept here as the reference): the
 * same items in the same order, the same totals, for every filter, page and moment.
 */
class RegisterLookupsTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private TestClock clock;
    private ReadModels readModels;
    private GeneratedHistory history;
    private final Map<String, DocumentTimeline> reference = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        clock = new TestClock(vn("2026-05-01"));
        readModels = new ReadModels(mongo.database(), clock);
        history = GeneratedHistory.generate(7, 5, new int[] {15, 40}, vn("2025-12-01"), Duration.ofDays(240), 37, 200);
        List<GeneratedHistory.Event> events = history.events();
        for (int from = 0; from < events.size(); from += 50) {
            readModels.deliverBatch(events.subList(from, Math.min(events.size(), from + 50)));
        }
        events.forEach(event -> apply(event.delivery()));
        // An id that is no field name as it is: the index escapes it.
        DocumentIssuedEvent odd = SampleDocuments.issued("odd.$id%2E", history.organizations().get(0), DocumentType.FORM,
                "BM-đặc-biệt", "Biểu mẫu đặc biệt", vn("2026-01-02"));
        readModels.deliver(new Delivery(odd, 0, "evt-odd"), 1_000_000);
        apply(new Delivery(odd, 0, "evt-odd"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void everyFilterPageAndMomentGivesWhatReadingEveryTimelineGives() {
        List<String> organizations = new ArrayList<>(history.organizations());
        organizations.add(null);
        String[] searches = {null, "kiem soat", "Kiểm soát HỒ SƠ", "dang ky", "chất lượng", "qt-01", "đặc biệt", "  ",
                "khong co gi"};
        Instant[] asOfs = {null, vn("2025-12-15"), vn("2026-02-01"), vn("2026-04-30").plusNanos(1)};
        int checked = 0;
        for (String organization : organizations) {
            for (String search : searches) {
                for (Instant asOf : asOfs) {
                    List<FetchRegisterQuery> queries = new ArrayList<>();
                    for (PageRequest page : List.of(new PageRequest(0, 50), new PageRequest(1, 7), new PageRequest(40, 1))) {
                        queries.add(new FetchRegisterQuery(organization, null, null, search, asOf, page));
                    }
                    for (DocumentType type : new DocumentType[] {null, DocumentType.PROCEDURE}) {
                        for (DocumentStatus status : DocumentStatus.values()) {
                            queries.add(new FetchRegisterQuery(organization, type, status, search, asOf, new PageRequest(0, 10)));
                        }
                    }
                    for (FetchRegisterQuery query : queries) {
                        assertThat(readModels.registerQueries.handle(query)).as("%s", query).isEqualTo(expected(query));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 9 * 4 * 9);
    }

    @Test
    void pagesWalkTheWholeRegisterOfAnOrganizationInOrderWithTheSameTotal() {
        String organization = history.organizations().get(1);
        List<RegisterItem> walked = new ArrayList<>();
        long total = -1;
        for (int page = 0; ; page++) {
            RegisterPage answer = readModels.registerQueries.handle(
                    new FetchRegisterQuery(organization, null, null, null, null, new PageRequest(page, 4)));
            total = answer.total();
            if (answer.items().isEmpty()) {
                break;
            }
            walked.addAll(answer.items());
        }
        assertThat(walked).hasSize((int) total);
        assertThat(walked).extracting(item -> item.code().toLowerCase(java.util.Locale.ROOT)).isSorted();
        assertThat(walked).extracting(RegisterItem::organizationId).containsOnly(organization);
    }

    @Test
    void theIndexEntryComputesTheSameStatusAsTheTimelineAtEveryMoment() {
        for (DocumentTimeline timeline : reference.values()) {
            RegisterIndexEntry entry = RegisterIndexEntry.of(timeline);
            List<Instant> moments = new ArrayList<>();
            timeline.revisions().forEach(r -> moments.addAll(List.of(r.effectiveFrom().minusNanos(1), r.effectiveFrom())));
            if (timeline.withdrawal() != null) {
                moments.addAll(List.of(timeline.withdrawal().effectiveFrom().minusNanos(1), timeline.withdrawal().effectiveFrom()));
            }
            for (Instant moment : moments) {
                assertThat(entry.item(entry.at(moment, false).orElseThrow())).isEqualTo(RegisterItem.of(timeline, timeline.at(moment)));
                assertThat(entry.at(moment, true).map(entry::item))
                        .isEqualTo(timeline.asOf(moment).map(state -> RegisterItem.of(timeline, state)));
            }
        }
    }

    @Test
    void redeliveringEveryEventOneAtATimeOrAReplayLeavesTheIndexAsItWas() {
        Map<String, List<String>> once = mongo.dump(RegisterIndexRepository.COLLECTION, RegisterRepository.COLLECTION);
        history.events().forEach(event -> readModels.deliver(event.delivery(), event.globalIndex()));
        assertThat(mongo.dump(RegisterIndexRepository.COLLECTION, RegisterRepository.COLLECTION)).isEqualTo(once);

        readModels.resetAll();
        history.events().forEach(event -> readModels.deliver(event.delivery(), event.globalIndex()));
        readModels.deliver(new Delivery(SampleDocuments.issued("odd.$id%2E", history.organizations().get(0), DocumentType.FORM,
                "BM-đặc-biệt", "Biểu mẫu đặc biệt", vn("2026-01-02")), 0, "evt-odd"), 1_000_000);
        assertThat(mongo.dump(RegisterIndexRepository.COLLECTION, RegisterRepository.COLLECTION))
                .as("a replay rebuilds the same index").isEqualTo(once);
    }

    /** The register as it was computed before the index: every timeline, in register order. */
    private RegisterPage expected(FetchRegisterQuery query) {
        Instant moment = query.asOf() != null ? query.asOf() : clock.instant();
        FoldedSearch search = FoldedSearch.of(query.search());
        List<RegisterItem> matches = new ArrayList<>();
        reference.values().stream()
                .filter(t -> query.organizationId() == null || t.organizationId().equals(query.organizationId()))
                .filter(t -> query.type() == null || t.type() == query.type())
                .sorted(Comparator.comparing(DocumentTimeline::organizationId).thenComparing(DocumentTimeline::codeSortKey)
                        .thenComparing(DocumentTimeline::documentId))
                .forEach(t -> {
                    Optional<DocumentState> state = query.asOf() != null ? t.asOf(moment) : Optional.of(t.at(moment));
                    state.filter(s -> query.status() == null || s.status() == query.status())
                            .filter(s -> search.matchesAny(t.codeKey(), s.revision().titleKey()))
                            .ifPresent(s -> matches.add(RegisterItem.of(t, s)));
                });
        List<RegisterItem> page = matches.stream().skip(query.page().offset()).limit(query.page().size()).toList();
        return new RegisterPage(page, matches.size());
    }

    private void apply(Delivery delivery) {
        if (delivery.event() instanceof DocumentIssuedEvent issued) {
            reference.putIfAbsent(issued.documentId(), DocumentTimeline.issued(issued, delivery.sequence()));
        } else if (delivery.event() instanceof DocumentRevisedEvent revised) {
            reference.computeIfPresent(revised.documentId(), (id, t) -> t.revised(revised, delivery.sequence()));
        } else if (delivery.event() instanceof DocumentWithdrawnEvent withdrawn) {
            reference.computeIfPresent(withdrawn.documentId(), (id, t) -> t.withdrawn(withdrawn, delivery.sequence()));
        }
    }
}
