package vn.qms.doccontrol.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.qms.doccontrol.events.Approval;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentRevisedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.events.DocumentWithdrawnEvent;

/**
 * A made-up but realistic history of document events, the same for the same seed: organizations
 * with their procedures, forms and policies under Vietnamese titles, revised a few times (some
 * revisions scheduled ahead), some withdrawn, recorded by a few actors over months. Events come in
 * global-index order; their recording times mostly follow that order, with jitter, so that around
 * midnight an event of a later day can come before one of the day before, as with several writers.
 */
public final class GeneratedHistory {

    /** One event with the global index the event store gave it. */
    public record Event(Delivery delivery, long globalIndex) {
    }

    public static final String[] TITLES = {
            "Quy trình kiểm soát tài liệu", "Quy trình kiểm soát hồ sơ", "Quy trình đánh giá nội bộ",
            "Chính sách chất lượng", "Mục tiêu chất lượng năm 2026", "Hướng dẫn tiếp nhận hồ sơ một cửa",
            "Biểu mẫu đăng ký khai sinh", "Quy trình xử lý đơn thư khiếu nại, tố cáo", "Quy trình cấp giấy phép xây dựng",
            "Sổ tay chất lượng", "Quy trình cấp phiếu lý lịch tư pháp", "Hướng dẫn lưu trữ hồ sơ điện tử",
            "Quy trình giải quyết thủ tục đất đai", "Biểu mẫu đề nghị chứng thực bản sao", "Quy trình quản lý rủi ro và cơ hội"};
    public static final String[] ACTORS = {"thu-ky-iso", "truong-phong", "pho-phong", "chuyen-vien-1", "chuyen-vien-2"};
    private static final DocumentType[] TYPES = {DocumentType.PROCEDURE, DocumentType.PROCEDURE, DocumentType.PROCEDURE,
            DocumentType.FORM, DocumentType.FORM, DocumentType.WORK_INSTRUCTION, DocumentType.QUALITY_POLICY,
            DocumentType.QUALITY_OBJECTIVES, DocumentType.QMS_DESCRIPTION};

    private final List<Event> events = new ArrayList<>();
    private final List<String> organizations = new ArrayList<>();
    private final List<String> documentIds = new ArrayList<>();

    private GeneratedHistory() {
    }

    public List<Event> events() {
        return events;
    }

    public List<String> organizations() {
        return organizations;
    }

    public List<String> documentIds() {
        return documentIds;
    }

    /**
     * @param documentsPerOrganization {min, max}: each organization gets a number in that range
     * @param indexStep                 global indexes go up by this much (more than 1 spreads them over
     *                                  more blocks of the audit index, as other aggregates' events would)
     * @param span                      the recording times spread over about this long
     * @param contentBytes              about this much content per revision
     */
    public static GeneratedHistory generate(long seed, int organizationCount, int[] documentsPerOrganization,
                                            Instant start, Duration span, long indexStep, int contentBytes) {
        return generate(seed, organizationCount, documentsPerOrganization, start, span, indexStep, contentBytes, false);
    }

    /**
     * @param ownActors whether each organization has actors of its own ({@code thu-ky-iso.ubnd-xa-0001}),
     *                  as people work for one agency; otherwise the same few actors work everywhere
     */
    public static GeneratedHistory generate(long seed, int organizationCount, int[] documentsPerOrganization,
                                            Instant start, Duration span, long indexStep, int contentBytes,
                                            boolean ownActors) {
        Random random = new Random(seed);
        GeneratedHistory history = new GeneratedHistory();
        record Doc(String org, int number, int revisions, boolean withdraw) {
        }
        List<Doc> docs = new ArrayList<>();
        for (int o = 0; o < organizationCount; o++) {
            String org = String.format("ubnd-xa-%04d", o);
            history.organizations.add(org);
            int count = documentsPerOrganization[0]
                    + random.nextInt(documentsPerOrganization[1] - documentsPerOrganization[0] + 1);
            for (int d = 0; d < count; d++) {
                history.documentIds.add(String.format("%s-doc-%04d", org, d));
                docs.add(new Doc(org, d, random.nextInt(4), random.nextInt(10) == 0));
            }
        }
        // Steps: every document's issue, then its revisions and maybe a withdrawal, interleaved at random.
        List<int[]> steps = new ArrayList<>(); // {doc, kind}: 0 issue, 1 revise, 2 withdraw
        int[] remaining = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            remaining[i] = 1 + docs.get(i).revisions() + (docs.get(i).withdraw() ? 1 : 0);
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            pending.add(i);
        }
        int[] done = new int[docs.size()];
        while (!pending.isEmpty()) {
            // Favour documents issued early so that revisions follow issues, as in real use.
            int pick = pending.get(Math.min(pending.size() - 1, (int) Math.abs(random.nextGaussian() * pending.size() / 6)));
            Doc doc = docs.get(pick);
            int kind = done[pick] == 0 ? 0 : (done[pick] <= doc.revisions() ? 1 : 2);
            steps.add(new int[] {pick, kind});
            done[pick]++;
            if (done[pick] == remaining[pick]) {
                pending.remove(Integer.valueOf(pick));
            }
        }
        long meanGapNanos = span.toNanos() / Math.max(1, steps.size());
        Instant clock = start;
        long index = 0;
        DocumentIssuedEvent[] issued = new DocumentIssuedEvent[docs.size()];
        int[] revisionOf = new int[docs.size()];
        Instant[] effective = new Instant[docs.size()];
        String[] title = new String[docs.size()];
        for (int[] step : steps) {
            int d = step[0];
            Doc doc = docs.get(d);
            clock = clock.plusNanos((long) (random.nextDouble() * 2 * meanGapNanos));
            Instant recorded = clock.plusSeconds(random.nextInt(3 * 3600) - 3 * 3600 / 2);
            index += indexStep;
            String actor = ACTORS[random.nextInt(ACTORS.length)] + (ownActors ? "." + doc.org() : "");
            Object event;
            if (step[1] == 0) {
                String documentId = history.documentIds.get(d);
                title[d] = TITLES[random.nextInt(TITLES.length)] + (random.nextInt(3) == 0 ? " " + (d % 50) : "");
                String code = (random.nextBoolean() ? "QT-" : "qt-") + String.format("%03d", doc.number());
                effective[d] = recorded.plus(Duration.ofDays(random.nextInt(40) - 5));
                revisionOf[d] = 1;
                String content = content(title[d], 1, contentBytes);
                issued[d] = new DocumentIssuedEvent(documentId, doc.org(), TYPES[random.nextInt(TYPES.length)], code,
                        title[d], content, SampleDocuments.sha256(content), 1, effective[d],
                        approval(recorded), actor, recorded);
                event = issued[d];
            } else if (step[1] == 1) {
                revisionOf[d]++;
                if (random.nextInt(3) == 0) {
                    title[d] = TITLES[random.nextInt(TITLES.length)];
                }
                Instant from = recorded.isAfter(effective[d]) ? recorded : effective[d];
                effective[d] = from.plus(Duration.ofDays(random.nextInt(60)));
                String content = content(title[d], revisionOf[d], contentBytes);
                event = new DocumentRevisedEvent(issued[d].documentId(), doc.org(), null, revisionOf[d], title[d], content,
                        SampleDocuments.sha256(content), "Cập nhật theo Nghị định 61/2018/NĐ-CP", "Thay đổi quy định",
                        effective[d], approval(recorded), actor, recorded);
            } else {
                Instant from = recorded.isAfter(effective[d]) ? recorded : effective[d];
                event = new DocumentWithdrawnEvent(issued[d].documentId(), doc.org(), issued[d].code(), revisionOf[d],
                        "Hết hiệu lực do sáp nhập đơn vị hành chính", null, from.plus(Duration.ofDays(random.nextInt(20))),
                        actor, recorded);
            }
            long sequence = step[1] == 0 ? 0 : revisionOf[d] - 1 + (step[1] == 2 ? 1 : 0);
            // Event ids are random UUIDs, as Axon makes them: neighbours in the event store are not
            // neighbours by id.
            String eventId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            history.events.add(new Event(new Delivery(event, sequence, eventId), index));
        }
        return history;
    }

    private static Approval approval(Instant at) {
        return new Approval("Nguyễn Văn Định", "Chủ tịch", at, "Quyết định số 123/QĐ-UBND");
    }

    private static String content(String title, int revision, int bytes) {
        StringBuilder content = new StringBuilder("Nội dung ").append(title).append(", lần ban hành ").append(revision).append(". ");
        String paragraph = "Mục đích, phạm vi áp dụng, trách nhiệm và trình tự thực hiện theo TCVN ISO 9001:2015. ";
        while (content.length() < bytes) {
            content.append(paragraph);
        }
        return content.toString();
    }
}
