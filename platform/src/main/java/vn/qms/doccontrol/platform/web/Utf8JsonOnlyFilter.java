package vn.qms.doccontrol.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON is read as UTF-8 only (RFC 8259): a body declared in another charset is refused with 415
 * rather than decoded, so that the bytes a proxy or a log inspects are the text the API stores.
 */
@Component
public class Utf8JsonOnlyFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    public Utf8JsonOnlyFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The header as sent: server.servlet.encoding.force makes getCharacterEncoding() say UTF-8
        // whatever the client declared, while the JSON reader honours the declared charset.
        MediaType declared = mediaType(request.getHeader("Content-Type"));
        if (declared != null && MediaType.APPLICATION_JSON.isCompatibleWith(declared) && declared.getCharset() != null
                && !StandardCharsets.UTF_8.equals(declared.getCharset())) {
            ProblemResponses.write(response, mapper, ProblemResponses.fieldProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type", "Content-Type", "must be application/json in UTF-8"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static MediaType mediaType(String header) {
        try {
            return header == null ? null : MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            return null; // not a media type at all, or an unknown charset: Spring MVC answers it with 415 itself
        }
    }
}
