package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qms.doccontrol.command.document.DocumentText;
import vn.qms.doccontrol.command.document.IssueDocumentCommand;
import vn.qms.doccontrol.command.document.WithdrawDocumentCommand;
import vn.qms.doccontrol.command.document.WithdrawalOutcome;
import vn.qms.doccontrol.command.http.WithdrawalResponse.Status;

/**
 * The write API. The actor is always the authenticated user, never a value of the body (the body
 * cannot even name one: unknown properties are refused).
 */
@RestController
@RequestMapping(path = "/api/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Documents (write)", description = "Issue, revise and withdraw controlled documents; Thư ký ISO only")
public class DocumentCommandController {

    private final DocumentWriteService documents;
    private final Clock clock;

    @Autowired
    public DocumentCommandController(DocumentWriteService documents) {
        this(documents, Clock.systemUTC());
    }

    DocumentCommandController(DocumentWriteService documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a new document (revision 1)")
    public ResponseEntity<RevisionRecordedResponse> issue(@Valid @RequestBody IssueDocumentRequest request,
                                                          Authentication user) {
        String documentId = DocumentIds.newId();
        IssueDocumentCommand command = request.toCommand(documentId, actor(user), clock.instant());
        documents.issue(command);
        return ResponseEntity.created(URI.create("/api/documents/" + documentId))
                .body(new RevisionRecordedResponse(documentId, 1));
    }

    @PostMapping(path = "/{id}/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the next revision of a document")
    public ResponseEntity<RevisionRecordedResponse> revise(@PathVariable("id") String id,
                                                           @Valid @RequestBody ReviseDocumentRequest request,
                                                           Authentication user) {
        String documentId = DocumentIds.require("id", id);
        int revision = documents.revise(request.toCommand(documentId, actor(user), clock.instant()));
        return ResponseEntity.created(URI.create("/api/documents/" + documentId + "/revisions/" + revision))
                .body(new RevisionRecordedResponse(documentId, revision));
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw a document, now or from a later moment")
    public ResponseEntity<WithdrawalResponse> withdraw(@PathVariable("id") String id,
                                                       @Valid @RequestBody WithdrawDocumentRequest request,
                                                       Authentication user) {
        String documentId = DocumentIds.require("id", id);
        Instant now = clock.instant();
        WithdrawDocumentCommand command = request.toCommand(documentId, actor(user), now);
        WithdrawalOutcome outcome = documents.withdraw(command);
        Status status = outcome.effectiveFrom().isAfter(now) ? Status.EFFECTIVE : Status.WITHDRAWN;
        return ResponseEntity.ok(new WithdrawalResponse(documentId, status, outcome.effectiveFrom()));
    }

    private static String actor(Authentication user) {
        if (user == null || user.getName() == null || user.getName().isBlank()) {
            // The security chain lets no anonymous write through; this only guards a misconfiguration.
            throw new IllegalStateException("A write reached the API without an authenticated user");
        }
        return DocumentText.nfc(user.getName());
    }
}
