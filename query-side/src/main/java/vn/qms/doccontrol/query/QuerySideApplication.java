package vn.qms.doccontrol.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.qms.doccontrol.platform.QmsPlatformConfiguration;

/** The query side on its own, for the scaled-out deployment against one shared MongoDB. */
@SpringBootApplication(scanBasePackages = "vn.qms.doccontrol.query.none")
@Import({QmsPlatformConfiguration.class, QuerySideConfiguration.class})
public class QuerySideApplication {
    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
