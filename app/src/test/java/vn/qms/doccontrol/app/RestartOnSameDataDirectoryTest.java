package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.app.support.Api.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;

/** A restart on the same data directory loses nothing, duplicates nothing, and numbering continues. */
class RestartOnSameDataDirectoryTest {

    /** Low enough that the document is snapshotted here and later loaded from its snapshot. */
    private static final String SNAPSHOT_EVERY_FEW_EVENTS = "--qms.snapshots.threshold=2";

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEverythingAcrossARestartAndContinueNumbering() {
        String org = Samples.freshOrganization();
        String id;
        try (RunningQms first = RunningQms.embedded(dataDir, SNAPSHOT_EVERY_FEW_EVENTS)) {
            Response issued = first.api().post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", "Lần 1"));
            id = issued.json().get("documentId").asText();
            first.api().post("secretary", "/api/documents/" + id + "/revisions", DocumentControlApiContract.reviseBody(1, "Lần 2"));
            first.api().await("auditor", "/api/documents/" + id + "/audit-trail", r -> r.status() == 200 && items(r.json()).size() == 2);
        }

        try (RunningQms second = RunningQms.embedded(dataDir, SNAPSHOT_EVERY_FEW_EVENTS)) {
            JsonNode document = second.api().get("auditor", "/api/documents/" + id).json();
            assertThat(document.get("revision").asInt()).isEqualTo(2);
            assertThat(document.get("content").asText()).isEqualTo("Lần 2");

            Response third = second.api().post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(2, "Lần 3"));
            assertThat(third.status()).as(third.toString()).isEqualTo(201);
            assertThat(third.json().get("revision").asInt()).isEqualTo(3);
            assertThat(second.api().post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "qt-01", "Trùng mã sau khởi động lại", "x")).status())
                    .as("the code claim survived the restart").isEqualTo(409);

            JsonNode trail = second.api().await("auditor", "/api/documents/" + id + "/audit-trail",
                    r -> r.status() == 200 && items(r.json()).size() >= 3).json();
            assertThat(items(trail)).extracting(e -> e.get("eventType").asText())
                    .startsWith("DocumentIssued", "DocumentRevised", "DocumentRevised");
            Document snapshot = second.bean(MongoDatabase.class).getCollection("event_snapshots")
                    .find(new Document("_id", id)).first();
            assertThat(snapshot).as("a snapshot was taken").isNotNull();
            assertThat(snapshot.toJson()).as("readable JSON of the document's state")
                    .contains("\"latestRevision\": 3").contains("Quy trình kiểm soát tài liệu");
            Response fourth = second.api().post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(3, "Lần 4"));
            assertThat(fourth.status()).as("loaded from the snapshot: " + fourth).isEqualTo(201);
            assertThat(fourth.json().get("revision").asInt()).isEqualTo(4);
            assertThat(second.api().post("secretary", "/api/documents/" + id + "/revisions",
                    DocumentControlApiContract.reviseBody(3, "Cũ")).status())
                    .as("the snapshot kept the revision number").isEqualTo(409);
            second.api().await("auditor", "/api/documents/" + id + "/audit-trail", r -> r.status() == 200 && items(r.json()).size() == 4);

            JsonNode register = second.api().get("auditor", "/api/documents", params("organizationId", org)).json();
            assertThat(register.get("total").asInt()).isEqualTo(1);
            assertThat(second.api().get("inspector", "/api/audit-trail", params("organizationId", org)).json().get("total").asInt())
                    .isEqualTo(4);
        }
    }

    private static JsonNode items(JsonNode trail) {
        return trail.isArray() ? trail : trail.get("items");
    }
}
