package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(description = "The recorded withdrawal")
public record WithdrawalResponse(
        @Schema(example = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b") String documentId,
        @Schema(description = "WITHDRAWN when the withdrawal is in force; EFFECTIVE when it is scheduled for a later moment")
        Status status,
        @Schema(description = "When the withdrawal takes (or took) effect", example = "2026-06-29T17:00:00Z")
        Instant withdrawalEffectiveFrom) {

    public enum Status { EFFECTIVE, WITHDRAWN }
}
