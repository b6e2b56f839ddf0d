package vn.qms.doccontrol.benchmark.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The all-in-one jar started as an operator starts it, on a data directory of the benchmark's. */
final class AppProcess implements AutoCloseable {

    private final Process process;
    final String baseUrl;
    final String mongoUri;

    private AppProcess(Process process, int httpPort, int mongoPort) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + httpPort;
        this.mongoUri = "mongodb://127.0.0.1:" + mongoPort;
    }

    static AppProcess start(Path appJar, Path dataDir, Path log, String... extraProperties) {
        int httpPort = freePort();
        int mongoPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dfile.encoding=UTF-8",
                "-jar", appJar.toString(),
                "--server.port=" + httpPort, "--qms.data-dir=" + dataDir, "--qms.embedded.port=" + mongoPort,
                "--qms.demo=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        command.addAll(List.of(extraProperties));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            AppProcess app = new AppProcess(process, httpPort, mongoPort);
            app.awaitHealthy(log);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the application did not become healthy in 3 minutes; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
