package vn.qms.doccontrol.query.criteria;

import java.util.regex.Pattern;
import vn.qms.doccontrol.events.OrganizationIds;
import vn.qms.doccontrol.platform.web.InvalidFieldException;

/**
 * Free-text request parameters used as filters. A blank parameter means "no filter", as an empty
 * field of a search form does. Values only ever reach MongoDB as literal values of an equality.
 */
public final class RequestText {

    /** Organization ids are slugs such as {@code ubnd-quan-1}. */
    private static final Pattern ORGANIZATION_SLUG = Pattern.compile(OrganizationIds.PATTERN);
    public static final int MAX_LENGTH = 200;

    private RequestText() {
    }

    /** @return the stripped value, or null when absent or blank */
    public static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, "must not contain control characters");
        }
        return stripped;
    }

    /** @return the organization id, or null when absent or blank */
    public static String optionalOrganizationId(String field, String value) {
        String id = optional(field, value);
        if (id != null && !ORGANIZATION_SLUG.matcher(id).matches()) {
            throw new InvalidFieldException(field, "must be an organization id such as ubnd-quan-1 "
                    + "(2 to 64 lower-case letters, digits or hyphens, not starting with a hyphen)");
        }
        return id;
    }

    /** @return the enum constant named exactly {@code value}, or null when absent or blank */
    public static <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        String name = optional(field, value);
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new InvalidFieldException(field, "must be one of " + java.util.List.of(type.getEnumConstants()));
    }
}
