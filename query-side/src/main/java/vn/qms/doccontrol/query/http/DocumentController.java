package vn.qms.doccontrol.query.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qms.doccontrol.platform.web.PointInTime;
import vn.qms.doccontrol.query.audit.AuditEntry;
import vn.qms.doccontrol.query.audit.DocumentAuditTrail;
import vn.qms.doccontrol.query.audit.FetchDocumentAuditTrailQuery;
import vn.qms.doccontrol.query.register.FetchRegisterQuery;
import vn.qms.doccontrol.query.register.RegisterPage;
import vn.qms.doccontrol.query.revisions.DocumentView;
import vn.qms.doccontrol.query.revisions.FetchDocumentQuery;
import vn.qms.doccontrol.query.revisions.FetchRevisionQuery;
import vn.qms.doccontrol.query.revisions.FetchRevisionsQuery;
import vn.qms.doccontrol.query.revisions.Revision;
import vn.qms.doccontrol.query.revisions.RevisionHistory;
import vn.qms.doccontrol.query.revisions.RevisionSummary;

/**
 * The read API of controlled documents. Reads follow writes within about a second: they are
 * answered from read models that the projections keep up to date.
 */
@RestController
@RequestMapping(path = "/api/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Documents (read)", description = "Danh mục tài liệu: the register, documents in force, revisions and their audit trail. "
        + "Eventually consistent: a write shows here within about a second.")
public class DocumentController {

    private static final String AS_OF_DESCRIPTION = "ISO-8601 instant with offset, or a date meaning 00:00 in Việt Nam "
            + "(Asia/Ho_Chi_Minh).";

    private final Queries queries;

    DocumentController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The document register",
            description = "Documents sorted by organization, then code ignoring case. Without status, withdrawn documents "
                    + "are included. With asOf, only documents in force at that moment are listed, as they were then. "
                    + "q matches code and title ignoring case and Vietnamese diacritics (đ matches d).")
    @ApiResponse(responseCode = "200", description = "One page and the total number of matching documents")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; the problem names it in field")
    public RegisterPage register(
            @Parameter(description = "Only this organization's documents", example = "ubnd-quan-1")
            @RequestParam(name = "organizationId", required = false) String organizationId,
            @Parameter(description = "Only documents of this type", example = "PROCEDURE",
                    schema = @Schema(allowableValues = {"QUALITY_POLICY", "QUALITY_OBJECTIVES", "PROCEDURE", "FORM",
                            "WORK_INSTRUCTION", "QMS_DESCRIPTION"}))
            @RequestParam(name = "type", required = false) String type,
            @Parameter(description = "Only documents with this status at the moment asked",
                    schema = @Schema(allowableValues = {"EFFECTIVE", "SCHEDULED", "WITHDRAWN"}))
            @RequestParam(name = "status", required = false) String status,
            @Parameter(description = "Words of the code or title, with or without diacritics", example = "kiem soat tai lieu")
            @RequestParam(name = "q", required = false) String q,
            @Parameter(description = "The register as it stood then. " + AS_OF_DESCRIPTION, example = "2026-01-01")
            @RequestParam(name = "asOf", required = false) String asOf,
            @Parameter(description = "Page number, from 0", example = "0")
            @RequestParam(name = "page", required = false) Integer page,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50")
            @RequestParam(name = "size", required = false) Integer size) {
        FetchRegisterQuery query = FetchRegisterQuery.fromParameters(organizationId, type, status, q, asOf, page, size);
        return queries.ask(query, ResponseTypes.instanceOf(RegisterPage.class));
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "A document as in force",
            description = "The revision in force now (or at asOf), with its content and status. Now, a document whose first "
                    + "revision is not in force yet is answered as SCHEDULED with revision 1; at an asOf before that it is 404. "
                    + "A withdrawn document shows the last revision in force and the withdrawal.")
    @ApiResponse(responseCode = "200", description = "The document")
    @ApiResponse(responseCode = "404", description = "No such document, or not in force at asOf")
    public DocumentView document(
            @Parameter(description = "Document id") @PathVariable("documentId") String documentId,
            @Parameter(description = "The document as in force then. " + AS_OF_DESCRIPTION, example = "2026-01-01T08:00:00+07:00")
            @RequestParam(name = "asOf", required = false) String asOf) {
        Instant moment = PointInTime.parseOptional("asOf", asOf);
        return queries.ask(new FetchDocumentQuery(documentId, moment), ResponseTypes.optionalInstanceOf(DocumentView.class))
                .orElseThrow(() -> NotFound.document(moment));
    }

    @GetMapping("/{documentId}/revisions")
    @Operation(summary = "Every revision of a document",
            description = "All revisions in revision order, including scheduled ones. Metadata only: the content is NOT "
                    + "included; fetch /api/documents/{documentId}/revisions/{revision} for it.")
    @ApiResponse(responseCode = "200", description = "The revisions, without content")
    @ApiResponse(responseCode = "404", description = "No such document")
    public List<RevisionSummary> revisions(@Parameter(description = "Document id") @PathVariable("documentId") String documentId) {
        return queries.ask(new FetchRevisionsQuery(documentId), ResponseTypes.optionalInstanceOf(RevisionHistory.class))
                .map(RevisionHistory::revisions)
                .orElseThrow(() -> NotFound.document(null));
    }

    @GetMapping("/{documentId}/revisions/{revision}")
    @Operation(summary = "One revision of a document, with its content")
    @ApiResponse(responseCode = "200", description = "The revision")
    @ApiResponse(responseCode = "404", description = "No such document or revision")
    public Revision revision(
            @Parameter(description = "Document id") @PathVariable("documentId") String documentId,
            @Parameter(description = "Revision number, from 1", example = "1",
                    schema = @Schema(type = "integer", minimum = "1")) @PathVariable("revision") String revision) {
        int number = revisionNumber(revision);
        return queries.ask(new FetchRevisionQuery(documentId, number), ResponseTypes.optionalInstanceOf(Revision.class))
                .orElseThrow(NotFound::revision);
    }

    @GetMapping("/{documentId}/audit-trail")
    @Operation(summary = "The audit trail of a document", description = "Every event of the document in commit order.")
    @ApiResponse(responseCode = "200", description = "The entries")
    @ApiResponse(responseCode = "404", description = "No such document")
    public List<AuditEntry> auditTrail(@Parameter(description = "Document id") @PathVariable("documentId") String documentId) {
        return queries.ask(new FetchDocumentAuditTrailQuery(documentId), ResponseTypes.optionalInstanceOf(DocumentAuditTrail.class))
                .map(DocumentAuditTrail::entries)
                .orElseThrow(NotFound::auditTrail);
    }

    /** A revision number that is not a positive integer names no revision: 404, like an unknown one. */
    private static int revisionNumber(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
            throw NotFound.revision();
        }
        return Integer.parseInt(text);
    }
}
