package vn.qms.doccontrol.query.criteria;

import vn.qms.doccontrol.platform.web.InvalidFieldException;

/**
 * Which slice of a list to answer: {@code page} counts from 0, {@code size} is at most
 * {@value #MAX_SIZE} so that no single request makes the server hold a whole register.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** Absent parameters take the defaults: the first page of {@value #DEFAULT_SIZE}. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
