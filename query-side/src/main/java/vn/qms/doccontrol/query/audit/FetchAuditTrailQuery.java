package vn.qms.doccontrol.query.audit;

import java.time.Instant;
import vn.qms.doccontrol.platform.web.InvalidFieldException;
import vn.qms.doccontrol.platform.web.PointInTime;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.criteria.RequestText;

/**
 * One page of the organization-wide audit trail, in commit order. Every filter is optional.
 *
 * @param from entries that occurred at or after this instant
 * @param to   entries that occurred before this instant
 */
public record FetchAuditTrailQuery(
        String organizationId,
        String documentId,
        String actor,
        Instant from,
        Instant to,
        PageRequest page) {

    public FetchAuditTrailQuery {
        organizationId = RequestText.optionalOrganizationId("organizationId", organizationId);
        documentId = RequestText.optional("documentId", documentId);
        actor = RequestText.optional("actor", actor);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        page = page == null ? PageRequest.of(null, null) : page;
    }

    /** Reads the query from request parameters as given, naming the parameter that is at fault. */
    public static FetchAuditTrailQuery fromParameters(String organizationId, String documentId, String actor,
                                                      String from, String to, Integer page, Integer size) {
        return new FetchAuditTrailQuery(organizationId, documentId, actor,
                PointInTime.parseOptional("from", from), PointInTime.parseOptional("to", to),
                PageRequest.of(page, size));
    }
}
