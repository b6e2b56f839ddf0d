package vn.qms.doccontrol.query.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.qms.doccontrol.events.DocumentType;

/** One line of the register: a document and the revision in force at the moment asked. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A document of the register as it stands at the moment asked (now, or asOf).")
public record RegisterItem(
        String documentId,
        String organizationId,
        DocumentType type,
        String code,
        @Schema(description = "Title of the revision in force; of revision 1 while the document is SCHEDULED.")
        String title,
        @Schema(description = "Revision in force; null while the document is SCHEDULED.", nullable = true)
        Integer revision,
        int latestRevision,
        DocumentStatus status,
        @Schema(description = "When the revision shown came or comes into force (revision 1 while SCHEDULED).")
        Instant effectiveFrom,
        String recordedBy,
        Instant recordedAt) {

    static RegisterItem of(DocumentTimeline timeline, DocumentState state) {
        TimelineRevision shown = state.revision();
        return new RegisterItem(timeline.documentId(), timeline.organizationId(), timeline.type(), timeline.code(),
                shown.title(), state.inForce() ? shown.revision() : null, timeline.latestRevision(), state.status(),
                shown.effectiveFrom(), shown.recordedBy(), shown.recordedAt());
    }
}
