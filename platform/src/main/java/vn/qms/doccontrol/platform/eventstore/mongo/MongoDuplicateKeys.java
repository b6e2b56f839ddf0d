package vn.qms.doccontrol.platform.eventstore.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon which failures are a unique-key violation, so that its engine base class turns them
 * into {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for a first event),
 * as its JDBC and JPA engines do.
 */
public final class MongoDuplicateKeys implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isDuplicateKey(exception);
    }

    static boolean isDuplicateKey(Throwable exception) {
        if (exception instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (exception instanceof MongoServerException server) {
            return ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    }
}
