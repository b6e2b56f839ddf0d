package vn.qms.doccontrol.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.query.support.SampleDocuments.DA_KAO;
import static vn.qms.doccontrol.query.support.SampleDocuments.PHU_XUYEN;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.support.Delivery;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

/** Redelivered events change nothing; a reset followed by a replay rebuilds the very same collections. */
class IdempotencyAndReplayTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private ReadModels readModels;

    private final DocumentIssuedEvent qt01 = issued("doc-qt01", QUAN_1, DocumentType.PROCEDURE, "QT-01",
            "Quy trình kiểm soát tài liệu", vn("2026-01-10"));
    private final DocumentIssuedEvent cscl = issued("doc-cscl", PHU_XUYEN, DocumentType.QUALITY_POLICY, "CSCL",
            "Chính sách chất lượng", vn("2026-01-15"));
    private final DocumentIssuedEvent qt02 = issued("doc-qt02", DA_KAO, DocumentType.PROCEDURE, "QT-02",
            "Quy trình kiểm soát hồ sơ", vn("2026-02-01"));

    /** Three documents of three organizations, events of different documents interleaved as they commit. */
    private final List<Delivery> history = List.of(
            new Delivery(qt01, 0, "evt-01"),
            new Delivery(cscl, 0, "evt-02"),
            new Delivery(revised(qt01, 2, "Quy trình kiểm soát tài liệu (sửa đổi)", vn("2026-03-01"), vn("2026-02-10")), 1, "evt-03"),
            new Delivery(qt02, 0, "evt-04"),
            new Delivery(revised(cscl, 2, "Chính sách chất lượng giai đoạn 2026-2030", vn("2026-09-01"), vn("2026-02-11")), 1, "evt-05"),
            new Delivery(withdrawn(qt02, 1, vn("2026-07-01"), "doc-qt01", vn("2026-02-12")), 1, "evt-06"),
            new Delivery(revised(qt01, 3, "Quy trình kiểm soát tài liệu, lần 3", vn("2026-10-01"), vn("2026-02-13")), 2, "evt-07"));

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        readModels = new ReadModels(mongo.database(), new TestClock(vn("2026-05-01")));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void everyEventDeliveredTwiceLeavesTheSameCollections() {
        history.forEach(readModels::deliver);
        Map<String, List<String>> once = mongo.dump(ReadModels.COLLECTIONS);

        history.forEach(readModels::deliver);
        Map<String, List<String>> twice = mongo.dump(ReadModels.COLLECTIONS);

        assertThat(once.get("audit_trail")).hasSize(history.size());
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void anEventRedeliveredRightAfterItselfChangesNothing() {
        for (Delivery delivery : history) {
            readModels.deliver(delivery);
            Map<String, List<String>> afterFirst = mongo.dump(ReadModels.COLLECTIONS);
            readModels.deliver(delivery);
            assertThat(mongo.dump(ReadModels.COLLECTIONS)).as("after redelivering %s", delivery.eventId()).isEqualTo(afterFirst);
        }
    }

    @Test
    void aResetAndAReplayRebuildExactlyTheSameCollections() {
        history.forEach(readModels::deliver);
        Map<String, List<String>> built = mongo.dump(ReadModels.COLLECTIONS);

        readModels.resetAll();
        assertThat(mongo.dump(ReadModels.COLLECTIONS).values()).allSatisfy(collection -> assertThat(collection).isEmpty());

        history.forEach(readModels::deliver);
        assertThat(mongo.dump(ReadModels.COLLECTIONS)).isEqualTo(built);
    }

    @Test
    void theAuditTrailNumbersEventsInCommitOrder() {
        history.forEach(readModels::deliver);

        List<String> eventIdsBySeq = mongo.database().getCollection("audit_trail").find()
                .sort(com.mongodb.client.model.Sorts.ascending("seq"))
                .map(entry -> entry.getString("_id") + "@" + entry.getLong("seq"))
                .into(new java.util.ArrayList<>());
        assertThat(eventIdsBySeq).containsExactly("evt-01@1", "evt-02@2", "evt-03@3", "evt-04@4", "evt-05@5", "evt-06@6", "evt-07@7");
    }
}
