package vn.qms.doccontrol.command.document;

import java.time.Instant;

/**
 * The document's withdrawal is recorded (in force or scheduled): its history is closed, so it can be
 * neither revised nor withdrawn again.
 */
public class DocumentWithdrawnException extends RuntimeException {

    private final String documentId;
    private final Instant withdrawalEffectiveFrom;

    public DocumentWithdrawnException(String documentId, Instant withdrawalEffectiveFrom) {
        super("Document " + documentId + " is withdrawn from " + withdrawalEffectiveFrom);
        this.documentId = documentId;
        this.withdrawalEffectiveFrom = withdrawalEffectiveFrom;
    }

    public String documentId() {
        return documentId;
    }

    public Instant withdrawalEffectiveFrom() {
        return withdrawalEffectiveFrom;
    }
}
