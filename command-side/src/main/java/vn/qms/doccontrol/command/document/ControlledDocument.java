package vn.qms.doccontrol.command.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;

/**
 * A controlled document of an organization's QMS and the rules of its life: revisions follow one
 * another without gaps or lost updates, each takes effect no earlier than the one before, and a
 * withdrawal closes the history.
 *
 * <p>Command handlers only decide; state changes only in the event sourcing handlers, so that
 * replaying the stored events rebuilds exactly the state the decisions were taken on.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class ControlledDocument {

    /**
     * Payload fields the event sourcing handlers never read, so a load leaves them out: the code,
     * title, revision and dates are state, a revision's 2-50 KB of content is not, and reading every
     * earlier revision's text before each new one cost most of a load.
     */
    public static final Set<String> PAYLOAD_FIELDS_NOT_SOURCED = Set.of("content");

    @AggregateIdentifier
    private String documentId;
    private String organizationId;
    private String code;
    private String title;
    private int latestRevision;
    private Instant latestRevisionEffectiveFrom;
    private Instant withdrawalEffectiveFrom;

    protected ControlledDocument() {
        // Axon rebuilds the document from its events.
    }

    @CommandHandler
    public ControlledDocument(IssueDocumentCommand command) {
        String content = requireText("content", command.content());
        apply(new DocumentIssuedEvent(
                requireText("documentId", command.documentId()),
                requireText("organizationId", command.organizationId()),
                requirePresent("type", command.type()),
                requireText("code", command.code()),
                requireText("title", command.title()),
                content,
                DocumentText.sha256(content),
                1,
                requirePresent("effectiveFrom", command.effectiveFrom()),
                normalized(command.approval()),
                requireText("requestedBy", command.requestedBy()),
                requirePresent("requestedAt", command.requestedAt())));
    }

    /** @return the number of the revision just recorded */
    @CommandHandler
    public int handle(ReviseDocumentCommand command) {
        requireNotWithdrawn();
        if (command.expectedRevision() != latestRevision) {
            throw new StaleRevisionException(documentId, command.expectedRevision(), latestRevision);
        }
        String newTitle = command.title() == null ? title : requireText("title", command.title());
        String content = requireText("content", command.content());
        String changeSummary = requireText("changeSummary", command.changeSummary());
        String changeReason = requireText("changeReason", command.changeReason());
        Instant effectiveFrom = requireNotBeforeLatestRevision(command.effectiveFrom());
        int revision = latestRevision + 1;
        apply(new DocumentRevisedEvent(documentId, organizationId, code, revision, newTitle, content,
                DocumentText.sha256(content), changeSummary, changeReason, effectiveFrom,
                normalized(command.approval()),
                requireText("requestedBy", command.requestedBy()),
                requirePresent("requestedAt", command.requestedAt())));
        return revision;
    }

    @CommandHandler
    public WithdrawalOutcome handle(WithdrawDocumentCommand command) {
        requireNotWithdrawn();
        String reason = requireText("reason", command.reason());
        if (documentId.equals(command.supersededBy())) {
            throw new DocumentFieldException("supersededBy", "a document cannot supersede itself");
        }
        Instant effectiveFrom = requireNotBeforeLatestRevision(command.effectiveFrom());
        apply(new DocumentWithdrawnEvent(documentId, organizationId, code, latestRevision, reason,
                command.supersededBy(), effectiveFrom,
                requireText("requestedBy", command.requestedBy()),
                requirePresent("requestedAt", command.requestedAt())));
        return new WithdrawalOutcome(documentId, organizationId, code, latestRevision, effectiveFrom);
    }

    @EventSourcingHandler
    void on(DocumentIssuedEvent event) {
        documentId = event.documentId();
        organizationId = event.organizationId();
        code = event.code();
        title = event.title();
        latestRevision = event.revision();
        latestRevisionEffectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(DocumentRevisedEvent event) {
        title = event.title();
        latestRevision = event.revision();
        latestRevisionEffectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(DocumentWithdrawnEvent event) {
        withdrawalEffectiveFrom = event.effectiveFrom();
    }

    private void requireNotWithdrawn() {
        // A scheduled withdrawal closes the history too: a later revision would fall after the end.
        if (withdrawalEffectiveFrom != null) {
            throw new DocumentWithdrawnException(documentId, withdrawalEffectiveFrom);
        }
    }

    private Instant requireNotBeforeLatestRevision(Instant effectiveFrom) {
        requirePresent("effectiveFrom", effectiveFrom);
        if (effectiveFrom.isBefore(latestRevisionEffectiveFrom)) {
            throw new EffectiveFromTooEarlyException(effectiveFrom, latestRevisionEffectiveFrom);
        }
        return effectiveFrom;
    }

    /*
     * The HTTP layer already refuses these; checking again here is cheap and keeps the event store
     * clean whoever sends the command.
     */
    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DocumentFieldException(field, "must not be blank");
        }
        return DocumentText.nfc(value);
    }

    private static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new DocumentFieldException(field, "is required");
        }
        return value;
    }

    private static Approval normalized(Approval approval) {
        if (approval == null) {
            return null;
        }
        return new Approval(DocumentText.nfc(approval.approvedBy()), DocumentText.nfc(approval.position()),
                approval.approvedAt(), DocumentText.nfc(approval.decisionNumber()));
    }
}
