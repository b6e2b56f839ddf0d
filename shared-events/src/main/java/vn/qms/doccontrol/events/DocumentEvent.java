package vn.qms.doccontrol.events;

/**
 * What every event about one controlled document says first: which document. Serialized events do
 * not mention it; it lets a reader group events by document without knowing each type.
 */
public sealed interface DocumentEvent permits DocumentIssuedEvent, DocumentRevisedEvent, DocumentWithdrawnEvent {

    String documentId();
}
