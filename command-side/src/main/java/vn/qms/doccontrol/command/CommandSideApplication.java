package vn.qms.doccontrol.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.qms.doccontrol.platform.QmsPlatformConfiguration;

/** The command side on its own, for the scaled-out deployment against one shared MongoDB. */
@SpringBootApplication(scanBasePackages = "vn.qms.doccontrol.command.none")
@Import({QmsPlatformConfiguration.class, CommandSideConfiguration.class})
public class CommandSideApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
