package vn.qms.doccontrol.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;

class SessionStoreTest {

    @TempDir
    static Path dataDir;
    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static MongoDatabase database;

    private final HandClock clock = new HandClock();
    private final SessionStore store = new SessionStore(database,
            new QmsSecurityProperties.Session(Duration.ofHours(8), Duration.ofMinutes(30)), clock);

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.start(dataDir, false);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("sessions");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldFindTheSessionOfItsTokenOnlyAndStoreOnlyTheTokensHash() {
        SessionStore.OpenedSession opened = store.open("thuky", List.of("SECRETARY"));

        assertThat(store.find(opened.token())).hasValueSatisfying(s -> {
            assertThat(s.username()).isEqualTo("thuky");
            assertThat(s.roles()).containsExactly("SECRETARY");
            assertThat(s.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        });
        assertThat(store.find(opened.token() + "x")).isEmpty();
        Document stored = database.getCollection(SessionStore.COLLECTION).find(new Document("_id", SessionStore.hash(opened.token()))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(opened.token());
        assertThat(opened.reference()).isEqualTo(SessionStore.hash(opened.token()).substring(0, 12));
    }

    @Test
    void shouldEndASessionUnusedForTheIdleTimeout() {
        String token = store.open("thuky", List.of("SECRETARY")).token();
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find(token)).as("used within the idle timeout").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find(token)).as("each use restarts the idle timeout").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.find(token)).isEmpty();
    }

    @Test
    void shouldEndABusySessionAtItsLifetime() {
        String token = store.open("thuky", List.of("SECRETARY")).token();
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(store.find(token)).isPresent();
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find(token)).as("8 hours after it was opened").isEmpty();
    }

    @Test
    void shouldEndASessionAtOnceAndRemoveExpiredOnesWhenAnotherOpens() {
        String ended = store.open("thuky", List.of("SECRETARY")).token();
        String expired = store.open("kiemtra", List.of("INSPECTOR")).token();
        assertThat(store.end(ended)).isTrue();
        assertThat(store.find(ended)).isEmpty();
        assertThat(store.end(ended)).isFalse();

        clock.advance(Duration.ofHours(9));
        store.open("thuky", List.of("SECRETARY"));
        assertThat(database.getCollection(SessionStore.COLLECTION).countDocuments(
                new Document("_id", SessionStore.hash(expired)))).isZero();
    }
}
