package vn.qms.doccontrol.query.audit;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the audit trail, of one document or filtered across organizations. */
@Component
public class AuditTrailQueryHandler {

    private final AuditTrailRepository trail;

    public AuditTrailQueryHandler(AuditTrailRepository trail) {
        this.trail = trail;
    }

    @QueryHandler
    public Optional<DocumentAuditTrail> handle(FetchDocumentAuditTrailQuery query) {
        return trail.forDocument(query.documentId()).map(entries -> new DocumentAuditTrail(query.documentId(), entries));
    }

    @QueryHandler
    public AuditTrailPage handle(FetchAuditTrailQuery query) {
        return trail.search(query);
    }
}
