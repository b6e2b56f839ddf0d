package vn.qms.doccontrol.command.code;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.qms.doccontrol.command.document.DocumentText;
import vn.qms.doccontrol.command.document.RecordedDocuments;
import vn.qms.doccontrol.command.document.RecordedDocuments.RecordedDocument;

/**
 * Keeps a code unique, case-insensitively, among an organization's documents that are not withdrawn.
 * No aggregate sees all documents of an organization, so the rule is enforced before dispatch with a
 * lookup collection whose {@code _id} is the normalized code: MongoDB's unique {@code _id} index
 * decides between concurrent claims, atomically, on any MongoDB including the embedded one.
 *
 * <p>A claim can outlive its reason: the holder was withdrawn but the release did not happen, or the
 * process died between the claim and the issue. Such claims are taken over, by compare-and-set on the
 * holder, so that two takers cannot both win.
 */
@Component
public class DocumentCodeRegistry {

    public static final String COLLECTION = "document_codes";
    /** Longer than any issue takes between claim and stored event; younger eventless claims are kept. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DocumentCodeRegistry.class);
    private static final int MAX_ATTEMPTS = 5;

    private final MongoCollection<Document> claims;
    private final RecordedDocuments documents;
    private final Clock clock;
    private final Duration grace;

    @Autowired
    public DocumentCodeRegistry(MongoDatabase database, RecordedDocuments documents) {
        this(database, documents, Clock.systemUTC(), DEFAULT_GRACE);
    }

    public DocumentCodeRegistry(MongoDatabase database, RecordedDocuments documents, Clock clock, Duration grace) {
        this.claims = database.getCollection(COLLECTION);
        this.documents = documents;
        this.clock = clock;
        this.grace = grace;
    }

    /** The {@code _id} of a code's claim: the same for every case and Unicode form of the code. */
    public static String key(String organizationId, String code) {
        return organizationId + "/" + DocumentText.nfc(code).toLowerCase(Locale.ROOT);
    }

    /**
     * Reserves {@code code} in {@code organizationId} for {@code documentId}; claiming a code the
     * document already holds succeeds.
     *
     * @throws DuplicateDocumentCodeException when another live document holds the code
     */
    public void claim(String organizationId, String code, String documentId) {
        String key = key(organizationId, code);
        String holderId = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (tryInsert(key, organizationId, code, documentId)) {
                return;
            }
            Optional<Document> holder = Optional.ofNullable(claims.find(eq("_id", key)).first());
            if (holder.isEmpty()) {
                continue; // released between our insert and our read: insert again
            }
            holderId = holder.get().getString("documentId");
            if (documentId.equals(holderId)) {
                return;
            }
            if (!isStale(holder.get())) {
                throw new DuplicateDocumentCodeException(organizationId, code, holderId);
            }
            Document takeover = claimDocument(key, organizationId, code, documentId);
            if (claims.replaceOne(claimedBy(key, holderId), takeover).getMatchedCount() == 1) {
                log.info("Code {} taken over by document {} from {}", key, documentId, holderId);
                return;
            }
            // Someone else changed the claim since we read it: decide again on what is there now.
        }
        // Claims keep changing hands under us; refusing is safe, the client may retry.
        throw new DuplicateDocumentCodeException(organizationId, code, holderId);
    }

    /** Frees the code, but only if {@code documentId} holds it: never someone else's claim. */
    public void release(String organizationId, String code, String documentId) {
        claims.deleteOne(claimedBy(key(organizationId, code), documentId));
    }

    private boolean tryInsert(String key, String organizationId, String code, String documentId) {
        try {
            claims.insertOne(claimDocument(key, organizationId, code, documentId));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private boolean isStale(Document claim) {
        Optional<RecordedDocument> holder = documents.find(claim.getString("documentId"));
        if (holder.isPresent()) {
            return holder.get().withdrawn();
        }
        // No event: the holder's issue failed without releasing, or is still being dispatched.
        Date claimedAt = claim.getDate("claimedAt");
        return claimedAt == null || claimedAt.toInstant().plus(grace).isBefore(clock.instant());
    }

    private Document claimDocument(String key, String organizationId, String code, String documentId) {
        Instant now = clock.instant();
        return new Document("_id", key)
                .append("documentId", documentId)
                .append("organizationId", organizationId)
                .append("code", DocumentText.nfc(code))
                .append("claimedAt", Date.from(now));
    }

    private static Bson claimedBy(String key, String documentId) {
        return and(eq("_id", key), eq("documentId", documentId));
    }
}
