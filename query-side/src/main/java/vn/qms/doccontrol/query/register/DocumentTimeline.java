package vn.qms.doccontrol.query.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.query.search.VietnameseFolding;

/**
 * Everything the register needs to know about one document, as a timeline rather than a status:
 * which revision is in force changes with the clock, not only with events, so the status is worked
 * out when it is asked for ({@link #at}, {@link #asOf}).
 *
 * <p>Applying an event returns a new timeline, or this one unchanged when the event was applied
 * before (a redelivery), so that projecting stays idempotent.
 *
 * @param codeKey      the folded code, for searching
 * @param codeSortKey  the code in lower case, for the case-insensitive order of the register
 * @param revisions    ordered by revision number
 * @param withdrawal   null unless a withdrawal was recorded
 * @param lastSequence aggregate sequence number of the last event applied, or -1 if unknown
 */
public record DocumentTimeline(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        String codeKey,
        String codeSortKey,
        List<TimelineRevision> revisions,
        Withdrawal withdrawal,
        long lastSequence) {

    public DocumentTimeline {
        revisions = revisions.stream().sorted(Comparator.comparingInt(TimelineRevision::revision)).toList();
    }

    public static DocumentTimeline issued(DocumentIssuedEvent event, Long sequence) {
        TimelineRevision first = TimelineRevision.of(event.revision(), event.title(), event.effectiveFrom(),
                event.contentSha256(), event.approval(), event.recordedBy(), event.recordedAt());
        return new DocumentTimeline(event.documentId(), event.organizationId(), event.type(), event.code(),
                VietnameseFolding.fold(event.code()), sortKey(event.code()), List.of(first), null,
                sequenceOrUnknown(sequence));
    }

    public DocumentTimeline revised(DocumentRevisedEvent event, Long sequence) {
        if (alreadyApplied(sequence) || hasRevision(event.revision())) {
            return this;
        }
        List<TimelineRevision> extended = new ArrayList<>(revisions);
        extended.add(TimelineRevision.of(event.revision(), event.title(), event.effectiveFrom(), event.contentSha256(),
                event.approval(), event.recordedBy(), event.recordedAt()));
        String currentCode = event.code() == null ? code : event.code();
        return new DocumentTimeline(documentId, organizationId, type, currentCode, VietnameseFolding.fold(currentCode),
                sortKey(currentCode), extended, withdrawal, advancedSequence(sequence));
    }

    public DocumentTimeline withdrawn(DocumentWithdrawnEvent event, Long sequence) {
        if (alreadyApplied(sequence) || withdrawal != null) {
            return this;
        }
        Withdrawal recorded = new Withdrawal(event.reason(), event.supersededBy(), event.effectiveFrom(),
                event.recordedBy(), event.recordedAt());
        return new DocumentTimeline(documentId, organizationId, type, code, codeKey, codeSortKey, revisions, recorded,
                advancedSequence(sequence));
    }

    public int latestRevision() {
        return revisions.get(revisions.size() - 1).revision();
    }

    public TimelineRevision firstRevision() {
        return revisions.get(0);
    }

    public boolean hasRevision(int revision) {
        return revisions.stream().anyMatch(r -> r.revision() == revision);
    }

    /**
     * The document as it stood at {@code moment}, or empty when no revision was in force yet. Of
     * several revisions in force at the same moment the highest counts.
     */
    public Optional<DocumentState> asOf(Instant moment) {
        TimelineRevision inForce = null;
        for (TimelineRevision revision : revisions) {
            if (revision.inForceAt(moment)) {
                inForce = revision;
            }
        }
        if (inForce == null) {
            return Optional.empty();
        }
        if (withdrawal != null && withdrawal.inForceAt(moment)) {
            return Optional.of(new DocumentState(inForce, DocumentStatus.WITHDRAWN, withdrawal));
        }
        return Optional.of(new DocumentState(inForce, DocumentStatus.EFFECTIVE, null));
    }

    /** Like {@link #asOf}, but a document not in force yet is SCHEDULED and shows its first revision. */
    public DocumentState at(Instant moment) {
        return asOf(moment).orElseGet(() -> new DocumentState(firstRevision(), DocumentStatus.SCHEDULED, null));
    }

    private boolean alreadyApplied(Long sequence) {
        return sequence != null && sequence <= lastSequence;
    }

    private long advancedSequence(Long sequence) {
        return sequence == null ? lastSequence : Math.max(sequence, lastSequence);
    }

    private static long sequenceOrUnknown(Long sequence) {
        return sequence == null ? -1 : sequence;
    }

    static String sortKey(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT);
    }
}
