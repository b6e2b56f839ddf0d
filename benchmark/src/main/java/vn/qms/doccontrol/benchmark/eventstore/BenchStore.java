package vn.qms.doccontrol.benchmark.eventstore;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import vn.qms.doccontrol.benchmark.SampleData;
import vn.qms.doccontrol.command.document.ControlledDocument;
import vn.qms.doccontrol.command.document.DocumentText;
import vn.qms.doccontrol.command.document.ReviseDocumentCommand;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.platform.eventstore.EventSerializers;

/**
 * One event store of a given size on one engine, with the command side's real aggregate on top:
 * Axon's command bus, event-sourcing repository and snapshotter, configured as the application
 * configures them (snapshot after {@value #SNAPSHOT_THRESHOLD} events), minus Spring.
 */
final class BenchStore implements AutoCloseable {

    static final int SNAPSHOT_THRESHOLD = 50;
    /** Issued, then revised nine times: each event its own commit, as one command makes one event. */
    static final int EVENTS_PER_DOCUMENT = 10;
    /** Long-lived documents, for loading with and without a snapshot. */
    static final int LONG_DOCUMENTS = 20;
    static final int EVENTS_PER_LONG_DOCUMENT = 65;
    private static final String AGGREGATE_TYPE = ControlledDocument.class.getSimpleName();
    private static final Instant FIRST_EFFECTIVE = Instant.parse("2020-01-06T01:00:00Z");
    private static final Approval APPROVAL = new Approval("Nguyễn Văn An", "Chủ tịch UBND", Instant.parse("2020-01-02T00:00:00Z"),
                                                          "Quyết định số 123/QĐ-UBND");

    final EngineKind kind;
    final int events;
    final EventStorageEngine engine;
    final Configuration axon;
    /** Ordinary documents; writer threads take disjoint slices of them. */
    final List<String> documents = new ArrayList<>();
    final List<String> longWithSnapshot = new ArrayList<>();
    final List<String> longWithoutSnapshot = new ArrayList<>();
    private final int[] revisions;

    private BenchStore(EngineKind kind, int events, EventStorageEngine engine) {
        this.kind = kind;
        this.events = events;
        this.engine = engine;
        this.axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> EventSerializers.messages())
                .configureEventSerializer(c -> EventSerializers.messages())
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ControlledDocument.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_THRESHOLD)))
                .buildConfiguration();
        axon.start();
        int ordinary = (events - LONG_DOCUMENTS * EVENTS_PER_LONG_DOCUMENT) / EVENTS_PER_DOCUMENT;
        this.revisions = new int[ordinary];
    }

    static BenchStore open(EngineKind kind, MongoClient client, int events) {
        return new BenchStore(kind, events, kind.open(client, "bench_" + kind.name().toLowerCase() + "_" + events));
    }

    /** Fills the store with {@link #events} events of real payloads, from four writers. */
    void populate(SampleData sample) throws Exception {
        List<String> organizations = sample.organizationIds();
        List<String> titles = sample.procedureTitles();
        Random random = new Random(events);
        String content = sample.content(titles.get(0), 1024, random);
        for (int i = 0; i < revisions.length; i++) {
            documents.add(kind.name().toLowerCase() + "-" + events + "-doc-" + i);
            revisions[i] = EVENTS_PER_DOCUMENT;
        }
        for (int i = 0; i < LONG_DOCUMENTS; i++) {
            (i % 2 == 0 ? longWithSnapshot : longWithoutSnapshot).add(kind.name().toLowerCase() + "-" + events + "-long-" + i);
        }
        AtomicInteger next = new AtomicInteger();
        List<String> all = new ArrayList<>(documents);
        all.addAll(longWithSnapshot);
        all.addAll(longWithoutSnapshot);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                        String id = all.get(i);
                        boolean isLong = i >= documents.size();
                        String organization = organizations.get(i % organizations.size());
                        String title = titles.get(i % titles.size());
                        int count = isLong ? EVENTS_PER_LONG_DOCUMENT - 5 : EVENTS_PER_DOCUMENT;
                        appendHistory(id, organization, "QT-" + i, title, content, 0, count);
                        if (longWithSnapshot.contains(id)) {
                            axon.snapshotter().scheduleSnapshot(ControlledDocument.class, id);
                        }
                        if (isLong) {
                            appendHistory(id, organization, "QT-" + i, title, content, count, EVENTS_PER_LONG_DOCUMENT);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(1, TimeUnit.HOURS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private void appendHistory(String id, String organization, String code, String title, String content, int from, int to) {
        for (int sequence = from; sequence < to; sequence++) {
            Instant effective = FIRST_EFFECTIVE.plus(Duration.ofDays(7L * sequence));
            Object payload = sequence == 0
                    ? new DocumentIssuedEvent(id, organization, DocumentType.PROCEDURE, code, title, content, DocumentText.sha256(content), 1,
                                              effective, APPROVAL, "thuky", effective)
                    : new DocumentRevisedEvent(id, organization, code, sequence + 1, title, content, DocumentText.sha256(content),
                                               "Cập nhật căn cứ pháp lý", "Văn bản mới", effective, APPROVAL, "thuky", effective);
            engine.appendEvents(List.of(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, sequence, payload)));
        }
    }

    /** A real revise command, through the command bus, on the {@code index}-th ordinary document. */
    void revise(int index, String content) {
        String id = documents.get(index);
        int expected = revisions[index];
        Instant now = Instant.now();
        CommandGateway gateway = axon.commandGateway();
        Integer recorded = gateway.sendAndWait(new ReviseDocumentCommand(id, expected, null, content, "Sửa đổi định kỳ",
                                                                         "Rà soát hằng năm", now, APPROVAL, "thuky", now));
        revisions[index] = recorded;
    }

    /** Loads a document as a command would, then rolls back so that the load takes no snapshot. */
    void load(String documentId) {
        Repository<ControlledDocument> repository = axon.repository(ControlledDocument.class);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            repository.load(documentId);
        } finally {
            unitOfWork.rollback();
        }
    }

    EventStore eventStore() {
        return axon.eventStore();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
