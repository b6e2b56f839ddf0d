package vn.qms.doccontrol.query.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.qms.doccontrol.events.DocumentType;

/**
 * A document as the register lists it, kept in its organization's register index
 * ({@link RegisterIndexRepository}): the keys of register order, the type, the code, the folded code,
 * and per revision what a register line shows of it and what filtering needs (when it comes into
 * force, its title and folded title, who recorded it and when). A page of the register is filtered,
 * counted, ordered and shown from these entries alone; the timeline (with approvals and hashes) is
 * read only for one document.
 *
 * @param revisions in revision order, like {@link DocumentTimeline#revisions()}
 * @param withdrawnFrom when the withdrawal comes into force, or null
 */
public record RegisterIndexEntry(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        String codeSortKey,
        String codeKey,
        List<Revision> revisions,
        Instant withdrawnFrom) {

    /** One revision as a register line shows it and as filtering needs it. */
    public record Revision(int revision, String title, String titleKey, Instant effectiveFrom, String recordedBy,
                           Instant recordedAt) {
    }

    /** The status and the revision a register line shows at a moment. */
    public record Shown(DocumentStatus status, Revision revision) {

        public String titleKey() {
            return revision.titleKey();
        }
    }

    public RegisterIndexEntry {
        revisions = List.copyOf(revisions);
    }

    public static RegisterIndexEntry of(DocumentTimeline timeline) {
        return new RegisterIndexEntry(timeline.documentId(), timeline.organizationId(), timeline.type(), timeline.code(),
                timeline.codeSortKey(), timeline.codeKey(),
                timeline.revisions().stream().map(r -> new Revision(r.revision(), r.title(), r.titleKey(), r.effectiveFrom(),
                        r.recordedBy(), r.recordedAt())).toList(),
                timeline.withdrawal() == null ? null : timeline.withdrawal().effectiveFrom());
    }

    /**
     * The same rule as {@link DocumentTimeline#asOf} and {@link DocumentTimeline#at}: the highest
     * revision in force at {@code moment}; WITHDRAWN once the withdrawal is in force too; otherwise
     * SCHEDULED with the first revision, or empty when only documents in force are asked.
     */
    public Optional<Shown> at(Instant moment, boolean onlyInForce) {
        Revision inForce = null;
        for (Revision revision : revisions) {
            if (!revision.effectiveFrom().isAfter(moment)) {
                inForce = revision;
            }
        }
        if (inForce == null) {
            return onlyInForce ? Optional.empty() : Optional.of(new Shown(DocumentStatus.SCHEDULED, revisions.get(0)));
        }
        if (withdrawnFrom != null && !withdrawnFrom.isAfter(moment)) {
            return Optional.of(new Shown(DocumentStatus.WITHDRAWN, inForce));
        }
        return Optional.of(new Shown(DocumentStatus.EFFECTIVE, inForce));
    }

    /** The register line, as {@link RegisterItem#of} makes it from the timeline. */
    public RegisterItem item(Shown shown) {
        Revision revision = shown.revision();
        boolean inForce = shown.status() != DocumentStatus.SCHEDULED;
        return new RegisterItem(documentId, organizationId, type, code, revision.title(),
                inForce ? revision.revision() : null, revisions.get(revisions.size() - 1).revision(), shown.status(),
                revision.effectiveFrom(), revision.recordedBy(), revision.recordedAt());
    }
}
