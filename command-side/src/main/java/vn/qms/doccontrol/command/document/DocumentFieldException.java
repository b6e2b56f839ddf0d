package vn.qms.doccontrol.command.document;

/** A command value the document cannot accept whatever its state (answered 400, naming the field). */
public class DocumentFieldException extends RuntimeException {

    private final String field;

    public DocumentFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
