package vn.qms.doccontrol.query.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.query.search.FoldedSearch;

/**
 * Answers the register. Status and the title in force depend on the clock, so they are worked out
 * here. The organization's register index ({@link RegisterIndexRepository}) holds what filtering,
 * counting, ordering and the lines themselves need, so a page costs one {@code $in} over the
 * organization's 8 index shards, however large the store (what they hold grows with the
 * organization's register only).
 *
 * <p>Without an organization, every organization's index is read: that listing grows with the
 * whole register (8 shards per organization; still no timeline).
 */
@Component
public class RegisterQueryHandler {

    /** Register order: organization, then code ignoring case, then document id. */
    static final Comparator<RegisterIndexEntry> REGISTER_ORDER = Comparator
            .comparing(RegisterIndexEntry::organizationId)
            .thenComparing(RegisterIndexEntry::codeSortKey)
            .thenComparing(RegisterIndexEntry::documentId);

    private final RegisterIndexRepository index;
    private final Clock clock;

    public RegisterQueryHandler(RegisterIndexRepository index, Clock clock) {
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
        Map<String, RegisterIndexEntry.Shown> shownByDocument = new HashMap<>();
        for (RegisterIndexEntry entry : index.entries(organizations)) {
            if (query.type() != null && query.type() != entry.type()) {
                continue;
            }
            Optional<RegisterIndexEntry.Shown> shown = entry.at(moment, onlyInForce);
            if (shown.isPresent() && (query.status() == null || query.status() == shown.get().status())
                    && search.matchesAny(entry.codeKey(), shown.get().titleKey())) {
                matching.add(entry);
                shownByDocument.put(entry.documentId(), shown.get());
            }
        }
        matching.sort(REGISTER_ORDER);
        List<RegisterItem> items = matching.stream()
                .skip(query.page().offset())
                .limit(query.page().size())
                .map(entry -> entry.item(shownByDocument.get(entry.documentId())))
                .toList();
        return new RegisterPage(items, matching.size());
    }
}
