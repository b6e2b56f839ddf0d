package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The revision just recorded")
public record RevisionRecordedResponse(
        @Schema(example = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b") String documentId,
        @Schema(example = "1") int revision) {
}
