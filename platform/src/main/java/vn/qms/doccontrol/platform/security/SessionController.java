package vn.qms.doccontrol.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;
import vn.qms.doccontrol.platform.web.InvalidFieldException;
import vn.qms.doccontrol.platform.web.ProblemResponses;

/**
 * Sessions: sign in once with the password (HTTP Basic), then send the bearer token. Only a
 * password opens a session, so a stolen token cannot extend itself beyond its lifetime.
 */
@RestController
@RequestMapping(path = "/api/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Sign in once with HTTP Basic, then send Authorization: Bearer <token>")
public class SessionController {

    private final SessionStore sessions;

    SessionController(SessionStore sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Open a session with the password (HTTP Basic); answers the bearer token")
    @ApiResponse(responseCode = "201", description = "The session; its token is shown only here")
    @ApiResponse(responseCode = "401", description = "No or wrong credentials")
    @ApiResponse(responseCode = "403", description = "Sent with a bearer token: only a password opens a session")
    @ApiResponse(responseCode = "429", description = "Too many failed logins for this account from this address; see Retry-After")
    public ResponseEntity<SessionResponse> open(Authentication user, HttpServletRequest request) {
        if (!(user instanceof UsernamePasswordAuthenticationToken)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemResponses.fieldProblem(HttpStatus.FORBIDDEN, "Forbidden",
                    "Authorization", "must be HTTP Basic credentials: a session is opened with the password, not with another session"), null);
        }
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList();
        SessionStore.OpenedSession session = sessions.open(user.getName(), roles);
        SecurityLog.sessionOpened(session.username(), session.reference(), request.getRemoteAddr(), session.expiresAt());
        return ResponseEntity.created(URI.create("/api/sessions/current"))
                .cacheControl(CacheControl.noStore())
                .body(new SessionResponse(session.token(), "Bearer", session.username(), session.roles(),
                        session.expiresAt(), session.idleTimeout().toSeconds()));
    }

    @DeleteMapping("/current")
    @Operation(summary = "End the session whose bearer token this request carries; the token is refused from now on")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiResponse(responseCode = "400", description = "The request carried no bearer token")
    public ResponseEntity<Void> end(Authentication user, HttpServletRequest request) {
        if (!(user instanceof BearerTokenAuthentication bearer)) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "Authorization",
                    "must be the bearer token of the session to end");
        }
        sessions.end(bearer.getToken().getTokenValue());
        SecurityLog.sessionEnded(user.getName(), String.valueOf(bearer.getTokenAttributes().get(SessionTokenIntrospector.SESSION_REFERENCE)),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @Schema(description = "An open session. Send the token as Authorization: Bearer <token>.")
    public record SessionResponse(
            @Schema(description = "The bearer token: 256 random bits, base64url; shown only once") String token,
            @Schema(example = "Bearer") String tokenType,
            @Schema(example = "secretary") String username,
            @Schema(example = "[\"SECRETARY\"]") List<String> roles,
            @Schema(description = "The session ends then at the latest", example = "2026-01-05T09:00:00Z") Instant expiresAt,
            @Schema(description = "The session also ends when unused for this many seconds", example = "1800") long idleTimeoutSeconds) {

        @Override
        public String toString() {
            return "SessionResponse[" + username + ", " + roles + ", " + expiresAt + "]";
        }
    }
}
