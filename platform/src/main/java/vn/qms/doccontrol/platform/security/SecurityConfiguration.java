package vn.qms.doccontrol.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import vn.qms.doccontrol.platform.mongo.QmsMongoProperties;
import vn.qms.doccontrol.platform.web.ProblemResponses;

/**
 * The API's access policy, in one place: only a secretary writes; every role reads documents; the
 * organization-wide audit trail is for auditors and inspectors.
 *
 * <p>Two ways in: HTTP Basic (bcrypt on every request; for curl and for opening a session) and a
 * bearer token of a session kept in MongoDB ({@link SessionStore}), which costs one lookup by id.
 * Neither is a cookie, so the server keeps no HTTP session and CSRF tokens are off: a bearer token
 * is never sent by a browser on its own, and a browser that resends cached Basic credentials
 * cross-site cannot write, because writes accept only {@code application/json}, which a cross-site
 * form cannot send and a script can send only after a CORS preflight that is never granted (see
 * decision 12). Password checks go through the {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String REALM = "QMS document control";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper, UserDetailsService users,
                                    PasswordEncoder encoder, LoginThrottle throttle, SessionStore sessions) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> unauthenticated(request, response, e, mapper);
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.FORBIDDEN,
                        "Forbidden", "Your role may not " + request.getMethod() + " " + request.getRequestURI() + "."));
        // Each way in gets its own manager, without the global parent: a locked account must not
        // fall through to an unthrottled password check.
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(new ThrottledPasswordAuthentication(passwords, throttle)))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .oauth2ResourceServer(bearer -> bearer
                        .opaqueToken(token -> token.authenticationManager(new ProviderManager(
                                new OpaqueTokenAuthenticationProvider(new SessionTokenIntrospector(sessions)))))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/sessions", "/api/sessions/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(QmsRole.SECRETARY.name())
                        .requestMatchers(HttpMethod.GET, "/api/audit-trail", "/api/audit-trail/**")
                                .hasAnyRole(QmsRole.AUDITOR.name(), QmsRole.INSPECTOR.name())
                        .anyRequest().authenticated())
                .build();
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
                                        ObjectMapper mapper) throws IOException {
        if (e instanceof LoginLockedException locked) {
            long seconds = Math.max(1, Duration.between(Instant.now(), locked.lockedUntil()).toSeconds() + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "This account is locked from your address after repeated failed logins; try again in " + seconds + " seconds.");
            problem.setProperty("retryAfterSeconds", seconds);
            ProblemResponses.write(response, mapper, problem);
            return;
        }
        if (e instanceof OAuth2AuthenticationException) {
            SecurityLog.tokenRefused(request.getRemoteAddr(), "unknown, expired, ended or malformed");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                    "Authentication required", "The session token is unknown, expired or ended: open a new session."));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                "Authentication required", "Sign in with HTTP Basic credentials or a session's bearer token."));
    }

    /** Requests the firewall refuses (encoded dots or slashes, {@code ;}, odd methods) get a problem too. */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper mapper) {
        return (request, response, e) -> ProblemResponses.write(response, mapper, ProblemResponses.problem(
                HttpStatus.BAD_REQUEST, "Bad request", "The request's method or URL is not acceptable."));
    }

    @Bean
    LoginThrottle loginThrottle(QmsSecurityProperties properties) {
        return new LoginThrottle(properties.security().login(), Clock.systemUTC());
    }

    @Bean
    SessionStore sessionStore(MongoDatabase qmsDatabase, QmsSecurityProperties properties) {
        return new SessionStore(qmsDatabase, properties.security().session(), Clock.systemUTC());
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
