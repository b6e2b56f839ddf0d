package vn.qms.doccontrol.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything logged under a logger (the root: every logger) while it is open, formatted as a log
 * file would show it, stack traces and MDC included. Optionally lowers levels for its duration.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final PatternLayout layout = new PatternLayout();
    private final List<String> lines = new ArrayList<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();

    private CapturedLogs(String loggerName, Map<String, Level> levels) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.logger = context.getLogger(loggerName);
        layout.setContext(context);
        layout.setPattern("%level %logger [%thread] %msg %mdc%n%ex{full}");
        layout.start();
        setContext(context);
        setName("captured-" + loggerName);
        start();
        levels.forEach((name, level) -> {
            Logger target = context.getLogger(name);
            previousLevels.put(target, target.getLevel());
            target.setLevel(level);
        });
        logger.addAppender(this);
    }

    public static CapturedLogs of(String loggerName) {
        return new CapturedLogs(loggerName, Map.of());
    }

    /** Captures every logger, at the given levels (logger name to level) while open. */
    public static CapturedLogs everything(Map<String, Level> levels) {
        return new CapturedLogs(org.slf4j.Logger.ROOT_LOGGER_NAME, levels);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(layout.doLayout(event));
    }

    public synchronized String text() {
        return String.join("", lines);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        previousLevels.forEach(Logger::setLevel);
        stop();
    }
}
