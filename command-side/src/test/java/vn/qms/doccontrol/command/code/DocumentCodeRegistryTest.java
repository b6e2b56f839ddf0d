package vn.qms.doccontrol.command.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.command.document.RecordedDocuments;
import vn.qms.doccontrol.command.document.RecordedDocuments.RecordedDocument;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoServer;

/** Against the embedded server the application runs on by default, through the real driver. */
class DocumentCodeRegistryTest {

    private static final String ORG = "ubnd-quan-1";
    private static final Duration GRACE = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    private static EmbeddedMongoServer server;
    private static MongoClient client;

    private MongoDatabase database;
    private MongoCollection<Document> claims;
    /** What the event store knows, as the test sets it up. */
    private final Map<String, RecordedDocument> recorded = new ConcurrentHashMap<>();
    private final RecordedDocuments documents = id -> Optional.ofNullable(recorded.get(id));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
    private DocumentCodeRegistry registry;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(dataDir, false);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("codes_" + UUID.randomUUID().toString().replace("-", ""));
        claims = database.getCollection(DocumentCodeRegistry.COLLECTION);
        registry = new DocumentCodeRegistry(database, documents, clock, GRACE);
    }

    @Test
    void claimOfAFreeCodeStoresItUnderTheNormalizedKey() {
        String documentId = newId();

        registry.claim(ORG, "QT-01", documentId);

        Document claim = claims.find().first();
        assertThat(claims.countDocuments()).isEqualTo(1);
        assertThat(claim.getString("_id")).isEqualTo("ubnd-quan-1/qt-01");
        assertThat(claim.getString("documentId")).isEqualTo(documentId);
        assertThat(claim.getString("organizationId")).isEqualTo(ORG);
        assertThat(claim.getString("code")).isEqualTo("QT-01");
        assertThat(claim.getDate("claimedAt").toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void codeHeldByALiveDocumentIsRefusedWhateverItsCase() {
        String holder = live(newId());
        registry.claim(ORG, "QT-01", holder);

        assertThatThrownBy(() -> registry.claim(ORG, "qt-01", newId()))
                .isInstanceOfSatisfying(DuplicateDocumentCodeException.class, e -> {
                    assertThat(e.holderDocumentId()).isEqualTo(holder);
                    assertThat(e.field()).isEqualTo("code");
                });
    }

    @Test
    void codeInDecomposedUnicodeIsTheSameCodeAsItsComposedForm() {
        String holder = live(newId());
        registry.claim(ORG, "ĐT-Ô1", holder);

        String decomposedLowerCase = Normalizer.normalize("đt-ô1", Normalizer.Form.NFD);
        assertThatThrownBy(() -> registry.claim(ORG, decomposedLowerCase, newId()))
                .isInstanceOf(DuplicateDocumentCodeException.class);
    }

    @Test
    void sameCodeIsFreeInAnotherOrganization() {
        registry.claim(ORG, "QT-01", live(newId()));
        String otherDocument = newId();

        registry.claim("ubnd-phuong-ben-nghe", "QT-01", otherDocument);

        assertThat(claims.find(new Document("_id", "ubnd-phuong-ben-nghe/qt-01")).first().getString("documentId"))
                .isEqualTo(otherDocument);
    }

    @Test
    void claimingACodeTheDocumentAlreadyHoldsSucceeds() {
        String documentId = newId();
        registry.claim(ORG, "QT-01", documentId);

        registry.claim(ORG, "qt-01", documentId);

        assertThat(holderOf("QT-01")).isEqualTo(documentId);
    }

    @Test
    void exactlyOneOfSixteenConcurrentClaimsWins() throws Exception {
        List<String> winners = claimConcurrently(16);

        assertThat(winners).hasSize(1);
        assertThat(holderOf("QT-01")).isEqualTo(winners.get(0));
        assertThat(claims.countDocuments()).isEqualTo(1);
    }

    @Test
    void exactlyOneOfSixteenConcurrentTakeoversOfAWithdrawnHoldersCodeWins() throws Exception {
        String withdrawnHolder = newId();
        registry.claim(ORG, "QT-01", withdrawnHolder);
        recorded.put(withdrawnHolder, new RecordedDocument(withdrawnHolder, ORG, true));

        List<String> winners = claimConcurrently(16);

        assertThat(winners).hasSize(1);
        assertThat(holderOf("QT-01")).isEqualTo(winners.get(0));
    }

    /** Claims QT-01 from {@code threads} threads at once, in three spellings; returns who got it. */
    private List<String> claimConcurrently(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Future<Boolean>> outcomes = new LinkedHashMap<>();
        try {
            for (int i = 0; i < threads; i++) {
                String documentId = newId();
                String code = List.of("QT-01", "qt-01", "Qt-01").get(i % 3);
                outcomes.put(documentId, pool.submit(() -> {
                    start.await();
                    try {
                        registry.claim(ORG, code, documentId);
                        return true;
                    } catch (DuplicateDocumentCodeException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (Map.Entry<String, Future<Boolean>> outcome : outcomes.entrySet()) {
                if (outcome.getValue().get(30, TimeUnit.SECONDS)) {
                    winners.add(outcome.getKey());
                }
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void codeOfAWithdrawnHolderIsTakenOver() {
        String withdrawnHolder = newId();
        registry.claim(ORG, "QT-01", withdrawnHolder);
        recorded.put(withdrawnHolder, new RecordedDocument(withdrawnHolder, ORG, true));
        String newcomer = newId();

        registry.claim(ORG, "qt-01", newcomer);

        assertThat(holderOf("QT-01")).isEqualTo(newcomer);
        assertThat(claims.countDocuments()).isEqualTo(1);
    }

    @Test
    void eventlessClaimOlderThanTheGracePeriodIsTakenOver() {
        String crashedIssue = newId();
        registry.claim(ORG, "QT-01", crashedIssue);
        clock.advance(GRACE.plusSeconds(1));
        String newcomer = newId();

        registry.claim(ORG, "QT-01", newcomer);

        assertThat(holderOf("QT-01")).isEqualTo(newcomer);
    }

    @Test
    void eventlessClaimWithinTheGracePeriodIsKept() {
        String issueInProgress = newId();
        registry.claim(ORG, "QT-01", issueInProgress);
        clock.advance(GRACE.minusSeconds(1));

        assertThatThrownBy(() -> registry.claim(ORG, "QT-01", newId()))
                .isInstanceOf(DuplicateDocumentCodeException.class);
        assertThat(holderOf("QT-01")).isEqualTo(issueInProgress);
    }

    @Test
    void liveHolderKeepsItsCodeHoweverOldTheClaim() {
        String holder = live(newId());
        registry.claim(ORG, "QT-01", holder);
        clock.advance(Duration.ofDays(400));

        assertThatThrownBy(() -> registry.claim(ORG, "QT-01", newId()))
                .isInstanceOf(DuplicateDocumentCodeException.class);
        assertThat(holderOf("QT-01")).isEqualTo(holder);
    }

    @Test
    void releaseByTheHolderFreesTheCode() {
        String holder = live(newId());
        registry.claim(ORG, "QT-01", holder);

        registry.release(ORG, "qt-01", holder);

        assertThat(claims.countDocuments()).isZero();
        String next = newId();
        registry.claim(ORG, "QT-01", next);
        assertThat(holderOf("QT-01")).isEqualTo(next);
    }

    @Test
    void releaseNeverFreesSomeoneElsesClaim() {
        String holder = live(newId());
        registry.claim(ORG, "QT-01", holder);

        registry.release(ORG, "QT-01", newId());

        assertThat(holderOf("QT-01")).isEqualTo(holder);
        assertThatThrownBy(() -> registry.claim(ORG, "QT-01", newId()))
                .isInstanceOf(DuplicateDocumentCodeException.class);
    }

    @Test
    void releaseByAFormerHolderLeavesTheNewHoldersClaim() {
        String formerHolder = newId();
        registry.claim(ORG, "QT-01", formerHolder);
        recorded.put(formerHolder, new RecordedDocument(formerHolder, ORG, true));
        String newHolder = live(newId());
        registry.claim(ORG, "QT-01", newHolder);

        // The former holder's late release, e.g. after its withdrawal was finally answered.
        registry.release(ORG, "QT-01", formerHolder);

        assertThat(holderOf("QT-01")).isEqualTo(newHolder);
    }

    private String live(String documentId) {
        recorded.put(documentId, new RecordedDocument(documentId, ORG, false));
        return documentId;
    }

    private String holderOf(String code) {
        Document claim = claims.find(new Document("_id", DocumentCodeRegistry.key(ORG, code))).first();
        return claim == null ? null : claim.getString("documentId");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
