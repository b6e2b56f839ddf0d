package vn.qms.doccontrol.command.http;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.qms.doccontrol.command.code.DocumentCodeRegistry;
import vn.qms.doccontrol.command.document.IssueDocumentCommand;
import vn.qms.doccontrol.command.document.RecordedDocuments;
import vn.qms.doccontrol.command.document.RecordedDocuments.RecordedDocument;
import vn.qms.doccontrol.command.document.ReviseDocumentCommand;
import vn.qms.doccontrol.command.document.WithdrawDocumentCommand;
import vn.qms.doccontrol.command.document.WithdrawalOutcome;
import vn.qms.doccontrol.platform.web.InvalidFieldException;

/**
 * Sends the write commands and keeps the rules that span documents around them: the code claim
 * before an issue, its release after a withdrawal, and the superseding document's checks.
 * Each method returns once the events are stored.
 */
@Service
public class DocumentWriteService {

    private static final Logger log = LoggerFactory.getLogger(DocumentWriteService.class);

    private final CommandGateway commands;
    private final DocumentCodeRegistry codes;
    private final RecordedDocuments documents;

    public DocumentWriteService(CommandGateway commands, DocumentCodeRegistry codes, RecordedDocuments documents) {
        this.commands = commands;
        this.codes = codes;
        this.documents = documents;
    }

    public void issue(IssueDocumentCommand command) {
        codes.claim(command.organizationId(), command.code(), command.documentId());
        try {
            send(command);
        } catch (RuntimeException e) {
            releaseUnlessIssued(command, e);
            throw e;
        }
    }

    /** @return the number of the revision recorded */
    public int revise(ReviseDocumentCommand command) {
        return send(command);
    }

    public WithdrawalOutcome withdraw(WithdrawDocumentCommand command) {
        if (command.supersededBy() != null) {
            requireSupersedingDocumentOfSameOrganization(command.documentId(), command.supersededBy());
        }
        WithdrawalOutcome outcome = send(command);
        try {
            codes.release(outcome.organizationId(), outcome.code(), outcome.documentId());
        } catch (RuntimeException e) {
            // The withdrawal stands; the claim left behind is taken over by the next claimant of the code.
            log.warn("Withdrawn document {} keeps its code claim {} for now", outcome.documentId(),
                    DocumentCodeRegistry.key(outcome.organizationId(), outcome.code()), e);
        }
        return outcome;
    }

    private void requireSupersedingDocumentOfSameOrganization(String documentId, String supersededBy) {
        if (documentId.equals(supersededBy)) {
            return; // the document refuses that itself, with a clearer message
        }
        RecordedDocument withdrawn = documents.find(documentId).orElseThrow(() -> DocumentIds.unknown("id"));
        RecordedDocument successor = documents.find(supersededBy).orElseThrow(() -> DocumentIds.unknown("supersededBy"));
        if (!successor.organizationId().equals(withdrawn.organizationId())) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "supersededBy",
                    "must be a document of " + withdrawn.organizationId());
        }
    }

    private void releaseUnlessIssued(IssueDocumentCommand command, RuntimeException failure) {
        try {
            // A failure reported after the event was stored must not free the code of a live document.
            if (documents.find(command.documentId()).isEmpty()) {
                codes.release(command.organizationId(), command.code(), command.documentId());
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the claim expires after the grace period
        }
    }

    private <R> R send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            // Distributed buses wrap what the handler threw; answer with the handler's own exception.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
