package vn.qms.doccontrol.benchmark.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import vn.qms.doccontrol.benchmark.SampleData;

/**
 * The documents of a provincial deployment, organization after organization, as an endless
 * sequence: each organization has its quality policy, its objectives and 20–200 procedures with
 * real Vietnamese titles and 2–50 KB of content; each document is revised 0–6 times; about one in
 * twenty is withdrawn and one in twenty has a revision scheduled for next year.
 */
final class DataSet implements Iterator<DataSet.DocumentPlan> {

    enum Kind { ISSUE, REVISE, WITHDRAW }

    /** One write of a document's history. */
    record Write(Kind kind, ObjectNode body, boolean scheduled) {
    }

    record DocumentPlan(String organizationId, String code, String title, LocalDate issuedOn, List<Write> writes) {
    }

    private static final LocalDate FIRST_ISSUE = LocalDate.of(2023, 1, 2);
    private static final LocalDate NEXT_YEAR = LocalDate.of(2027, 1, 4);

    private final SampleData sample;
    private final List<String> sampleOrganizations;
    private final List<String> titles;
    private final Random random = new Random(2014);
    private final List<DocumentPlan> pending = new ArrayList<>();
    private int organizations;

    DataSet(SampleData sample) {
        this.sample = sample;
        this.sampleOrganizations = sample.organizationIds();
        this.titles = sample.procedureTitles();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized DocumentPlan next() {
        if (pending.isEmpty()) {
            planOrganization();
        }
        return pending.remove(pending.size() - 1);
    }

    private void planOrganization() {
        int n = organizations++;
        String org = n < sampleOrganizations.size() ? sampleOrganizations.get(n) : "ubnd-phuong-" + n;
        pending.add(plan(org, "QUALITY_POLICY", "CSCL", "Chính sách chất lượng", 2 * 1024, 4 * 1024));
        pending.add(plan(org, "QUALITY_OBJECTIVES", "MTCL", "Mục tiêu chất lượng năm 2026", 2 * 1024, 4 * 1024));
        int procedures = 20 + random.nextInt(181);
        for (int p = 0; p < procedures; p++) {
            String title = titles.get(p % titles.size()) + (p < titles.size() ? "" : " (phần " + (p / titles.size() + 1) + ")");
            pending.add(plan(org, "PROCEDURE", String.format("QT-%03d", p + 1), title, 2 * 1024, 50 * 1024));
        }
        java.util.Collections.shuffle(pending, random);
    }

    private DocumentPlan plan(String org, String type, String code, String title, int minBytes, int maxBytes) {
        LocalDate effective = FIRST_ISSUE.plusDays(random.nextInt(300));
        LocalDate issuedOn = effective;
        List<Write> writes = new ArrayList<>();
        ObjectNode issue = QmsClient.JSON.createObjectNode()
                .put("organizationId", org).put("type", type).put("code", code).put("title", title)
                .put("content", content(title, minBytes, maxBytes)).put("effectiveFrom", effective.toString());
        issue.putObject("approval").put("approvedBy", "Nguyễn Văn An").put("position", "Chủ tịch UBND")
                .put("approvedAt", effective.minusDays(3).toString()).put("decisionNumber", "Quyết định số " + (100 + random.nextInt(900)) + "/QĐ-UBND");
        writes.add(new Write(Kind.ISSUE, issue, false));
        int revisions = random.nextInt(7);
        boolean scheduleLast = random.nextInt(20) == 0;
        for (int r = 1; r <= revisions; r++) {
            boolean scheduled = scheduleLast && r == revisions;
            effective = scheduled ? NEXT_YEAR : effective.plusDays(20 + random.nextInt(90));
            ObjectNode revise = QmsClient.JSON.createObjectNode()
                    .put("expectedRevision", r).put("content", content(title, minBytes, maxBytes))
                    .put("changeSummary", "Cập nhật lần " + r + ": sửa đổi biểu mẫu và thời hạn giải quyết")
                    .put("changeReason", "Áp dụng văn bản quy phạm pháp luật mới")
                    .put("effectiveFrom", effective.toString());
            writes.add(new Write(Kind.REVISE, revise, scheduled));
        }
        if (!scheduleLast && random.nextInt(20) == 0) {
            writes.add(new Write(Kind.WITHDRAW, QmsClient.JSON.createObjectNode()
                    .put("reason", "Thủ tục hành chính đã được bãi bỏ")
                    .put("effectiveFrom", effective.plusDays(30).toString()), false));
        }
        return new DocumentPlan(org, code, title, issuedOn, writes);
    }

    /** Log-uniform between the bounds: most documents short, a few long. */
    private String content(String title, int minBytes, int maxBytes) {
        double bytes = minBytes * Math.pow((double) maxBytes / minBytes, random.nextDouble());
        return sample.content(title, (int) bytes, random);
    }
}
