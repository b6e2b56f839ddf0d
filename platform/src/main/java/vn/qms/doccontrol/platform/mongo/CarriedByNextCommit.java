package vn.qms.doccontrol.platform.mongo;

import com.mongodb.client.MongoCollection;

/**
 * Writes that need not wait for their own commit on the embedded server: sent with write concern
 * {@code j: false}, which {@link DurableH2Backend} answers once applied, before the commit.
 *
 * <p>Such a write is never lost on its own. A commit of the embedded server is a snapshot of
 * everything applied before it, so the next write that waits for its commit carries it into the
 * file (as does housekeeping, within {@value DurableH2Backend#HOUSEKEEPING_PERIOD_MILLIS} ms), and
 * nothing written after it can be durable without it. That makes it safe for a write whose loss
 * would matter only together with a later, journaled write of the same process: the event store's
 * global-index counter (the commit that uses the indexes) and a projection batch's writes (the
 * batch's token, stored after them). It needs every such writer to run in the process that runs the
 * server, which is the embedded default; on a real MongoDB across shards the same order would not
 * hold, so callers use it on the embedded server only.
 */
public final class CarriedByNextCommit {

    private CarriedByNextCommit() {
    }

    /** {@code collection} with the same write concern but {@code j: false}. */
    public static <T> MongoCollection<T> writesTo(MongoCollection<T> collection) {
        return collection.withWriteConcern(collection.getWriteConcern().withJournal(false));
    }
}
