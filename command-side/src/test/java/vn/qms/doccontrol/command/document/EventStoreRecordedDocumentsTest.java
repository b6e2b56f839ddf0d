package vn.qms.doccontrol.command.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.qms.doccontrol.command.document.RecordedDocuments.RecordedDocument;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;

class EventStoreRecordedDocumentsTest {

    private static final String ID = "6d1f0c3e-2b7a-4c59-9f0e-5a8b7c6d5e4f";
    private static final String ORG = "ubnd-huyen-phu-xuyen";
    private static final Instant AT = Instant.parse("2026-02-01T02:00:00Z");

    private final EventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final RecordedDocuments documents = new EventStoreRecordedDocuments(eventStore);

    @AfterEach
    void shutDown() {
        ((EmbeddedEventStore) eventStore).shutDown();
    }

    @Test
    void documentWithoutEventsIsNotFound() {
        assertThat(documents.find(ID)).isEmpty();
    }

    @Test
    void issuedAndRevisedDocumentIsLiveInItsOrganization() {
        store(0, new DocumentIssuedEvent(ID, ORG, DocumentType.PROCEDURE, "QT-02", "Quy trình kiểm soát hồ sơ",
                "Nội dung", DocumentText.sha256("Nội dung"), 1, AT, null, "thu-ky", AT));
        store(1, new DocumentRevisedEvent(ID, ORG, "QT-02", 2, "Quy trình kiểm soát hồ sơ", "Nội dung mới",
                DocumentText.sha256("Nội dung mới"), "Cập nhật", "Rà soát", AT, null, "thu-ky", AT));

        assertThat(documents.find(ID)).contains(new RecordedDocument(ID, ORG, false));
    }

    @Test
    void documentWhoseLastEventIsItsWithdrawalIsWithdrawn() {
        store(0, new DocumentIssuedEvent(ID, ORG, DocumentType.FORM, "BM-01", "Phiếu tiếp nhận hồ sơ",
                "Nội dung", DocumentText.sha256("Nội dung"), 1, AT, null, "thu-ky", AT));
        store(1, new DocumentWithdrawnEvent(ID, ORG, "BM-01", 1, "Bãi bỏ", null, AT, "thu-ky", AT));

        assertThat(documents.find(ID)).contains(new RecordedDocument(ID, ORG, true));
    }

    private void store(long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("ControlledDocument", ID, sequence, event));
    }
}
