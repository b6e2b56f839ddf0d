package vn.qms.doccontrol.command.document;

import java.util.Optional;

/**
 * What the event store knows of a document, for the checks that span documents (code uniqueness,
 * the superseding document) and therefore cannot live inside one aggregate.
 */
@FunctionalInterface
public interface RecordedDocuments {

    /** @return the document, or empty when no event of it is stored */
    Optional<RecordedDocument> find(String documentId);

    /**
     * @param withdrawn whether a withdrawal is recorded, in force or scheduled
     */
    record RecordedDocument(String documentId, String organizationId, boolean withdrawn) {
    }
}
