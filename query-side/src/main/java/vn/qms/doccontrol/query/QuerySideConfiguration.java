package vn.qms.doccontrol.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything of the query side. Applications {@code @Import} it; the scan leaves out the side's own
 * {@code @SpringBootApplication} so that the all-in-one can hold both sides.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = QuerySideConfiguration.class,
        excludeFilters = @ComponentScan.Filter(SpringBootApplication.class))
public class QuerySideConfiguration {
}
