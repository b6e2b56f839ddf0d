package vn.qms.doccontrol.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Axon Framework reports usage to its vendor and checks for updates over the internet unless told
 * not to. A QMS of a public agency runs on closed networks and sends nothing out: off, before Axon
 * starts, unless the operator set the property explicitly.
 */
public class OfflineAxonEnvironment implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
