package vn.qms.doccontrol.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logging configuration, loaded on its own: the security log has a file of its own. */
class SecurityLogConfigurationTest {

    @TempDir
    Path logDir;

    @Test
    void shouldWriteTheSecurityLogToItsOwnFileAndNothingElseThere() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("LOG_PATH", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
        context.start();
        try {
            context.getLogger(SecurityLog.LOGGER).warn("login failed: user=thuky from=10.0.0.1 failures=1/5");
            context.getLogger("vn.qms.doccontrol.platform.web.ApiProblemHandler").warn("not a security event");
        } finally {
            context.stop();
        }

        String securityLog = Files.readString(logDir.resolve("security.log"), StandardCharsets.UTF_8);
        assertThat(securityLog).contains("WARN").contains("login failed: user=thuky from=10.0.0.1 failures=1/5")
                .doesNotContain("not a security event");
    }

    @Test
    void shouldKeepLoginNamesOnOneLine() {
        assertThat(SecurityLog.printable("thuky\nWARN login ok: user=admin")).doesNotContain("\n").startsWith("thuky\\u000a");
        assertThat(SecurityLog.printable("x".repeat(100))).hasSize(65);
        assertThat(SecurityLog.printable("ad\u202Enimda")).isEqualTo("ad\\u202enimda");
    }
}
