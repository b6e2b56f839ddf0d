package vn.qms.doccontrol.app.support;

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
import vn.qms.doccontrol.app.QmsApplication;

/**
 * The all-in-one application as a process of its own, as an operator runs it, so that a test can
 * kill it with SIGKILL at any moment. The embedded MongoDB listens on a port the test knows, so
 * that it can read the event store while the application runs.
 */
public final class QmsProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Api api;
    private final int mongoPort;

    private QmsProcess(Process process, Api api, int mongoPort) {
        this.process = process;
        this.api = api;
        this.mongoPort = mongoPort;
    }

    /** Starts the application on {@code dataDir} with demo accounts, and waits until it is healthy. */
    public static QmsProcess start(Path dataDir, Path log, String... extraProperties) {
        int httpPort = freePort();
        int mongoPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-cp", classPath(),
                QmsApplication.class.getName(),
                "--server.port=" + httpPort,
                "--qms.data-dir=" + dataDir,
                "--qms.embedded.port=" + mongoPort,
                "--qms.demo=true",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        command.addAll(List.of(extraProperties));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            QmsProcess qms = new QmsProcess(process, new Api("http://127.0.0.1:" + httpPort), mongoPort);
            qms.awaitHealthy(log);
            return qms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return api;
    }

    /** The embedded MongoDB's connection string (loopback). */
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: Spring's graceful shutdown, as Ctrl-C. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Api.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application did not become healthy within " + STARTUP_LIMIT + "; see " + log);
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path separately. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
