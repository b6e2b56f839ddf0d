package vn.qms.doccontrol.query.projection;

/**
 * An event that a read model cannot take however often it is delivered: it contradicts what the
 * event store holds before it (a revision of a document that was never issued). Retrying would stop
 * every read model of the group for good, so {@link ProjectionErrors} skips it, loudly. Any other
 * failure is retried.
 */
public class UnprojectableEventException extends RuntimeException {

    public UnprojectableEventException(String message) {
        super(message);
    }
}
