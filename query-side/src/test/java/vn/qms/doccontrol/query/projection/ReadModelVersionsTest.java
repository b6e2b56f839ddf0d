package vn.qms.doccontrol.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.QuerySideApplication;
import vn.qms.doccontrol.query.register.RegisterIndexRepository;
import vn.qms.doccontrol.query.support.EventPublisher;

/**
 * Read models written by an earlier shape are rebuilt at the first start of a release that writes
 * another, with no property to set: an upgrade never answers from collections of the old shape.
 */
class ReadModelVersionsTest {

    @TempDir
    Path dataDir;

    @Test
    void aGroupWhoseRecordedShapeIsOlderIsRebuiltOnceAtStartup() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            MongoDatabase database = first.getBean(MongoDatabase.class);
            assertThat(new ReadModelVersions(database).stored(ProcessingGroups.DOCUMENT_REGISTER))
                    .isEqualTo(ReadModelVersions.current(ProcessingGroups.DOCUMENT_REGISTER));
            new EventPublisher(first.getBean(EventStore.class)).publish(issued("doc-1", QUAN_1, DocumentType.PROCEDURE, "QT-01",
                    "Quy trình kiểm soát tài liệu", vn("2026-01-10")));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("audit_trail").countDocuments() == 1
                    && database.getCollection(RegisterIndexRepository.COLLECTION).countDocuments() == 2);
            // What a release of shape 1 left: no register index, its own record of the shape.
            database.getCollection(RegisterIndexRepository.COLLECTION).deleteMany(new Document());
            database.getCollection(ReadModelVersions.COLLECTION).updateOne(new Document("_id", ProcessingGroups.DOCUMENT_REGISTER),
                    new Document("$set", new Document("version", 1)));
        }

        try (ConfigurableApplicationContext upgraded = start()) {
            MongoDatabase database = upgraded.getBean(MongoDatabase.class);
            ProjectionRebuild rebuild = upgraded.getBean(ProjectionRebuild.class);
            assertThat(rebuild.awaitCaughtUp(Duration.ofSeconds(30))).as(rebuild::describeStatus).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    database.getCollection(RegisterIndexRepository.COLLECTION).countDocuments() == 2);
            assertThat(new ReadModelVersions(database).stored(ProcessingGroups.DOCUMENT_REGISTER))
                    .isEqualTo(ReadModelVersions.current(ProcessingGroups.DOCUMENT_REGISTER));
            assertThat(database.getCollection("audit_trail").countDocuments()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--qms.data-dir=" + dataDir,
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }
}
