package vn.qms.doccontrol.app;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}
