package vn.qms.doccontrol.query.http;

import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a query and waits for its answer. A failing handler surfaces as its own exception, not
 * wrapped, so that the problem handler answers it as it would answer it from the controller.
 */
@Component
class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    <R> R ask(Object query, ResponseType<R> responseType) {
        try {
            return gateway.query(query, responseType).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
