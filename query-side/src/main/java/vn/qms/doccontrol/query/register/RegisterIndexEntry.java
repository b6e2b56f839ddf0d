package vn.qms.doccontrol.query.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.qms.doccontrol.events.DocumentType;

/**
 * What the register needs of one document to filter, count and order a page without reading its
 * timeline: the keys of register order, the type, the folded code, and per revision only when it
 * comes into force and its folded title. Kept in the organization's register index
 * ({@link RegisterIndexRepository}); the page's items are then read from their timelines by id.
 *
 * @param revisions in revision order, like {@link DocumentTimeline#revisions()}
 * @param withdrawnFrom when the withdrawal comes into force, or null
 */
public record RegisterIndexEntry(
        String documentId,
        String organizationId,
        DocumentType type,
        String codeSortKey,
        String codeKey,
        List<Revision> revisions,
        Instant withdrawnFrom) {

    /** One revision as far as filtering goes. */
    public record Revision(Instant effectiveFrom, String titleKey) {
    }

    /** The status and the folded title a register line would show at a moment. */
    public record Shown(DocumentStatus status, String titleKey) {
    }

    public RegisterIndexEntry {
        revisions = List.copyOf(revisions);
    }

    public static RegisterIndexEntry of(DocumentTimeline timeline) {
        return new RegisterIndexEntry(timeline.documentId(), timeline.organizationId(), timeline.type(),
                timeline.codeSortKey(), timeline.codeKey(),
                timeline.revisions().stream().map(r -> new Revision(r.effectiveFrom(), r.titleKey())).toList(),
                timeline.withdrawal() == null ? null : timeline.withdrawal().effectiveFrom());
    }

    /**
     * The same rule as {@link DocumentTimeline#asOf} and {@link DocumentTimeline#at}: the highest
     * revision in force at {@code moment}; WITHDRAWN once the withdrawal is in force too; otherwise
     * SCHEDULED with the first revision's title, or empty when only documents in force are asked.
     */
    public Optional<Shown> at(Instant moment, boolean onlyInForce) {
        Revision inForce = null;
        for (Revision revision : revisions) {
            if (!revision.effectiveFrom().isAfter(moment)) {
                inForce = revision;
            }
        }
        if (inForce == null) {
            return onlyInForce ? Optional.empty()
                    : Optional.of(new Shown(DocumentStatus.SCHEDULED, revisions.get(0).titleKey()));
        }
        if (withdrawnFrom != null && !withdrawnFrom.isAfter(moment)) {
            return Optional.of(new Shown(DocumentStatus.WITHDRAWN, inForce.titleKey()));
        }
        return Optional.of(new Shown(DocumentStatus.EFFECTIVE, inForce.titleKey()));
    }
}
