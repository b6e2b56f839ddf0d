package vn.qms.doccontrol.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One all-in-one application for the security suites (role matrix, safe logging, hostile
 * requests), started on first use and stopped when the test JVM ends: each suite would otherwise
 * pay a start of its own. Suites that change its state in ways others could see (locking an
 * account, a clock) start their own.
 */
public final class SharedQms {

    private static RunningQms running;

    private SharedQms() {
    }

    public static synchronized RunningQms get() {
        if (running == null) {
            Path dataDir = temporaryDirectory();
            RunningQms started = RunningQms.embedded(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteQuietly(dataDir);
            }));
            running = started;
        }
        return running;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("qms-shared-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure
        }
    }
}
