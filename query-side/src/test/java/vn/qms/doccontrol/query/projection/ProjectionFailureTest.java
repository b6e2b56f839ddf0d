package vn.qms.doccontrol.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.query.QuerySideApplication;
import vn.qms.doccontrol.query.register.RegisterRepository;
import vn.qms.doccontrol.query.support.EventPublisher;

/**
 * A handler of a read-model processor that fails (a MongoDB read that times out, a bug) holds the
 * processor at that event: nothing of the batch is written, the health turns DOWN, and once the
 * cause is gone the retry applies the event. Axon's default would log it and carry on without it,
 * leaving a register that silently lacks a document.
 */
class ProjectionFailureTest {

    @TempDir
    Path dataDir;

    /** Another handler of the register's group, failing while told to, as a failing read would. */
    @ProcessingGroup(ProcessingGroups.DOCUMENT_REGISTER)
    static class FailingHandler {
        final AtomicBoolean failing = new AtomicBoolean(true);
        final AtomicInteger deliveries = new AtomicInteger();

        @EventHandler
        void on(DocumentIssuedEvent event) {
            deliveries.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("stand-in for a read model that cannot be read");
            }
        }
    }

    /** Not a {@code @Configuration}: the query side's component scan would give it to every test. */
    static class WithFailingHandler {
        @Bean
        FailingHandler failingHandler() {
            return new FailingHandler();
        }
    }

    @Test
    void shouldHoldTheProcessorAtAFailingEventAndApplyItOnceTheFailureIsGone() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                QuerySideApplication.class, WithFailingHandler.class).run(
                "--qms.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off")) {
            FailingHandler failing = context.getBean(FailingHandler.class);
            RegisterRepository register = context.getBean(RegisterRepository.class);
            HealthIndicator projections = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
                    .getContributor("projections");

            DocumentIssuedEvent issue = issued("doc-held", QUAN_1, DocumentType.PROCEDURE, "QT-07",
                    "Quy trình giải quyết khiếu nại", vn("2026-01-10"));
            new EventPublisher(context.getBean(EventStore.class)).publish(issue);

            await().atMost(Duration.ofSeconds(30)).until(() -> projections.health().getStatus().equals(Status.DOWN));
            assertThat(projections.health().getDetails().get(ProcessingGroups.DOCUMENT_REGISTER).toString())
                    .contains("error=");
            assertThat(register.find("doc-held")).as("nothing of the failed batch is written").isEmpty();

            failing.failing.set(false);

            await().atMost(Duration.ofSeconds(60)).until(() -> register.find("doc-held").isPresent());
            assertThat(failing.deliveries.get()).as("delivered again after the failure").isGreaterThanOrEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> projections.health().getStatus().equals(Status.UP));
        }
    }
}
