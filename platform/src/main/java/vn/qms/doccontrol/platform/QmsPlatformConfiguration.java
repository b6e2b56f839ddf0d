package vn.qms.doccontrol.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import vn.qms.doccontrol.platform.mongo.EmbeddedMongoProperties;
import vn.qms.doccontrol.platform.mongo.QmsMongoProperties;
import vn.qms.doccontrol.platform.security.QmsSecurityProperties;

/**
 * What every QMS application (the all-in-one and each side on its own) runs on. Applications
 * {@code @Import} it rather than scanning for it, so that a side never picks up another side's beans.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = QmsPlatformConfiguration.class)
@EnableConfigurationProperties({QmsMongoProperties.class, EmbeddedMongoProperties.class, QmsSecurityProperties.class})
public class QmsPlatformConfiguration {
}
