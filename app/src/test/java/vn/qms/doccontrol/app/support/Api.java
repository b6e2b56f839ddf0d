package vn.qms.doccontrol.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** A plain HTTP client for the API, speaking as one of the demo accounts (or as nobody). */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Demo account to its session token, when this client signs in once per account. */
    private final Map<String, String> sessions;

    Api(String baseUrl) {
        this(baseUrl, null);
    }

    private Api(String baseUrl, Map<String, String> sessions) {
        this.baseUrl = baseUrl;
        this.sessions = sessions;
    }

    /**
     * The same API, but each demo account signs in once and then sends its session token, as a
     * real client would: no bcrypt per request, for tests that send many.
     */
    public Api signedIn() {
        return new Api(baseUrl, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** The API of any running QMS application context (a side on its own, or the all-in-one). */
    public static Api at(ApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://127.0.0.1:" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return URI.create(baseUrl).getPort();
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response get(String user, String path, Map<String, String> query) {
        return get(user, path + queryString(query));
    }

    public Response post(String user, String path, JsonNode body) {
        return postRaw(user, path, body.toString(), "application/json");
    }

    public Response postRaw(String user, String path, String body, String contentType) {
        return send(user, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response postBytes(String user, String path, byte[] body, String contentType) {
        return send(user, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", sessions == null ? basic(user, user)
                    : bearer(sessions.computeIfAbsent(user, this::openSession)));
        }
        return execute(request.timeout(Duration.ofSeconds(30)).build());
    }

    public Response withCredentials(String username, String password, String path) {
        return execute(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(username, password)).GET().build());
    }

    /** Opens a session as the demo account {@code user}; @return its bearer token */
    public String openSession(String user) {
        // With the password itself: through send() a signed-in client would ask for a token with a token.
        Response opened = execute(HttpRequest.newBuilder(uri("/api/sessions")).header("Authorization", basic(user, user))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build());
        if (opened.status() != 201) {
            throw new AssertionError("Could not open a session as " + user + ": " + opened);
        }
        return opened.json().get("token").asText();
    }

    public Response getWithToken(String token, String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Authorization", bearer(token)).GET());
    }

    public Response postWithToken(String token, String path, JsonNode body) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Authorization", bearer(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    public Response endSession(String token) {
        return exchange(HttpRequest.newBuilder(uri("/api/sessions/current")).header("Authorization", bearer(token)).DELETE());
    }

    /** Sends the request as built, credentials included. */
    public Response exchange(HttpRequest.Builder request) {
        return execute(request.timeout(Duration.ofSeconds(30)).build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Reads are eventually consistent: poll until the answer satisfies {@code until}. */
    public Response await(String user, String path, Predicate<Response> until) {
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        Response last;
        do {
            last = get(user, path);
            if (until.test(last)) {
                return last;
            }
            sleep(5);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Still not there after " + PROJECTION_WAIT + ": GET " + path + " -> " + last);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Sleeps; an interrupt ends the test's wait with an exception, keeping the flag set. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, String location, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }
}
