package vn.qms.doccontrol.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.qms.doccontrol.platform.mongo.QmsMongoProperties;
import vn.qms.doccontrol.platform.web.ProblemResponses;

/**
 * The API's access policy, in one place: only a secretary writes; every role reads documents; the
 * organization-wide audit trail is for auditors and inspectors.
 *
 * <p>HTTP Basic and no server session: every request carries its credentials, so there is no
 * session cookie a forged cross-site request could ride on, and CSRF tokens are off.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String REALM = "QMS document control";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                    "Authentication required", "Sign in with HTTP Basic credentials."));
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.FORBIDDEN,
                        "Forbidden", "Your role may not " + request.getMethod() + " " + request.getRequestURI() + "."));
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(QmsRole.SECRETARY.name())
                        .requestMatchers(HttpMethod.GET, "/api/audit-trail", "/api/audit-trail/**")
                                .hasAnyRole(QmsRole.AUDITOR.name(), QmsRole.INSPECTOR.name())
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService users(QmsSecurityProperties properties, QmsMongoProperties mongo, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (QmsSecurityProperties.User user : properties.security().users()) {
            users.add(configuredUser(user));
        }
        boolean demo = properties.demo() != null ? properties.demo() : mongo.embedded();
        if (demo) {
            log.warn("""

                    *****************************************************************
                    * DEMO ACCOUNTS ARE ON (qms.demo=true): secretary, approver,     *
                    * auditor and inspector, each with its own name as password.    *
                    * Never run a real QMS like this: set qms.demo=false and        *
                    * configure qms.security.users with bcrypt hashes.              *
                    *****************************************************************""");
            for (QmsRole role : QmsRole.values()) {
                String name = role.name().toLowerCase();
                users.add(User.withUsername(name).password(encoder.encode(name)).roles(role.name()).build());
            }
        }
        if (users.isEmpty()) {
            log.warn("No accounts are configured (qms.security.users) and demo accounts are off: every API call will be refused.");
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails configuredUser(QmsSecurityProperties.User user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new IllegalStateException("qms.security.users: every user needs a username");
        }
        String hash = user.passwordHash() == null ? "" : user.passwordHash().replaceFirst("^\\{bcrypt}", "");
        if (!hash.matches("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$")) {
            throw new IllegalStateException("qms.security.users: user '" + user.username()
                    + "' needs a bcrypt password-hash; plain passwords are not accepted");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalStateException("qms.security.users: user '" + user.username() + "' needs at least one role");
        }
        return User.withUsername(user.username())
                .password(hash)
                .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
