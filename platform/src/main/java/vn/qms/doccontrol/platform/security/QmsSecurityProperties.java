package vn.qms.doccontrol.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts. {@code qms.demo} adds the demo accounts; it defaults to on for the embedded default and
 * off with a real MongoDB. Configured users carry a bcrypt hash, never a password.
 */
@ConfigurationProperties(prefix = "qms")
public record QmsSecurityProperties(Boolean demo, Security security) {

    public QmsSecurityProperties {
        security = security == null ? new Security(List.of()) : security;
    }

    public record Security(List<User> users) {
        public Security {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /**
     * @param username     login name
     * @param passwordHash bcrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...})
     * @param roles        one or more of {@link QmsRole}
     */
    public record User(String username, String passwordHash, List<QmsRole> roles) {
    }
}
