package vn.qms.doccontrol.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.qms.doccontrol.platform.mongo.FreeSpaceGuard;
import vn.qms.doccontrol.platform.web.ProblemResponses.FieldError;

/**
 * Turns every failure of the HTTP layer into problem+json naming the field at fault. Anything not
 * foreseen is a 500 whose body says nothing of the internals; the log has the details under an
 * incident id that the answer quotes.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final String INVALID = "Invalid request";

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return respond(ProblemResponses.fieldProblem(e.status(), INVALID, e.field(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, e.getName(), "must be " + describe(expected)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        MongoException storage = causeOf(e, MongoException.class);
        if (storage != null) {
            return storageUnavailable(storage);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. Quote incident " + incident + " to the administrator.");
        problem.setProperty("incident", incident);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return cast(respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return cast(respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, errors)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return cast(respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                return cast(respond(tooLarge.problem()));
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return cast(respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID,
                    path(unknown), "is not a known property")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String message = cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()
                    ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
                    : "has the wrong type or format" + expectedType(mapping);
            return cast(respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, path(mapping), message)));
        }
        String detail = cause instanceof JsonProcessingException ? "is not well-formed JSON" : "is missing or unreadable";
        return cast(respond(ProblemResponses.fieldProblem(HttpStatus.BAD_REQUEST, INVALID, "body", detail)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // Spring's own answers (405, 406, 415, ...) come here: keep them problem+json, drop internals.
        HttpStatus resolved = HttpStatus.resolve(status.value());
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemResponses.problem(resolved == null ? HttpStatus.BAD_REQUEST : resolved,
                        resolved == null ? "Error" : resolved.getReasonPhrase(), e.getMessage());
        return ResponseEntity.status(status).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectedType(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return ": expected " + describe(mismatched.getTargetType().getSimpleName());
        }
        return "";
    }

    private static String describe(String javaType) {
        return switch (javaType) {
            case "String" -> "a string";
            case "int", "Integer", "long", "Long" -> "an integer";
            case "Instant" -> "an ISO-8601 instant";
            default -> "a " + javaType;
        };
    }

    /**
     * The database refused or did not answer: 503, for the client to try again later. A full disk
     * ({@link FreeSpaceGuard}) is refused before anything is written; any other failure may have
     * happened after the write, so the answer does not claim that nothing was recorded.
     */
    private static ResponseEntity<ProblemDetail> storageUnavailable(MongoException e) {
        boolean diskFull = e.getCode() == FreeSpaceGuard.OUT_OF_DISK_SPACE;
        log.warn("Storage unavailable: {} (code {})", e.getClass().getSimpleName(), e.getCode());
        ProblemDetail problem = diskFull
                ? ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage full",
                        "The server's disk is full, so nothing was recorded. Try again once space has been freed.")
                : ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable",
                        "The database did not answer as expected. Check whether the change was recorded before repeating it.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, diskFull ? "60" : "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
