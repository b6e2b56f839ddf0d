package vn.qms.doccontrol.command.code;

/** The code is already used by another document of the organization that is not withdrawn. */
public class DuplicateDocumentCodeException extends RuntimeException {

    public static final String FIELD = "code";

    private final String organizationId;
    private final String code;
    private final String holderDocumentId;

    public DuplicateDocumentCodeException(String organizationId, String code, String holderDocumentId) {
        super("code " + code + " is already used by document " + holderDocumentId + " of " + organizationId);
        this.organizationId = organizationId;
        this.code = code;
        this.holderDocumentId = holderDocumentId;
    }

    public String field() {
        return FIELD;
    }

    public String organizationId() {
        return organizationId;
    }

    public String code() {
        return code;
    }

    public String holderDocumentId() {
        return holderDocumentId;
    }
}
