package vn.qms.doccontrol.query;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" for the query side. Whether a document is SCHEDULED, EFFECTIVE or WITHDRAWN depends on the
 * clock, so it is a bean that tests (and the all-in-one, if it brings its own) can replace.
 */
@Configuration(proxyBeanMethods = false)
public class QueryClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
