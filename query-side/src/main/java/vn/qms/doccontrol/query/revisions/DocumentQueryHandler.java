package vn.qms.doccontrol.query.revisions;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.query.register.DocumentState;
import vn.qms.doccontrol.query.register.DocumentTimeline;
import vn.qms.doccontrol.query.register.RegisterRepository;

/** Answers a document as in force at a moment: the register picks the revision, its row gives the content. */
@Component
public class DocumentQueryHandler {

    private final RegisterRepository register;
    private final RevisionRepository revisions;
    private final Clock clock;

    public DocumentQueryHandler(RegisterRepository register, RevisionRepository revisions, Clock clock) {
        this.register = register;
        this.revisions = revisions;
        this.clock = clock;
    }

    @QueryHandler
    public Optional<DocumentView> handle(FetchDocumentQuery query) {
        Optional<DocumentTimeline> timeline = register.find(query.documentId());
        if (timeline.isEmpty()) {
            return Optional.empty();
        }
        Optional<DocumentState> state = query.asOf() == null
                ? Optional.of(timeline.get().at(clock.instant()))
                : timeline.get().asOf(query.asOf());
        return state.flatMap(s -> revisions.find(query.documentId(), s.revision().revision())
                .map(shown -> DocumentView.of(timeline.get(), s, shown)));
    }
}
