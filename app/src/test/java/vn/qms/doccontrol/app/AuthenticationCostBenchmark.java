package vn.qms.doccontrol.app;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;

/**
 * What authentication costs per request: the same GET of one document, sent sequentially with
 * HTTP Basic (bcrypt each time) and with a session's bearer token (one MongoDB lookup by id).
 * Run with {@code ./mvnw -B -pl app -am verify -Dqms.test.excludedGroups=none -Dgroups=benchmark
 * -Dtest=AuthenticationCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; read
 * {@code app/target/bench/authentication-cost.txt}.
 */
@Tag("benchmark")
class AuthenticationCostBenchmark {

    private static final int WARM_UP = 30;
    private static final int REQUESTS = 200;

    @TempDir
    Path dataDir;

    @Test
    void measureBasicAgainstBearer() throws Exception {
        try (RunningQms qms = RunningQms.embedded(dataDir)) {
            Api api = qms.api();
            String token = api.openSession("auditor");
            String writer = api.openSession("secretary");
            String id = api.postWithToken(writer, "/api/documents", DocumentControlApiContract.issueBody(
                    Samples.freshOrganization(), "QT-01", "Quy trình kiểm soát tài liệu", "Nội dung")).json().get("documentId").asText();
            while (api.getWithToken(token, "/api/documents/" + id).status() != 200) {
                Thread.sleep(5);
            }
            String path = "/api/documents/" + id;
            Supplier<Response> basic = () -> api.exchange(api.request(path).header("Authorization", Api.basic("auditor", "auditor")).GET());
            Supplier<Response> bearer = () -> api.exchange(api.request(path).header("Authorization", Api.bearer(token)).GET());

            List<Long> basicMicros = measure(basic);
            List<Long> bearerMicros = measure(bearer);

            String report = "Authenticated GET " + path.replace(id, "{id}") + ", " + REQUESTS + " sequential requests each, after "
                    + WARM_UP + " warm-up, on " + Runtime.getRuntime().availableProcessors() + " cores\n"
                    + line("HTTP Basic (bcrypt)", basicMicros) + line("Bearer token (session lookup)", bearerMicros);
            Path out = Path.of("target", "bench", "authentication-cost.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);
        }
    }

    private static List<Long> measure(Supplier<Response> request) {
        for (int i = 0; i < WARM_UP; i++) {
            check(request.get());
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            check(request.get());
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        return micros;
    }

    private static void check(Response response) {
        if (response.status() != 200) {
            throw new AssertionError(response.toString());
        }
    }

    private static String line(String label, List<Long> sorted) {
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
        return String.format("%-32s mean %7.2f ms  p50 %7.2f ms  p99 %7.2f ms%n", label, mean,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1000.0);
    }
}
