package vn.qms.doccontrol.platform.security;

import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Spring Security's bearer-token support asks this which session a token belongs to. The
 * authenticated name is the session's user, so every event still names the person who logged in.
 */
final class SessionTokenIntrospector implements OpaqueTokenIntrospector {

    /** The attribute that carries the session's reference, for the logout log line. */
    static final String SESSION_REFERENCE = "session";

    private final SessionStore sessions;

    SessionTokenIntrospector(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        SessionStore.Session session = sessions.find(token)
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or ended session"));
        return new DefaultOAuth2AuthenticatedPrincipal(session.username(),
                Map.of(OAuth2TokenIntrospectionClaimNames.SUB, session.username(),
                        OAuth2TokenIntrospectionClaimNames.IAT, session.createdAt(),
                        OAuth2TokenIntrospectionClaimNames.EXP, session.expiresAt(),
                        SESSION_REFERENCE, session.reference()),
                session.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
