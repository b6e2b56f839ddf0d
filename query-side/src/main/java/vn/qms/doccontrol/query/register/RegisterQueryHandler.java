package vn.qms.doccontrol.query.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
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
        long offset = query.page().offset();
        List<RegisterItem> items = new ArrayList<>();
        long[] total = {0};
        register.forEachInRegisterOrder(query.organizationId(), query.type(), timeline -> {
            Optional<DocumentState> state = stateAsked(timeline, query, moment);
            if (state.isEmpty() || !matches(timeline, state.get(), query, search)) {
                return;
            }
            if (total[0] >= offset && items.size() < query.page().size()) {
                items.add(RegisterItem.of(timeline, state.get()));
            }
            total[0]++;
        });
        return new RegisterPage(items, total[0]);
    }

    /** With asOf only documents in force then are listed; without it scheduled ones are listed too. */
    private static Optional<DocumentState> stateAsked(DocumentTimeline timeline, FetchRegisterQuery query, Instant moment) {
        return query.asOf() != null ? timeline.asOf(moment) : Optional.of(timeline.at(moment));
    }

    private static boolean matches(DocumentTimeline timeline, DocumentState state, FetchRegisterQuery query,
                                   FoldedSearch search) {
        return (query.status() == null || query.status() == state.status())
                && search.matchesAny(timeline.codeKey(), state.revision().titleKey());
    }
}
