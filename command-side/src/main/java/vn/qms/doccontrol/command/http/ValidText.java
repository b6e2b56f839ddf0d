package vn.qms.doccontrol.command.http;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: not blank, at most {@code maxLength} characters counted as code points (so
 * "Quy trình" is 9 whether or not the client used combining marks: requests are NFC by the time they
 * are validated), no control characters, no broken UTF-16, and in one-line text no bidirectional
 * controls. Null is valid: pair with {@code @NotNull} when the value is required.
 */
@Documented
@Constraint(validatedBy = ValidTextValidator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidText {

    int maxLength() default Integer.MAX_VALUE;

    /** Whether tab, line feed and carriage return are allowed, as in content and reasons. */
    boolean multiline() default false;

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
