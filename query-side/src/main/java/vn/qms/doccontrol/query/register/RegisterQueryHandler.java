package vn.qms.doccontrol.query.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.query.search.FoldedSearch;

/**
 * Answers the register. Status and the title in force depend on the clock, so they are worked out
 * here. The organization's register index ({@link RegisterIndexRepository}) holds what filtering,
 * counting and ordering need, so a page costs one {@code $in} over the organization's index shards
 * and one {@code $in} over the page's timelines, however large the store: the number of documents
 * read depends on the page size only (and the index's entries on the organization's size).
 *
 * <p>Without an organization, every organization's index is read: that listing grows with the
 * whole register (still without reading any timeline but the page's).
 */
@Component
public class RegisterQueryHandler {

    /** Register order: organization, then code ignoring case, then document id. */
    static final Comparator<RegisterIndexEntry> REGISTER_ORDER = Comparator
            .comparing(RegisterIndexEntry::organizationId)
            .thenComparing(RegisterIndexEntry::codeSortKey)
            .thenComparing(RegisterIndexEntry::documentId);

    private final RegisterRepository register;
    private final RegisterIndexRepository index;
    private final Clock clock;

    public RegisterQueryHandler(RegisterRepository register, RegisterIndexRepository index, Clock clock) {
        this.register = register;
        this.index = index;
        this.clock = clock;
    }

    @QueryHandler
    public RegisterPage handle(FetchRegisterQuery query) {
        Instant moment = query.asOf() != null ? query.asOf() : clock.instant();
        boolean onlyInForce = query.asOf() != null;
        FoldedSearch search = FoldedSearch.of(query.search());
        List<String> organizations = query.organizationId() != null ? List.of(query.organizationId()) : index.organizations();

        List<RegisterIndexEntry> matching = new ArrayList<>();
        for (RegisterIndexEntry entry : index.entries(organizations)) {
            if (query.type() != null && query.type() != entry.type()) {
                continue;
            }
            Optional<RegisterIndexEntry.Shown> shown = entry.at(moment, onlyInForce);
            if (shown.isPresent() && (query.status() == null || query.status() == shown.get().status())
                    && search.matchesAny(entry.codeKey(), shown.get().titleKey())) {
                matching.add(entry);
            }
        }
        matching.sort(REGISTER_ORDER);

        long offset = query.page().offset();
        List<String> pageIds = matching.stream()
                .skip(offset)
                .limit(query.page().size())
                .map(RegisterIndexEntry::documentId)
                .toList();
        Map<String, DocumentTimeline> timelines = register.findAll(pageIds).stream()
                .collect(Collectors.toMap(DocumentTimeline::documentId, Function.identity()));
        List<RegisterItem> items = new ArrayList<>();
        for (String documentId : pageIds) {
            DocumentTimeline timeline = timelines.get(documentId);
            if (timeline == null) {
                continue; // cannot happen: the index is written after the timeline
            }
            Optional<DocumentState> state = onlyInForce ? timeline.asOf(moment) : Optional.of(timeline.at(moment));
            state.ifPresent(s -> items.add(RegisterItem.of(timeline, s)));
        }
        return new RegisterPage(items, matching.size());
    }
}
