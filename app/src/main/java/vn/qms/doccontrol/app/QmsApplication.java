package vn.qms.doccontrol.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.qms.doccontrol.command.CommandSideConfiguration;
import vn.qms.doccontrol.platform.QmsPlatformConfiguration;
import vn.qms.doccontrol.query.QuerySideConfiguration;

/** Both sides in one JVM: the default way to run, on the embedded MongoDB unless a URI is given. */
@SpringBootApplication
@Import({QmsPlatformConfiguration.class, CommandSideConfiguration.class, QuerySideConfiguration.class})
public class QmsApplication {
    public static void main(String[] args) {
        SpringApplication.run(QmsApplication.class, args);
    }
}
