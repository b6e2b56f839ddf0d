package vn.qms.doccontrol.command.http;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.platform.web.PointInTime;

@Schema(description = "The paper approval of the revision, as signed: who, in which position, when, under which decision.")
public record ApprovalRequest(
        @Schema(description = "Who signed", example = "Nguyễn Văn A", maxLength = 200)
        @NotNull @ValidText(maxLength = 200) String approvedBy,
        @Schema(description = "The signer's position", example = "Chủ tịch UBND Quận 1", maxLength = 200)
        @NotNull @ValidText(maxLength = 200) String position,
        @Schema(description = "When it was signed: ISO-8601 instant with offset, or a date meaning 00:00 in Việt Nam",
                example = "2026-01-05")
        @NotBlank String approvedAt,
        @Schema(description = "The number of the promulgating decision", example = "Quyết định số 123/QĐ-UBND", maxLength = 200)
        @NotNull @ValidText(maxLength = 200) String decisionNumber) {

    public ApprovalRequest {
        approvedBy = RequestText.nfcStripped(approvedBy);
        position = RequestText.nfcStripped(position);
        decisionNumber = RequestText.nfcStripped(decisionNumber);
    }

    Approval toApproval() {
        return new Approval(approvedBy, position, PointInTime.parseOptional("approval.approvedAt", approvedAt), decisionNumber);
    }

    static Approval toApproval(ApprovalRequest request) {
        return request == null ? null : request.toApproval();
    }
}
