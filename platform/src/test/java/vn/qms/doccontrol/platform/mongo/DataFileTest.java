package vn.qms.doccontrol.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Startup safety: a data file that exists but cannot be used as it is stops the start with a
 * message naming it, and is neither written, replaced nor deleted.
 */
class DataFileTest {

    @TempDir
    Path dataDir;

    private Path dataFile() {
        return dataDir.resolve(EmbeddedMongoServer.DATA_FILE).toAbsolutePath();
    }

    @Test
    void refusesAnEmptyDataFileInsteadOfStartingANewStoreInIt() throws Exception {
        Files.createFile(dataFile());

        assertRefusedAndUntouched("it is empty");
    }

    @Test
    void refusesAFileThatIsNotAStore() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(dataFile(), garbage);

        assertRefusedAndUntouched("H2 cannot open it");
    }

    @Test
    void refusesATruncatedDataFile() throws Exception {
        writeDocuments(1500);
        try (RandomAccessFile file = new RandomAccessFile(dataFile().toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        assertRefusedAndUntouched("");
    }

    @Test
    void refusesADataFileWhoseNewestChunksAreDamaged() throws Exception {
        writeDocuments(1500);
        // Overwrite the end of the file (the newest chunks) with garbage; the header still names
        // the newest chunk as written.
        try (RandomAccessFile file = new RandomAccessFile(dataFile().toFile(), "rw")) {
            byte[] garbage = new byte[(int) Math.min(file.length() / 3, 1024 * 1024)];
            new Random(7).nextBytes(garbage);
            file.seek(file.length() - garbage.length);
            file.write(garbage);
        }

        assertRefusedAndUntouched("");
    }

    @Test
    void refusesADataFileInUseByAnotherServer() throws Exception {
        try (EmbeddedMongoServer running = EmbeddedMongoServer.start(dataDir, false)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, false))
                    .isInstanceOf(EmbeddedDataFileException.class)
                    .hasMessageContaining(dataFile().toString())
                    .hasMessageContaining("locked");
            try (MongoClient client = MongoClients.create(running.connectionString())) {
                client.getDatabase("test").getCollection("c").insertOne(new Document("still", "works"));
            }
        }
    }

    @Test
    void deletesACopyLeftByAnInterruptedCompactionAndKeepsTheData() throws Exception {
        writeDocuments(10);
        Path copy = DataFile.compactionCopy(dataFile());
        Files.write(copy, new byte[] {1, 2, 3});

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(copy).doesNotExist();
            assertThat(client.getDatabase("test").getCollection("documents").countDocuments()).isEqualTo(10);
        }
    }

    private void writeDocuments(int count) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, false);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            String payload = "p".repeat(500);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", i).append("payload", payload));
                if (batch.size() == 100 || i == count - 1) {
                    documents.insertMany(batch);
                    batch.clear();
                }
            }
        }
    }

    private void assertRefusedAndUntouched(String reason) throws Exception {
        String digestBefore = digest(dataFile());
        List<Path> filesBefore = files();

        assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, false))
                .isInstanceOf(EmbeddedDataFileException.class)
                .hasMessageContaining(dataFile().toString())
                .hasMessageContaining(reason)
                .hasMessageContaining("left untouched");

        assertThat(digest(dataFile())).as("the data file is unchanged").isEqualTo(digestBefore);
        assertThat(files()).as("no file created or deleted").isEqualTo(filesBefore);
        // and it stays refused, for the same reason: nothing was "repaired" (or left locked)
        String firstMessage = catchThrowable(() -> EmbeddedMongoServer.start(dataDir, false)).getMessage();
        assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, false))
                .isInstanceOf(EmbeddedDataFileException.class)
                .hasMessage(firstMessage);
        assertThat(digest(dataFile())).isEqualTo(digestBefore);
    }

    /** The files in the data directory but the lock file (which a start creates and never deletes). */
    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".lock")).sorted().toList();
        }
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
