package vn.qms.doccontrol.query.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qms.doccontrol.query.audit.AuditTrailPage;
import vn.qms.doccontrol.query.audit.FetchAuditTrailQuery;

/** The organization-wide audit trail, for internal auditors and external inspectors only. */
@RestController
@RequestMapping(path = "/api/audit-trail", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "Nhật ký: every recorded event in commit order. Roles AUDITOR and INSPECTOR only.")
public class AuditTrailController {

    private final Queries queries;

    AuditTrailController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The audit trail",
            description = "Events in commit order, filtered by organization, document, actor and when they occurred "
                    + "(from inclusive, to exclusive).")
    @ApiResponse(responseCode = "200", description = "One page and the total number of matching entries")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; the problem names it in field")
    @ApiResponse(responseCode = "403", description = "Only AUDITOR and INSPECTOR may read the whole trail")
    public AuditTrailPage auditTrail(
            @Parameter(description = "Only this organization's events", example = "ubnd-quan-1")
            @RequestParam(name = "organizationId", required = false) String organizationId,
            @Parameter(description = "Only this document's events")
            @RequestParam(name = "documentId", required = false) String documentId,
            @Parameter(description = "Only events recorded by this user", example = "secretary")
            @RequestParam(name = "actor", required = false) String actor,
            @Parameter(description = "Events that occurred at or after this moment; a date means 00:00 in Việt Nam",
                    example = "2026-01-01")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "Events that occurred before this moment; a date means 00:00 in Việt Nam",
                    example = "2026-02-01T00:00:00+07:00")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "Page number, from 0", example = "0")
            @RequestParam(name = "page", required = false) Integer page,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50")
            @RequestParam(name = "size", required = false) Integer size) {
        FetchAuditTrailQuery query = FetchAuditTrailQuery.fromParameters(organizationId, documentId, actor, from, to, page, size);
        return queries.ask(query, ResponseTypes.instanceOf(AuditTrailPage.class));
    }
}
