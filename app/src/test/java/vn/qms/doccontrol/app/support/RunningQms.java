package vn.qms.doccontrol.app.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.qms.doccontrol.app.QmsApplication;

/**
 * The whole all-in-one application, started as a user would start it (same main class, same
 * defaults), on a data directory or MongoDB URI the test chooses, on a free port.
 */
public final class RunningQms implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private RunningQms(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = Api.at(context);
    }

    /** On the embedded default, with its data file in {@code dataDir}, demo accounts on. */
    public static RunningQms embedded(Path dataDir, String... extraProperties) {
        List<String> args = new ArrayList<>(List.of("--qms.data-dir=" + dataDir, "--qms.demo=true"));
        args.addAll(List.of(extraProperties));
        return start(args);
    }

    /** On the embedded default with only the given properties (no demo accounts unless they say so). */
    public static RunningQms embeddedWith(Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of("--qms.data-dir=" + dataDir));
        args.addAll(List.of(properties));
        return start(args);
    }

    /**
     * On the embedded default with demo accounts, and {@code bean} registered in the context before
     * anything else is created (a test's stand-in for something of the machine, such as its disk).
     */
    public static RunningQms embeddedWithBean(Path dataDir, Object bean, String... extraProperties) {
        List<String> args = new ArrayList<>(List.of("--qms.data-dir=" + dataDir, "--qms.demo=true"));
        args.addAll(List.of(extraProperties));
        return start(args, context -> context.getBeanFactory().registerSingleton("testStandIn", bean));
    }

    /** On a real MongoDB. */
    public static RunningQms onMongo(String uri, String database, String... extraProperties) {
        List<String> args = new ArrayList<>(List.of("--qms.mongodb.uri=" + uri, "--qms.mongodb.database=" + database,
                "--qms.demo=true"));
        args.addAll(List.of(extraProperties));
        return start(args);
    }

    private static RunningQms start(List<String> args) {
        return start(args, context -> { });
    }

    private static RunningQms start(List<String> args, ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        all.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QmsApplication.class)
                .initializers(initializer)
                .run(all.toArray(String[]::new));
        return new RunningQms(context);
    }

    public Api api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
