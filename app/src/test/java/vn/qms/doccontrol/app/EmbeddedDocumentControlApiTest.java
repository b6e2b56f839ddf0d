package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.RunningQms;

/** The API suite on the embedded default, the way the README's first command runs the system. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDocumentControlApiTest extends DocumentControlApiContract {

    // Static: JUnit fills an instance @TempDir only after a per-class @BeforeAll has run.
    @TempDir
    static Path dataDir;
    private RunningQms qms;

    @BeforeAll
    void start() {
        qms = RunningQms.embedded(dataDir);
    }

    @AfterAll
    void stop() {
        qms.close();
    }

    @Override
    protected Api api() {
        return qms.api();
    }

    /** Spring Security's per-filter observations are off (decision 17); the HTTP request observation stays. */
    @Test
    void springSecurityRecordsNoObservationOfItsFiltersWhileRequestsAreStillObserved() {
        ObservationRegistry registry = qms.bean(ObservationRegistry.class);

        assertThat(Observation.createNotStarted("spring.security.filterchains", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authorizations", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
    }
}
