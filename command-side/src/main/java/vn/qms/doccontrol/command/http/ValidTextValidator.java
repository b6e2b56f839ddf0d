package vn.qms.doccontrol.command.http;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ValidText}, saying precisely which of its rules a value breaks. */
public class ValidTextValidator implements ConstraintValidator<ValidText, String> {

    private int maxLength;
    private boolean multiline;

    @Override
    public void initialize(ValidText annotation) {
        maxLength = annotation.maxLength();
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problemWith(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private String problemWith(String value) {
        if (value.isBlank()) {
            return "must not be blank";
        }
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (unpaired surrogate at index " + i + ")";
            } else if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return multiline ? "must not contain control characters other than tab and line breaks"
                        : "must not contain control characters or line breaks";
            } else if (!multiline && isBidiControl(c)) {
                return "must not contain bidirectional control characters";
            }
            codePoints++;
        }
        if (codePoints > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        return null;
    }

    /** Embeddings, overrides and isolates make a name display differently from what it is ("Trojan Source"). */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
