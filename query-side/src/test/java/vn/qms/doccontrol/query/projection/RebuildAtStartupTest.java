package vn.qms.doccontrol.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
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
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.QuerySideApplication;
import vn.qms.doccontrol.query.register.RegisterRepository;
import vn.qms.doccontrol.query.support.EventPublisher;

/**
 * Tracking tokens survive a restart, so a plain restart replays nothing; with
 * {@code qms.projections.rebuild=true} the restart rebuilds the read models from the event store.
 */
class RebuildAtStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartWithTheRebuildPropertyRebuildsTheReadModelsAndAPlainRestartDoesNot() throws Exception {
        DocumentIssuedEvent issue = issued("doc-1", QUAN_1, DocumentType.PROCEDURE, "QT-01", "Quy trình kiểm soát tài liệu",
                vn("2026-01-10"));
        try (ConfigurableApplicationContext first = start(false)) {
            EventPublisher publisher = new EventPublisher(first.getBean(EventStore.class));
            publisher.publish(issue);
            publisher.publish(revised(issue, 2, "Bản sửa đổi", vn("2026-03-01"), vn("2026-02-10")));
            RegisterRepository register = first.getBean(RegisterRepository.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> register.find("doc-1")
                    .map(timeline -> timeline.latestRevision() == 2).orElse(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> auditEntries(first) == 2);
            // Damage the read models the way a lost write or a buggy projection would.
            first.getBean(MongoDatabase.class).getCollection("register").deleteMany(new Document());
        }

        try (ConfigurableApplicationContext plainRestart = start(false)) {
            ProjectionRebuild rebuild = plainRestart.getBean(ProjectionRebuild.class);
            assertThat(rebuild.awaitCaughtUp(Duration.ofSeconds(30))).as(rebuild::describeStatus).isTrue();
            assertThat(plainRestart.getBean(RegisterRepository.class).find("doc-1")).isEmpty();
            assertThat(auditEntries(plainRestart)).as("the untouched audit trail is as it was").isEqualTo(2);
        }

        try (ConfigurableApplicationContext rebuilding = start(true)) {
            ProjectionRebuild rebuild = rebuilding.getBean(ProjectionRebuild.class);
            assertThat(rebuild.awaitCaughtUp(Duration.ofSeconds(30))).as(rebuild::describeStatus).isTrue();
            assertThat(rebuilding.getBean(RegisterRepository.class).find("doc-1")).hasValueSatisfying(timeline ->
                    assertThat(timeline.latestRevision()).isEqualTo(2));
            assertThat(auditEntries(rebuilding)).isEqualTo(2);
            assertThat(rebuilding.getBean(MongoDatabase.class).getCollection("audit_trail")
                    .find(new Document("seq", 1L)).first()).as("seq restarts at 1").isNotNull();
        }
    }

    private ConfigurableApplicationContext start(boolean rebuild) {
        return new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--qms.data-dir=" + dataDir,
                "--server.port=0",
                "--qms.projections.rebuild=" + rebuild,
                "--spring.main.banner-mode=off");
    }

    private static long auditEntries(ConfigurableApplicationContext context) {
        return context.getBean(MongoDatabase.class).getCollection("audit_trail").countDocuments();
    }
}
