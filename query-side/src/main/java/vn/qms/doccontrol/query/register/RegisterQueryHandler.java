package vn.qms.doccontrol.query.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.search.FoldedSearch;

/**
 * Answers the register. Status and the title in force depend on the clock, so they are worked out
 * here from each timeline; the database narrows by organization and type and gives register order.
 * Only the requested page is kept in memory while the rest is counted.
 */
@Component
public class RegisterQueryHandler {

    private final RegisterRepository register;
    private final Clock clock;

    public RegisterQueryHandler(RegisterRepository register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @QueryHandler
    public RegisterPage handle(FetchRegisterQuery query) {
        Instant moment = query.asOf() != null ? query.asOf() : clock.instant();
        FoldedSearch search = FoldedSearch.of(query.search());
        PageCollector page = new PageCollector(query.page());
        register.forEachInRegisterOrder(query.organizationId(), query.type(), timeline ->
                stateAsked(timeline, query, moment)
                        .filter(state -> matches(timeline, state, query, search))
                        .ifPresent(state -> page.offer(() -> RegisterItem.of(timeline, state))));
        return page.result();
    }

    /** With asOf only documents in force then are listed; without it scheduled ones are listed too. */
    private static Optional<DocumentState> stateAsked(DocumentTimeline timeline, FetchRegisterQuery query, Instant moment) {
        return query.asOf() != null ? timeline.asOf(moment) : Optional.of(timeline.at(moment));
    }

    /** Keeps the items of the requested page and counts every match. */
    private static final class PageCollector {
        private final PageRequest request;
        private final List<RegisterItem> items = new ArrayList<>();
        private long total;

        PageCollector(PageRequest request) {
            this.request = request;
        }

        void offer(Supplier<RegisterItem> match) {
            if (total >= request.offset() && items.size() < request.size()) {
                items.add(match.get());
            }
            total++;
        }

        RegisterPage result() {
            return new RegisterPage(items, total);
        }
    }

    private static boolean matches(DocumentTimeline timeline, DocumentState state, FetchRegisterQuery query,
                                   FoldedSearch search) {
        return (query.status() == null || query.status() == state.status())
                && search.matchesAny(timeline.codeKey(), state.revision().titleKey());
    }
}
