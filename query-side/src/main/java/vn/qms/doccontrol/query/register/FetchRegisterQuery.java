package vn.qms.doccontrol.query.register;

import java.time.Instant;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.platform.web.PointInTime;
import vn.qms.doccontrol.query.criteria.PageRequest;
import vn.qms.doccontrol.query.criteria.RequestText;

/**
 * One page of the document register.
 *
 * @param organizationId only this organization's documents, or null for all
 * @param type           only documents of this type, or null
 * @param status         only documents with this status at the moment asked, or null (withdrawn included)
 * @param search         free text matched against code and title ignoring case and diacritics, or null
 * @param asOf           the register as it stood then (only documents in force then), or null for now
 */
public record FetchRegisterQuery(
        String organizationId,
        DocumentType type,
        DocumentStatus status,
        String search,
        Instant asOf,
        PageRequest page) {

    public FetchRegisterQuery {
        organizationId = RequestText.optionalOrganizationId("organizationId", organizationId);
        search = RequestText.optional("q", search);
        page = page == null ? PageRequest.of(null, null) : page;
    }

    /** Reads the query from request parameters as given, naming the parameter that is at fault. */
    public static FetchRegisterQuery fromParameters(String organizationId, String type, String status, String q,
                                                    String asOf, Integer page, Integer size) {
        return new FetchRegisterQuery(
                organizationId,
                RequestText.optionalEnum("type", type, DocumentType.class),
                RequestText.optionalEnum("status", status, DocumentStatus.class),
                q,
                PointInTime.parseOptional("asOf", asOf),
                PageRequest.of(page, size));
    }
}
