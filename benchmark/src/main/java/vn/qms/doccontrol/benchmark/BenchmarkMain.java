package vn.qms.doccontrol.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import vn.qms.doccontrol.benchmark.eventstore.EventStoreBenchmark;
import vn.qms.doccontrol.benchmark.http.HttpBenchmark;

/**
 * {@code java -jar qms-benchmark.jar event-store|http [--quick] [--out DIR] [--app-jar JAR]}: what
 * bench/run starts.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        List<String> arguments = Arrays.asList(args);
        boolean quick = arguments.contains("--quick");
        int out = arguments.indexOf("--out");
        Path outputDir = Path.of(out >= 0 && out + 1 < args.length ? args[out + 1] : "target/bench");
        String which = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "" : arguments.get(0);
        switch (which) {
            case "event-store" -> EventStoreBenchmark.run(quick ? EventStoreBenchmark.Sizes.QUICK : EventStoreBenchmark.Sizes.FULL,
                                                          outputDir);
            case "http" -> {
                int jar = arguments.indexOf("--app-jar");
                Path appJar = Path.of(jar >= 0 && jar + 1 < args.length ? args[jar + 1] : "app/target/qms-app.jar");
                HttpBenchmark.run(quick ? HttpBenchmark.Sizes.QUICK : HttpBenchmark.Sizes.FULL, appJar, outputDir);
            }
            default -> {
                System.err.println("usage: qms-benchmark event-store|http [--quick] [--out DIR] [--app-jar JAR]");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
