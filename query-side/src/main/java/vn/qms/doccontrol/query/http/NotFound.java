package vn.qms.doccontrol.query.http;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import vn.qms.doccontrol.platform.web.ProblemResponses;

/**
 * 404 answers as problem+json. They never repeat the id from the path: an unknown and a malformed
 * id are the same to a reader, a resource that is not there.
 */
final class NotFound {

    private static final String TITLE = "Not found";

    private NotFound() {
    }

    static ErrorResponseException document(Instant asOf) {
        return problem(asOf == null ? "No document has this id."
                : "No document with this id was in force at " + asOf + ".");
    }

    static ErrorResponseException revision() {
        return problem("The document has no revision with this number.");
    }

    static ErrorResponseException auditTrail() {
        return problem("The audit trail has no document with this id.");
    }

    private static ErrorResponseException problem(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemResponses.problem(HttpStatus.NOT_FOUND, TITLE, detail), null);
    }
}
