package vn.qms.doccontrol.query.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;
import vn.qms.doccontrol.platform.web.PointInTime;

/**
 * Events about documents of Vietnamese agencies. Organizations, codes and titles are taken from
 * /work/shared/data/vn-qms-sample.json (copied here so the tests stand alone). Every string is NFC,
 * as the command side records it.
 */
public final class SampleDocuments {

    public static final String QUAN_1 = "ubnd-quan-1";
    public static final String PHU_XUYEN = "ubnd-huyen-phu-xuyen";
    public static final String DA_KAO = "ubnd-phuong-da-kao";

    public static final String SECRETARY = "thu-ky-iso";
    public static final Instant RECORDED = Instant.parse("2026-01-05T02:30:15.123456789Z");

    private SampleDocuments() {
    }

    /** 00:00 of a date in Việt Nam, the way the API reads a date. */
    public static Instant vn(String date) {
        return LocalDate.parse(date).atStartOfDay(PointInTime.VIETNAM).toInstant();
    }

    public static DocumentIssuedEvent issued(String documentId, String organizationId, DocumentType type, String code,
                                             String title, Instant effectiveFrom) {
        String content = "Nội dung " + title + ": mục đích, phạm vi áp dụng, trách nhiệm và trình tự thực hiện.";
        return new DocumentIssuedEvent(documentId, organizationId, type, code, title, content, sha256(content), 1,
                effectiveFrom, approval("Nguyễn Văn Định", "Chủ tịch", effectiveFrom, "123/QĐ-UBND"), SECRETARY, RECORDED);
    }

    public static DocumentRevisedEvent revised(DocumentIssuedEvent issued, int revision, String title, Instant effectiveFrom,
                                               Instant recordedAt) {
        String content = "Nội dung sửa đổi lần " + revision + " của " + title + ".";
        return new DocumentRevisedEvent(issued.documentId(), issued.organizationId(), issued.code(), revision, title,
                content, sha256(content), "Cập nhật biểu mẫu theo Nghị định 61/2018/NĐ-CP",
                "Thay đổi quy định pháp luật", effectiveFrom,
                approval("Trần Thị Đào", "Phó Chủ tịch", recordedAt, (120 + revision) + "/QĐ-UBND"), SECRETARY, recordedAt);
    }

    public static DocumentWithdrawnEvent withdrawn(DocumentIssuedEvent issued, int latestRevision, Instant effectiveFrom,
                                                   String supersededBy, Instant recordedAt) {
        return new DocumentWithdrawnEvent(issued.documentId(), issued.organizationId(), issued.code(), latestRevision,
                "Hết hiệu lực do sáp nhập đơn vị hành chính", supersededBy, effectiveFrom, "truong-phong", recordedAt);
    }

    public static Approval approval(String approvedBy, String position, Instant approvedAt, String decisionNumber) {
        return new Approval(approvedBy, position, approvedAt, "Quyết định số " + decisionNumber);
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
