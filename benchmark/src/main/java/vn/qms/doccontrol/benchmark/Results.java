package vn.qms.doccontrol.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a benchmark's results go: {@code <name>.json} for machines, {@code <name>.md} and the console for people. */
public final class Results {

    private Results() {
    }

    public static void write(ObjectNode results, String markdown, Path outputDir, String name) throws IOException {
        Files.createDirectories(outputDir);
        Path json = outputDir.resolve(name + ".json");
        Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results),
                          StandardCharsets.UTF_8);
        Files.writeString(outputDir.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("written: " + json.toAbsolutePath());
    }

    /** The machine a run was made on, for the report: figures mean little without it. */
    public static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }
}
