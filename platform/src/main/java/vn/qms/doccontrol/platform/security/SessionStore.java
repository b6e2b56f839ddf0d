package vn.qms.doccontrol.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Sessions of authenticated clients, in MongoDB so that every process of a deployment accepts the
 * same token and a logout ends it everywhere at once. A session is stored under the SHA-256 of its
 * token: whoever reads the collection (a backup, an operator) cannot use what they read.
 */
public final class SessionStore {

    public static final String COLLECTION = "auth_sessions";
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> sessions;
    private final Duration lifetime;
    private final Duration idleTimeout;
    /** A use is written back at most this often: reads must not each become a write. */
    private final Duration touchInterval;
    private final Clock clock;

    public SessionStore(MongoDatabase database, QmsSecurityProperties.Session settings, Clock clock) {
        this.sessions = database.getCollection(COLLECTION);
        this.lifetime = settings.lifetime();
        this.idleTimeout = settings.idleTimeout();
        this.touchInterval = min(Duration.ofMinutes(1), idleTimeout.dividedBy(10));
        this.clock = clock;
        // A real MongoDB removes expired sessions itself; the embedded server ignores the option,
        // and open() clears expired sessions there.
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** @return the new session, whose token exists only in this answer */
    public OpenedSession open(String username, List<String> roles) {
        Instant now = clock.instant();
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(lifetime);
        String id = hash(token);
        sessions.insertOne(new Document("_id", id)
                .append("username", username)
                .append("roles", roles)
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(expiresAt))
                .append("idleTimeoutSeconds", idleTimeout.toSeconds())
                .append("lastUsedAt", Date.from(now))
                .append("idleExpiresAt", Date.from(now.plus(idleTimeout))));
        sessions.deleteMany(Filters.or(Filters.lte("expiresAt", Date.from(now)), Filters.lte("idleExpiresAt", Date.from(now))));
        return new OpenedSession(token, reference(id), username, roles, expiresAt, idleTimeout);
    }

    /** @return the live session of this token; a use is recorded so that the idle timeout restarts */
    public Optional<Session> find(String token) {
        String id = hash(token);
        Document found = sessions.find(Filters.eq("_id", id)).first();
        if (found == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant expiresAt = found.getDate("expiresAt").toInstant();
        Instant lastUsedAt = found.getDate("lastUsedAt").toInstant();
        if (!now.isBefore(expiresAt) || !now.isBefore(found.getDate("idleExpiresAt").toInstant())) {
            sessions.deleteOne(Filters.eq("_id", id));
            return Optional.empty();
        }
        if (Duration.between(lastUsedAt, now).compareTo(touchInterval) >= 0) {
            sessions.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set("lastUsedAt", Date.from(now)),
                    Updates.set("idleExpiresAt", Date.from(now.plus(idleTimeout)))));
        }
        return Optional.of(new Session(reference(id), found.getString("username"), found.getList("roles", String.class),
                found.getDate("createdAt").toInstant(), expiresAt));
    }

    /** @return whether the session existed; from now on its token is refused by every process */
    public boolean end(String token) {
        return sessions.deleteOne(Filters.eq("_id", hash(token))).getDeletedCount() > 0;
    }

    /** How a session is named in logs: enough of its stored id to find it, nothing to use it with. */
    public static String reference(String storedId) {
        return storedId.substring(0, 12);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public record OpenedSession(String token, String reference, String username, List<String> roles,
                                Instant expiresAt, Duration idleTimeout) {
        @Override
        public String toString() {
            return "OpenedSession[" + reference + ", " + username + "]";
        }
    }

    public record Session(String reference, String username, List<String> roles, Instant createdAt, Instant expiresAt) {
    }
}
