package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.app.support.Api.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.platform.mongo.FreeSpaceGuard;

/**
 * A full disk under the embedded default: writes answer 503 problem+json and change nothing, reads
 * go on, nothing acknowledged before is lost, and writes are accepted again once space is freed.
 * The disk is simulated (a real one cannot be filled on a shared machine): the free space the
 * server sees comes from the test.
 */
class DiskFullTest {

    private static final long PLENTY = 50L * 1024 * 1024 * 1024;
    private static final long NEARLY_NONE = 1024 * 1024;

    @TempDir
    Path dataDir;

    private final AtomicLong freeBytes = new AtomicLong(PLENTY);

    @Test
    void shouldRefuseWritesWith503WhileTheDiskIsFullAndResumeWhenSpaceReturns() throws Exception {
        String org = Samples.freshOrganization();
        FreeSpaceGuard.UsableSpace simulatedDisk = directory -> freeBytes.get();
        try (RunningQms qms = RunningQms.embeddedWithBean(dataDir, simulatedDisk)) {
            Api api = qms.api();
            String id = api.post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", "Lần 1"))
                    .json().get("documentId").asText();
            api.await("auditor", "/api/documents/" + id + "/audit-trail", r -> r.status() == 200 && items(r).size() == 1);

            freeBytes.set(NEARLY_NONE);
            waitForTheGuardToMeasureAgain();
            Response revise = api.post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(1, "Lần 2"));
            Response issue = api.post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-02", "Quy trình kiểm soát hồ sơ", "Lần 1"));

            for (Response refused : new Response[] {revise, issue}) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.json().get("title").asText()).isEqualTo("Storage full");
            }
            Response read = api.get("auditor", "/api/documents/" + id);
            assertThat(read.status()).as("reads go on").isEqualTo(200);
            assertThat(read.json().get("revision").asInt()).isEqualTo(1);

            freeBytes.set(PLENTY);
            waitForTheGuardToMeasureAgain();
            Response resumed = api.post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(1, "Lần 2"));
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(201);
            assertThat(resumed.json().get("revision").asInt()).isEqualTo(2);
            Response secondCode = api.post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-02", "Quy trình kiểm soát hồ sơ", "Lần 1"));
            assertThat(secondCode.status()).as("the refused issue left no code claim behind: " + secondCode).isEqualTo(201);

            JsonNode trail = items(api.await("auditor", "/api/documents/" + id + "/audit-trail",
                    r -> r.status() == 200 && items(r).size() == 2));
            assertThat(trail).extracting(e -> e.get("revision").asInt()).containsExactly(1, 2);
            JsonNode register = api.await("auditor", "/api/documents" + Api.queryString(params("organizationId", org)),
                    r -> r.status() == 200 && r.json().get("total").asInt() == 2).json();
            assertThat(register.get("items")).extracting(i -> i.get("code").asText()).containsExactly("QT-01", "QT-02");
        }
    }

    private static void waitForTheGuardToMeasureAgain() throws InterruptedException {
        Thread.sleep(300);
    }

    /** A document's trail is a list; 404 until its first entry is projected. */
    private static JsonNode items(Response trail) {
        JsonNode json = trail.json();
        return json.isArray() ? json : Api.object().arrayNode();
    }
}
