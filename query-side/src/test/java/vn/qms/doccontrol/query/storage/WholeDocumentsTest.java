package vn.qms.doccontrol.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;

class WholeDocumentsTest {

    @TempDir
    Path directory;

    private final List<BsonDocument> updates = new CopyOnWriteArrayList<>();
    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> collection;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(directory, false);
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    updates.add(event.getCommand().clone());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(listener)
                .build());
        collection = client.getDatabase("qms").getCollection("read_model");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void onTheEmbeddedServerAProjectionsWritesAreSentWithoutJournalInCommandsOfAHundred() {
        new WholeDocuments(true).replaceAll(collection, documents(250, "first"));

        assertThat(updates).hasSize(3);
        assertThat(updates).allSatisfy(command ->
                assertThat(command.getDocument("writeConcern").getBoolean("j").getValue()).isFalse());
        assertThat(updates.stream().map(command -> command.getArray("updates").size()).toList()).containsExactly(100, 100, 50);
        assertThat(collection.countDocuments()).isEqualTo(250);
    }

    @Test
    void onARealMongoDbAProjectionsWritesKeepTheDeploymentsWriteConcern() {
        new WholeDocuments(false).replaceAll(collection, documents(10, "first"));

        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).containsKey("writeConcern")).isFalse();
    }

    @Test
    void writingTheSameDocumentsAgainLeavesTheSameCollection() {
        WholeDocuments writes = new WholeDocuments(true);
        writes.replaceAll(collection, documents(120, "first"));
        writes.replaceAll(collection, documents(120, "second"));
        writes.replaceAll(collection, documents(120, "second"));

        assertThat(collection.countDocuments()).isEqualTo(120);
        assertThat(collection.find().map(document -> document.getString("value")).into(new java.util.HashSet<>()))
                .containsExactly("second");
    }

    private static List<Document> documents(int count, String value) {
        return IntStream.range(0, count).mapToObj(i -> new Document("_id", "d" + i).append("value", value)).toList();
    }
}
