package vn.qms.doccontrol.query.revisions;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.query.register.RegisterRepository;

/** Answers a document's revisions. The register says how many there are; the rows are read by id. */
@Component
public class RevisionQueryHandler {

    private final RegisterRepository register;
    private final RevisionRepository revisions;

    public RevisionQueryHandler(RegisterRepository register, RevisionRepository revisions) {
        this.register = register;
        this.revisions = revisions;
    }

    @QueryHandler
    public Optional<RevisionHistory> handle(FetchRevisionsQuery query) {
        return register.find(query.documentId())
                .map(timeline -> new RevisionHistory(timeline.documentId(),
                        revisions.summaries(timeline.documentId(), timeline.latestRevision())));
    }

    @QueryHandler
    public Optional<Revision> handle(FetchRevisionQuery query) {
        return revisions.find(query.documentId(), query.revision());
    }
}
