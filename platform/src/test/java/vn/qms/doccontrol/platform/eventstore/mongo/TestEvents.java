package vn.qms.doccontrol.platform.eventstore.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;

/** Events as an aggregate of the application would apply them. */
final class TestEvents {

    static final String AGGREGATE_TYPE = "ControlledDocument";

    @Revision("1")
    record DocumentIssued(String documentId, String title, LocalDate effectiveFrom, BigDecimal fee) {
    }

    @Revision("1")
    record DocumentRevised(String documentId, int revision, String note) {
    }

    private TestEvents() {
    }

    static DomainEventMessage<DocumentIssued> issued(String aggregateId) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, 0,
                new DocumentIssued(aggregateId, "Quy trình kiểm soát tài liệu " + aggregateId,
                                   LocalDate.of(2025, 1, 15), new BigDecimal("12.50")),
                MetaData.with("user", "secretary").and("traceId", "t-" + aggregateId));
    }

    static DomainEventMessage<DocumentRevised> revised(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence,
                new DocumentRevised(aggregateId, (int) sequence, "revision " + sequence), MetaData.emptyInstance());
    }

    /** An aggregate's events {@code from..to}, one message each. */
    static List<DomainEventMessage<?>> history(String aggregateId, long from, long to) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            events.add(sequence == 0 ? issued(aggregateId) : revised(aggregateId, sequence));
        }
        return events;
    }
}
