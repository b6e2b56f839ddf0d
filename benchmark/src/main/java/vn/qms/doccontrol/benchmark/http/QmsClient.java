package vn.qms.doccontrol.benchmark.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API as a client sees it, signed in once per account: with a session token when the server
 * offers sessions ({@code POST /api/sessions}), else with HTTP Basic on every request.
 */
final class QmsClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;

    QmsClient(String baseUrl, String user) {
        this.baseUrl = baseUrl;
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        this.authorization = signIn(basic);
    }

    /** How the benchmark authenticates, for the report. */
    String scheme() {
        return authorization.substring(0, authorization.indexOf(' '));
    }

    Answer get(String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path + queryString(query))).GET());
    }

    Answer post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        return execute(request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build());
    }

    private String signIn(String basic) {
        Answer session = execute(HttpRequest.newBuilder(URI.create(baseUrl + "/api/sessions"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build());
        if (session.status() / 100 == 2) {
            JsonNode json = session.json();
            for (String field : new String[] {"token", "accessToken", "access_token"}) {
                if (json.hasNonNull(field)) {
                    return "Bearer " + json.get(field).asText();
                }
            }
        }
        return basic;
    }

    private Answer execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
