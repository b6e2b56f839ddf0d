package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.app.support.Api.object;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.query.projection.ProjectionRebuild;

/**
 * Replaying the event store rebuilds exactly the read models the live projections built: the
 * register, every revision and the audit trail, byte for byte.
 */
class RebuildReadModelsTest {

    private static final List<String> READ_MODELS = List.of("register", "revisions", "audit_trail", "audit_trail_by_document");

    @TempDir
    Path dataDir;

    @Test
    void shouldRebuildTheSameReadModelsFromTheEventStore() throws Exception {
        try (RunningQms qms = RunningQms.embedded(dataDir)) {
            Api api = qms.api();
            String org = Samples.freshOrganization();
            List<String[]> procedures = Samples.commonProcedures();
            List<String> ids = new ArrayList<>();
            for (String[] procedure : procedures) {
                ids.add(api.post("secretary", "/api/documents",
                        DocumentControlApiContract.issueBody(org, procedure[0], procedure[1], "Nội dung " + procedure[1])).json()
                        .get("documentId").asText());
            }
            api.post("secretary", "/api/documents/" + ids.get(0) + "/revisions", DocumentControlApiContract.reviseBody(1, "Bản sửa đổi"));
            api.post("secretary", "/api/documents/" + ids.get(1) + "/withdrawal", object().put("reason", "Hợp nhất vào QT-01")
                    .put("supersededBy", ids.get(0)));
            int events = procedures.size() + 2;
            api.await("auditor", "/api/audit-trail?organizationId=" + org + "&size=500",
                    r -> r.status() == 200 && r.json().get("total").asInt() == events);
            api.await("auditor", "/api/documents/" + ids.get(1), r -> "WITHDRAWN".equals(r.json().path("status").asText()));
            MongoDatabase database = qms.bean(MongoDatabase.class);
            Map<String, List<Document>> before = dump(database);
            assertThat(before.get("audit_trail")).hasSize(events);

            ProjectionRebuild rebuild = qms.bean(ProjectionRebuild.class);
            rebuild.rebuildAll();
            assertThat(rebuild.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            api.await("auditor", "/api/audit-trail?organizationId=" + org,
                    r -> r.status() == 200 && r.json().get("total").asInt() == events);

            assertThat(dump(database)).isEqualTo(before);
        }
    }

    private static Map<String, List<Document>> dump(MongoDatabase database) {
        Map<String, List<Document>> dump = new LinkedHashMap<>();
        for (String collection : READ_MODELS) {
            dump.put(collection, database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return dump;
    }
}
