package vn.qms.doccontrol.command.http;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.qms.doccontrol.command.code.DuplicateDocumentCodeException;
import vn.qms.doccontrol.command.document.DocumentFieldException;
import vn.qms.doccontrol.command.document.DocumentWithdrawnException;
import vn.qms.doccontrol.command.document.EffectiveFromTooEarlyException;
import vn.qms.doccontrol.command.document.StaleRevisionException;
import vn.qms.doccontrol.platform.web.ProblemResponses;

/**
 * Answers the refusals of the write side as problem+json naming the field at fault. Runs before the
 * platform's handler, which answers everything else (request validation, unexpected failures).
 */
@RestControllerAdvice(assignableTypes = DocumentCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemHandler {

    private static final String CONFLICT = "Conflict with the document's recorded state";
    private static final String INVALID = "Invalid request";

    @ExceptionHandler(StaleRevisionException.class)
    ResponseEntity<ProblemDetail> staleRevision(StaleRevisionException e) {
        ProblemDetail problem = ProblemResponses.fieldProblem(HttpStatus.CONFLICT, CONFLICT, "expectedRevision",
                "must be the latest revision, " + e.latestRevision());
        problem.setProperty("latestRevision", e.latestRevision());
        return respond(problem);
    }

    @ExceptionHandler(DocumentWithdrawnException.class)
    ResponseEntity<ProblemDetail> withdrawn(DocumentWithdrawnException e) {
        ProblemDetail problem = ProblemResponses.fieldProblem(HttpStatus.CONFLICT, CONFLICT, "id",
                "the document is withdrawn from " + e.withdrawalEffectiveFrom());
        problem.setProperty("withdrawalEffectiveFrom", e.withdrawalEffectiveFrom().toString());
        return respond(problem);
    }

    @ExceptionHandler(EffectiveFromTooEarlyException.class)
    ResponseEntity<ProblemDetail> tooEarly(EffectiveFromTooEarlyException e) {
        ProblemDetail problem = ProblemResponses.fieldProblem(HttpStatus.CONFLICT, CONFLICT, e.field(), e.getMessage());
        problem.setProperty("notBefore", e.notBefore().toString());
        return respond(problem);
    }

    @ExceptionHandler(DuplicateDocumentCodeException.class)
    ResponseEntity<ProblemDetail> duplicateCode(DuplicateDocumentCodeException e) {
        return respond(ProblemResponses.fieldProblem(HttpStatus.CONFLICT, "Code already in use", e.field(),
                "is already used by another document of " + e.organizationId() + " that is not withdrawn"));
    }

    @ExceptionHandler(DocumentFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(DocumentFieldException e) {
        return respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, e.field(), e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownDocument(AggregateNotFoundException e) {
        return respond(ProblemResponses.fieldProblem(HttpStatus.NOT_FOUND, "Document not found", "id",
                "no document has this id"));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException e) {
        return respond(ProblemResponses.fieldProblem(HttpStatus.CONFLICT, CONFLICT, "id",
                "another change to this document was recorded at the same moment; reload it and try again"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
