package vn.qms.doccontrol.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.qms.doccontrol.command.code.DocumentCodeRegistry;
import vn.qms.doccontrol.command.code.DuplicateDocumentCodeException;
import vn.qms.doccontrol.command.document.IssueDocumentCommand;
import vn.qms.doccontrol.command.document.RecordedDocuments.RecordedDocument;
import vn.qms.doccontrol.command.document.ReviseDocumentCommand;
import vn.qms.doccontrol.command.document.StaleRevisionException;
import vn.qms.doccontrol.command.document.WithdrawDocumentCommand;
import vn.qms.doccontrol.command.document.WithdrawalOutcome;
import vn.qms.doccontrol.events.DocumentType;

/** What the service does around dispatch when the bus or the registry fails. */
class DocumentWriteServiceTest {

    private static final String ID = "6d1f0c3e-2b7a-4c59-9f0e-5a8b7c6d5e4f";
    private static final String ORG = "ubnd-quan-1";
    private static final Instant NOW = Instant.parse("2026-01-05T03:00:00Z");
    private static final IssueDocumentCommand ISSUE = new IssueDocumentCommand(ID, ORG, DocumentType.PROCEDURE, "QT-01",
            "Quy trình kiểm soát tài liệu", "Nội dung", NOW, null, "secretary", NOW);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final DocumentCodeRegistry codes = mock(DocumentCodeRegistry.class);
    private final Map<String, RecordedDocument> recorded = new HashMap<>();
    private final DocumentWriteService service =
            new DocumentWriteService(gateway, codes, id -> Optional.ofNullable(recorded.get(id)));

    @Test
    void failedIssueReleasesTheClaimedCode() {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("raced"));

        assertThatThrownBy(() -> service.issue(ISSUE)).isInstanceOf(AggregateStreamCreationException.class);

        verify(codes).claim(ORG, "QT-01", ID);
        verify(codes).release(ORG, "QT-01", ID);
    }

    @Test
    void issueReportedAsFailedAfterItsEventWasStoredKeepsTheCode() {
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            recorded.put(ID, new RecordedDocument(ID, ORG, false));
            throw new IllegalStateException("failed after commit");
        });

        assertThatThrownBy(() -> service.issue(ISSUE)).isInstanceOf(IllegalStateException.class);

        verify(codes, never()).release(any(), any(), any());
    }

    @Test
    void issueRefusedByTheRegistryIsNeverDispatched() {
        doThrow(new DuplicateDocumentCodeException(ORG, "QT-01", "other"))
                .when(codes).claim(ORG, "QT-01", ID);

        assertThatThrownBy(() -> service.issue(ISSUE))
                .isInstanceOf(DuplicateDocumentCodeException.class);

        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void handlerExceptionWrappedByADistributedBusIsUnwrapped() {
        StaleRevisionException stale = new StaleRevisionException(ID, 1, 2);
        when(gateway.sendAndWait(any())).thenThrow(new CommandExecutionException("remote", stale));

        assertThatThrownBy(() -> service.revise(new ReviseDocumentCommand(ID, 1, null, "Nội dung", "Sửa", "Rà soát",
                NOW, null, "secretary", NOW))).isSameAs(stale);
    }

    @Test
    void withdrawalReleasesTheCodeItHeld() {
        when(gateway.sendAndWait(any())).thenReturn(new WithdrawalOutcome(ID, ORG, "QT-01", 3, NOW));

        service.withdraw(new WithdrawDocumentCommand(ID, "Bãi bỏ", null, NOW, "secretary", NOW));

        verify(codes).release(ORG, "QT-01", ID);
    }

    @Test
    void withdrawalStandsWhenTheReleaseFails() {
        WithdrawalOutcome outcome = new WithdrawalOutcome(ID, ORG, "QT-01", 3, NOW);
        when(gateway.sendAndWait(any())).thenReturn(outcome);
        doThrow(new IllegalStateException("MongoDB unreachable")).when(codes).release(ORG, "QT-01", ID);

        assertThat(service.withdraw(new WithdrawDocumentCommand(ID, "Bãi bỏ", null, NOW, "secretary", NOW)))
                .isEqualTo(outcome);
    }

    @Test
    void racingWritersAreAnsweredConflict() {
        CommandProblemHandler handler = new CommandProblemHandler();

        for (RuntimeException race : new RuntimeException[] {
                new ConcurrencyException("sequence 2 taken"), new AggregateStreamCreationException("stream exists")}) {
            ResponseEntity<ProblemDetail> answer = handler.concurrentWrite(race);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(answer.getBody().getProperties()).containsEntry("field", "id");
        }
    }
}
