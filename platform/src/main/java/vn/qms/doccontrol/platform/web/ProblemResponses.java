package vn.qms.doccontrol.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Every error answer is RFC 7807 problem+json. Where one or more request fields are at fault the
 * problem names them: {@code field} is the first, {@code errors} lists each with its message.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://qms.gov.vn/problems/" + status.value()));
        return problem;
    }

    public static ProblemDetail fieldProblem(HttpStatus status, String title, List<FieldError> errors) {
        String detail = errors.isEmpty() ? title
                : errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        ProblemDetail problem = problem(status, title, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).field());
            problem.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        }
        return problem;
    }

    public static ProblemDetail fieldProblem(HttpStatus status, String title, String field, String message) {
        return fieldProblem(status, title, List.of(new FieldError(field, message)));
    }

    /** Writes a problem outside Spring MVC (security filters, the body-size filter). */
    public static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }

    public record FieldError(String field, String message) {
    }
}
