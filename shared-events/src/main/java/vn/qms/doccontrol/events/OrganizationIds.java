package vn.qms.doccontrol.events;

/** The shape of the {@code organizationId} every event carries: a slug such as {@code ubnd-quan-1}. */
public final class OrganizationIds {

    /** Lower-case letters, digits and hyphens, 2 to 64 characters, not starting with a hyphen. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,63}";

    private OrganizationIds() {
    }
}
