package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;

/**
 * The backup and restore of docs/operations.md, as an operator runs them: stop the application,
 * copy the data directory ({@code cp -a data backup}), start again; to restore, stop, put the copy
 * in place of the data directory and start. The restored system is exactly the one backed up.
 */
class BackupAndRestoreTest {

    @TempDir
    Path root;

    @Test
    void shouldRestoreExactlyWhatWasBackedUp() throws Exception {
        Path data = root.resolve("data");
        Path backup = root.resolve("backup-2026-11-23");
        String org = Samples.freshOrganization();
        String id;
        try (RunningQms qms = RunningQms.embedded(data)) {
            id = qms.api().post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", "Lần 1"))
                    .json().get("documentId").asText();
            qms.api().await("auditor", "/api/documents/" + id + "/audit-trail", r -> r.status() == 200 && r.json().size() == 1);
        }
        run("cp", "-a", data.toString(), backup.toString());

        try (RunningQms qms = RunningQms.embedded(data)) {
            assertThat(qms.api().post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(1, "Lần 2 (sau bản sao lưu)")).status()).isEqualTo(201);
        }

        run("rm", "-rf", data.toString());
        run("cp", "-a", backup.toString(), data.toString());
        try (RunningQms qms = RunningQms.embedded(data)) {
            JsonNode document = qms.api().get("auditor", "/api/documents/" + id).json();
            assertThat(document.get("revision").asInt()).isEqualTo(1);
            assertThat(document.get("content").asText()).isEqualTo("Lần 1");
            JsonNode trail = qms.api().get("auditor", "/api/documents/" + id + "/audit-trail").json();
            assertThat(trail).hasSize(1);
            assertThat(qms.api().post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(1, "Lần 2 (sau khôi phục)")).json().get("revision").asInt())
                    .as("numbering continues from the backup").isEqualTo(2);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
