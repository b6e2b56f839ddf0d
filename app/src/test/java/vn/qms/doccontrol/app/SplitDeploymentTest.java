package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.command.CommandSideApplication;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;
import vn.qms.doccontrol.query.QuerySideApplication;

/**
 * The scaled-out shape: the command side and the query side as two applications sharing one
 * MongoDB reached by URI (here a MongoDB wire-protocol server of its own, standing in for the
 * replica set of docker-compose.yml). Writes go to one, reads come from the other.
 */
class SplitDeploymentTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldServeWritesOfTheCommandSideFromTheQuerySide() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir, false);
             ConfigurableApplicationContext commands = start(CommandSideApplication.class, mongo.connectionString());
             ConfigurableApplicationContext queries = start(QuerySideApplication.class, mongo.connectionString())) {
            Api writer = Api.at(commands);
            Api reader = Api.at(queries);
            String org = Samples.freshOrganization();

            Response issued = writer.post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", "Nội dung"));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            String id = issued.json().get("documentId").asText();

            JsonNode document = reader.await("inspector", "/api/documents/" + id, r -> r.status() == 200).json();
            assertThat(document.get("title").asText()).isEqualTo("Quy trình kiểm soát tài liệu");
            assertThat(document.get("recordedBy").asText()).isEqualTo("secretary");
            assertThat(reader.post("secretary", "/api/documents",
                    DocumentControlApiContract.issueBody(org, "QT-02", "T", "C")).status())
                    .as("the query side has no write API").isIn(404, 405);
            assertThat(writer.get("auditor", "/api/documents/" + id).status())
                    .as("the command side has no read API").isIn(404, 405);
        }
    }

    @Test
    void shouldAcceptASessionOpenedOnOneSideOnTheOtherAndEndItOnBoth() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir, false);
             ConfigurableApplicationContext commands = start(CommandSideApplication.class, mongo.connectionString());
             ConfigurableApplicationContext queries = start(QuerySideApplication.class, mongo.connectionString())) {
            Api writer = Api.at(commands);
            Api reader = Api.at(queries);
            String token = writer.openSession("secretary");

            Response issued = writer.postWithToken(token, "/api/documents",
                    DocumentControlApiContract.issueBody(Samples.freshOrganization(), "QT-01", "Quy trình", "Nội dung"));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            assertThat(reader.getWithToken(token, "/api/documents").status()).as("the query side knows the session").isEqualTo(200);

            assertThat(reader.endSession(token).status()).isEqualTo(204);
            assertThat(writer.postWithToken(token, "/api/documents",
                    DocumentControlApiContract.issueBody(Samples.freshOrganization(), "QT-02", "Quy trình", "Nội dung")).status())
                    .as("ended on one side, refused on the other at once").isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String mongoUri) {
        return new SpringApplicationBuilder(application).run(
                "--qms.mongodb.uri=" + mongoUri, "--qms.demo=true", "--server.port=0", "--spring.main.banner-mode=off");
    }
}
