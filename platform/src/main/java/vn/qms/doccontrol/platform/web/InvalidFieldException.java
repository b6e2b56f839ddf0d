package vn.qms.doccontrol.platform.web;

import org.springframework.http.HttpStatus;

/** A request field (body property or query parameter) is unacceptable; answered as 4xx naming it. */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final HttpStatus status;

    public InvalidFieldException(String field, String message) {
        this(HttpStatus.BAD_REQUEST, field, message);
    }

    public InvalidFieldException(HttpStatus status, String field, String message) {
        super(message);
        this.field = field;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public HttpStatus status() {
        return status;
    }
}
