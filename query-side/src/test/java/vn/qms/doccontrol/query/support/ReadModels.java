package vn.qms.doccontrol.query.support;

import vn.qms.doccontrol.query.storage.WholeDocuments;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import vn.qms.doccontrol.events.DocumentEvent;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.platform.eventstore.EventLookup;
import vn.qms.doccontrol.platform.eventstore.EventPosition;
import vn.qms.doccontrol.query.audit.AuditTrailProjection;
import vn.qms.doccontrol.query.audit.AuditTrailQueryHandler;
import vn.qms.doccontrol.query.audit.AuditTrailRepository;
import vn.qms.doccontrol.query.register.RegisterIndexRepository;
import vn.qms.doccontrol.query.register.RegisterProjection;
import vn.qms.doccontrol.query.register.RegisterQueryHandler;
import vn.qms.doccontrol.query.register.RegisterRepository;
import vn.qms.doccontrol.query.revisions.DocumentQueryHandler;
import vn.qms.doccontrol.query.revisions.RevisionProjection;
import vn.qms.doccontrol.query.revisions.RevisionQueryHandler;
import vn.qms.doccontrol.query.revisions.RevisionRepository;

/**
 * The query side wired by hand on a database, delivering events the way the two processors do:
 * in the document-register group the revisions projection before the register, then the audit trail.
 */
public final class ReadModels {

    public static final String[] COLLECTIONS = {RegisterRepository.COLLECTION, RegisterIndexRepository.COLLECTION,
            RevisionRepository.COLLECTION, AuditTrailRepository.COLLECTION, AuditTrailRepository.BY_DOCUMENT_COLLECTION,
            AuditTrailRepository.BUCKETS_COLLECTION, AuditTrailRepository.YEARS_COLLECTION};

    public final RegisterRepository register;
    public final RegisterIndexRepository registerIndex;
    public final RevisionRepository revisions;
    public final AuditTrailRepository auditTrail;
    public final RegisterProjection registerProjection;
    public final RevisionProjection revisionProjection;
    public final AuditTrailProjection auditTrailProjection;
    public final RegisterQueryHandler registerQueries;
    public final RevisionQueryHandler revisionQueries;
    public final DocumentQueryHandler documentQueries;
    public final AuditTrailQueryHandler auditTrailQueries;
    private final Map<String, Long> globalIndexes = new HashMap<>();
    /** The events delivered, as the event store holds them: a revision's content is read from there. */
    private final Map<String, DomainEventMessage<?>> recordedEvents = new HashMap<>();
    private final EventLookup recorded = (documentId, sequence) -> Optional.ofNullable(recordedEvents.get(documentId + "#" + sequence));
    private final long[] batchNanos = new long[4];

    /** Where {@link #deliverBatch} spent its time: handlers, then writing revisions, register, audit trail (ms). */
    public String batchTimes() {
        return String.format(java.util.Locale.ROOT, "handlers %.0f ms, revisions %.0f ms, register %.0f ms, audit trail %.0f ms",
                batchNanos[0] / 1e6, batchNanos[1] / 1e6, batchNanos[2] / 1e6, batchNanos[3] / 1e6);
    }

    public ReadModels(MongoDatabase database, Clock clock) {
        // As the application writes them on the embedded server, which every query-side test runs on.
        WholeDocuments writes = new WholeDocuments(true);
        register = new RegisterRepository(database, writes);
        registerIndex = new RegisterIndexRepository(database, writes);
        revisions = new RevisionRepository(database, recorded, writes);
        auditTrail = new AuditTrailRepository(database, writes);
        register.ensureIndexes();
        auditTrail.ensureIndexes();
        registerProjection = new RegisterProjection(register, registerIndex);
        revisionProjection = new RevisionProjection(revisions);
        auditTrailProjection = new AuditTrailProjection(auditTrail);
        registerQueries = new RegisterQueryHandler(registerIndex, clock);
        revisionQueries = new RevisionQueryHandler(register, revisions);
        documentQueries = new DocumentQueryHandler(register, revisions, clock);
        auditTrailQueries = new AuditTrailQueryHandler(auditTrail);
    }

    public void deliver(Delivery... deliveries) {
        for (Delivery delivery : deliveries) {
            deliver(delivery);
        }
    }

    /**
     * Delivers the event as the processors would. Its global index in the event store is the one it
     * got when first delivered (a redelivery keeps it), else the next one: the order of first delivery
     * stands for the order of the event store.
     */
    public void deliver(Delivery delivery) {
        deliver(delivery, globalIndexes.computeIfAbsent(delivery.eventId(), id -> globalIndexes.size() + 1L));
    }

    /** Delivers the event with the global index given, e.g. one that arrives after higher ones. */
    public void deliver(Delivery delivery, long globalIndex) {
        globalIndexes.putIfAbsent(delivery.eventId(), globalIndex);
        Long sequence = delivery.sequence();
        EventMessage<?> message = new GenericEventMessage<>(delivery.eventId(), delivery.event(),
                MetaData.with(EventPosition.GLOBAL_INDEX, globalIndex), Instant.now());
        String documentId = documentIdOf(delivery.event());
        recordedEvents.putIfAbsent(documentId + "#" + sequence, new GenericDomainEventMessage<>("Document", documentId, sequence,
                delivery.event(), MetaData.emptyInstance(), delivery.eventId(), Instant.now()));
        if (delivery.event() instanceof DocumentIssuedEvent issued) {
            revisionProjection.on(issued, sequence);
            registerProjection.on(issued, sequence);
            auditTrailProjection.on(issued, message);
        } else if (delivery.event() instanceof DocumentRevisedEvent revised) {
            revisionProjection.on(revised, sequence);
            registerProjection.on(revised, sequence);
            auditTrailProjection.on(revised, message);
        } else if (delivery.event() instanceof DocumentWithdrawnEvent withdrawn) {
            registerProjection.on(withdrawn, sequence);
            auditTrailProjection.on(withdrawn, message);
        } else {
            throw new IllegalArgumentException("Not an event of the query side: " + delivery.event());
        }
    }

    private static String documentIdOf(Object event) {
        if (event instanceof DocumentEvent documentEvent) {
            return documentEvent.documentId();
        }
        throw new IllegalArgumentException("Not an event of the query side: " + event);
    }


    /**
     * Delivers events as one batch of each tracking processor: the projections collect them and write
     * them together at the end, as between the interceptor's begin and end of a batch.
     */
    public void deliverBatch(java.util.List<GeneratedHistory.Event> events) {
        java.util.List<Object> payloads = events.stream().map(event -> event.delivery().event()).toList();
        revisionProjection.beginBatch(payloads);
        registerProjection.beginBatch(payloads);
        auditTrailProjection.beginBatch(payloads);
        long started = System.nanoTime();
        events.forEach(event -> deliver(event.delivery(), event.globalIndex()));
        long handled = System.nanoTime();
        revisionProjection.endBatch();
        long revisionsWritten = System.nanoTime();
        registerProjection.endBatch();
        long registerWritten = System.nanoTime();
        auditTrailProjection.endBatch();
        long auditWritten = System.nanoTime();
        batchNanos[0] += handled - started;
        batchNanos[1] += revisionsWritten - handled;
        batchNanos[2] += registerWritten - revisionsWritten;
        batchNanos[3] += auditWritten - registerWritten;
    }

    /** What a token reset does: every reset handler of both groups. */
    public void resetAll() {
        revisionProjection.reset();
        registerProjection.reset();
        auditTrailProjection.reset();
    }
}
