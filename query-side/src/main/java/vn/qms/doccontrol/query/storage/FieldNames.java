package vn.qms.doccontrol.query.storage;

/**
 * Ids used as field names of an embedded document (a map keyed by document id). MongoDB's update
 * operators read '.' as a path and '$' as an operator, so those (and '%', the escape itself) are
 * percent-escaped; every other character stays as it is, so a UUID is its own field name.
 */
public final class FieldNames {

    private FieldNames() {
    }

    public static String escape(String id) {
        if (id.isEmpty()) {
            return "%";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            String replacement = switch (c) {
                case '%' -> "%25";
                case '.' -> "%2E";
                case '$' -> "%24";
                case '\0' -> "%00";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(id.substring(0, i));
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? id : escaped.toString();
    }
}
