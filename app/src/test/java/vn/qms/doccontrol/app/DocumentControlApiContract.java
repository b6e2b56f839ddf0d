package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.qms.doccontrol.app.support.Api.object;
import static vn.qms.doccontrol.app.support.Api.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.Samples;

/**
 * The HTTP API end to end, as a QMS secretary, an auditor and an inspector use it. Run against the
 * embedded default and, where Docker exists, against a real MongoDB: same suite, same expectations.
 */
abstract class DocumentControlApiContract {

    static final String SECRETARY = "secretary";
    static final String APPROVER = "approver";
    static final String AUDITOR = "auditor";
    static final String INSPECTOR = "inspector";

    protected abstract Api api();

    // ---- the happy paths, one row of the API table each ----

    @Test
    void shouldIssueDocumentAndServeItsRevisionInForce() {
        String org = Samples.freshOrganization();
        String content = "# Quy trình kiểm soát tài liệu\n\nCăn cứ " + Samples.legalBasis() + ".";
        Response issued = api().post(SECRETARY, "/api/documents", issueBody(org, "QT-01", "Quy trình kiểm soát tài liệu", content));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().get("documentId").asText();
        assertThat(issued.json().get("revision").asInt()).isEqualTo(1);
        assertThat(issued.location()).endsWith("/api/documents/" + id);

        JsonNode document = awaitDocument(id, 1);
        assertThat(document.get("organizationId").asText()).isEqualTo(org);
        assertThat(document.get("type").asText()).isEqualTo("PROCEDURE");
        assertThat(document.get("code").asText()).isEqualTo("QT-01");
        assertThat(document.get("title").asText()).isEqualTo("Quy trình kiểm soát tài liệu");
        assertThat(document.get("content").asText()).isEqualTo(content);
        assertThat(document.get("contentSha256").asText()).isEqualTo(Samples.sha256(content));
        assertThat(document.get("latestRevision").asInt()).isEqualTo(1);
        assertThat(document.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(document.get("recordedBy").asText()).isEqualTo(SECRETARY);
        assertThat(document.get("approval").get("decisionNumber").asText()).isEqualTo("Quyết định số 123/QĐ-UBND");
    }

    @Test
    void shouldReviseDocumentAndKeepEveryRevision() {
        String org = Samples.freshOrganization();
        String id = issue(org, "QT-02", "Quy trình kiểm soát hồ sơ", "Nội dung lần ban hành 1");

        Response revised = api().post(SECRETARY, "/api/documents/" + id + "/revisions",
                reviseBody(1, "Nội dung lần ban hành 2").put("title", "Quy trình kiểm soát hồ sơ (sửa đổi)"));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        JsonNode current = awaitDocument(id, 2);
        assertThat(current.get("title").asText()).isEqualTo("Quy trình kiểm soát hồ sơ (sửa đổi)");
        assertThat(current.get("changeSummary").asText()).isEqualTo("Cập nhật theo Nghị định 61/2018/NĐ-CP");
        assertThat(current.get("changeReason").asText()).isEqualTo("Thay đổi quy định về cơ chế một cửa");

        JsonNode revisions = api().get(AUDITOR, "/api/documents/" + id + "/revisions").json();
        JsonNode items = revisions.isArray() ? revisions : revisions.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("revision").asInt()).isEqualTo(2);

        Response first = api().get(INSPECTOR, "/api/documents/" + id + "/revisions/1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("content").asText()).isEqualTo("Nội dung lần ban hành 1");
        assertThat(first.json().get("title").asText()).isEqualTo("Quy trình kiểm soát hồ sơ");
        assertThat(api().get(INSPECTOR, "/api/documents/" + id + "/revisions/3").status()).isEqualTo(404);
    }

    @Test
    void shouldWithdrawDocumentAndKeepItInTheRegister() {
        String org = Samples.freshOrganization();
        String replacement = issue(org, "QT-03B", "Quy trình đánh giá nội bộ (mới)", "Bản mới");
        String id = issue(org, "QT-03", "Quy trình đánh giá nội bộ", "Bản cũ");

        Response withdrawn = api().post(SECRETARY, "/api/documents/" + id + "/withdrawal",
                object().put("reason", "Thay thế bằng quy trình mới").put("supersededBy", replacement));

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        api().await(AUDITOR, "/api/documents/" + id, r -> r.status() == 200 && "WITHDRAWN".equals(r.json().path("status").asText()));

        JsonNode all = awaitRegister(org, 2, "");
        assertThat(all.get("total").asInt()).isEqualTo(2);
        JsonNode effective = api().get(AUDITOR, "/api/documents", params("organizationId", org, "status", "EFFECTIVE")).json();
        assertThat(effective.get("total").asInt()).isEqualTo(1);
        assertThat(effective.get("items").get(0).get("documentId").asText()).isEqualTo(replacement);
        JsonNode withdrawnOnly = api().get(AUDITOR, "/api/documents", params("organizationId", org, "status", "WITHDRAWN")).json();
        assertThat(withdrawnOnly.get("items").get(0).get("documentId").asText()).isEqualTo(id);
    }

    @Test
    void shouldAnswerAsOfPastMomentsWithTheRevisionThenInForce() {
        String org = Samples.freshOrganization();
        String id = api().post(SECRETARY, "/api/documents", issueBody(org, "QT-04", "Quy trình hành động khắc phục", "Bản 2025")
                .put("effectiveFrom", "2025-01-01")).json().get("documentId").asText();
        api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "Bản 2026").put("effectiveFrom", "2026-01-01T00:00:00+07:00"));
        String future = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        Response scheduled = api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(2, "Bản tương lai").put("effectiveFrom", future));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        awaitDocumentLatest(id, 3);

        JsonNode now = api().get(AUDITOR, "/api/documents/" + id).json();
        assertThat(now.get("revision").asInt()).isEqualTo(2);
        assertThat(now.get("latestRevision").asInt()).isEqualTo(3);
        assertThat(now.get("content").asText()).isEqualTo("Bản 2026");

        JsonNode mid2025 = api().get(INSPECTOR, "/api/documents/" + id, params("asOf", "2025-06-30")).json();
        assertThat(mid2025.get("revision").asInt()).isEqualTo(1);
        assertThat(mid2025.get("content").asText()).isEqualTo("Bản 2025");
        // 2025-12-31T23:59 in Hà Nội is still before revision 2 took effect at local midnight.
        JsonNode lastMinute = api().get(INSPECTOR, "/api/documents/" + id, params("asOf", "2025-12-31T23:59:00+07:00")).json();
        assertThat(lastMinute.get("revision").asInt()).isEqualTo(1);
        assertThat(api().get(INSPECTOR, "/api/documents/" + id, params("asOf", "2024-12-31")).status()).isEqualTo(404);

        JsonNode registerThen = api().get(AUDITOR, "/api/documents", params("organizationId", org, "asOf", "2025-06-30")).json();
        assertThat(registerThen.get("total").asInt()).isEqualTo(1);
        assertThat(registerThen.get("items").get(0).get("revision").asInt()).isEqualTo(1);
        JsonNode registerBefore = api().get(AUDITOR, "/api/documents", params("organizationId", org, "asOf", "2024-06-30")).json();
        assertThat(registerBefore.get("total").asInt()).isZero();
    }

    @Test
    void shouldListDocumentScheduledForTheFutureAsScheduled() {
        String org = Samples.freshOrganization();
        String future = Instant.now().plus(10, ChronoUnit.DAYS).toString();
        Response issued = api().post(SECRETARY, "/api/documents",
                issueBody(org, "MTCL-2027", "Mục tiêu chất lượng năm 2027", "Mục tiêu").put("type", "QUALITY_OBJECTIVES").put("effectiveFrom", future));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);

        JsonNode register = awaitRegister(org, 1, "");
        JsonNode row = register.get("items").get(0);
        assertThat(row.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(row.get("latestRevision").asInt()).isEqualTo(1);
        assertThat(row.get("type").asText()).isEqualTo("QUALITY_OBJECTIVES");
    }

    @Test
    void shouldFindDocumentsWithAndWithoutDiacritics() {
        String org = Samples.freshOrganization();
        String control = issue(org, "QT-01", "Quy trình kiểm soát tài liệu", "…");
        String birth = issue(org, "TTHC-HT-01", "Đăng ký khai sinh", "…");
        issue(org, "QT-06", "Quy trình xem xét của lãnh đạo", "…");
        awaitRegister(org, 3, "");

        assertThat(search(org, "kiem soat tai lieu")).containsExactly(control);
        assertThat(search(org, "KIỂM SOÁT")).containsExactly(control);
        assertThat(search(org, "dang ky khai sinh")).containsExactly(birth);
        assertThat(search(org, "Đăng ký")).containsExactly(birth);
        assertThat(search(org, "tthc-ht")).containsExactly(birth);
        assertThat(search(org, "khong co")).isEmpty();
    }

    @Test
    void shouldKeepTheAuditTrailOfEveryChangeInOrder() {
        String org = Samples.freshOrganization();
        String id = issue(org, "BM-01", "Biểu mẫu phiếu tiếp nhận hồ sơ", "Mẫu 1");
        api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "Mẫu 2"));
        api().post(SECRETARY, "/api/documents/" + id + "/withdrawal", object().put("reason", "Không còn sử dụng"));

        JsonNode trail = api().await(AUDITOR, "/api/documents/" + id + "/audit-trail",
                r -> r.status() == 200 && entries(r.json()).size() == 3).json();
        List<JsonNode> entries = entries(trail);
        assertThat(entries).extracting(e -> e.get("eventType").asText())
                .containsExactly("DocumentIssued", "DocumentRevised", "DocumentWithdrawn");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo(SECRETARY);
            assertThat(e.get("documentId").asText()).isEqualTo(id);
            assertThat(e.get("organizationId").asText()).isEqualTo(org);
            assertThat(e.get("eventId").asText()).isNotBlank();
            assertThat(e.get("occurredAt").asText()).isNotBlank();
        });
        assertThat(entries).extracting(e -> e.get("revision").asInt()).containsExactly(1, 2, 2);

        JsonNode orgTrail = api().get(INSPECTOR, "/api/audit-trail", params("organizationId", org)).json();
        assertThat(orgTrail.get("total").asInt()).isEqualTo(3);
        JsonNode byActor = api().get(AUDITOR, "/api/audit-trail", params("organizationId", org, "actor", SECRETARY, "size", "2")).json();
        assertThat(byActor.get("total").asInt()).isEqualTo(3);
        assertThat(byActor.get("items")).hasSize(2);
        JsonNode future = api().get(AUDITOR, "/api/audit-trail", params("organizationId", org, "from", "2100-01-01")).json();
        assertThat(future.get("total").asInt()).isZero();
    }

    @Test
    void shouldStoreVietnameseTextAsNfcWithDiacriticsIntact() {
        String org = Samples.freshOrganization();
        String nfcTitle = "Quy trình giải quyết khiếu nại lần đầu";
        String decomposedTitle = Normalizer.normalize(nfcTitle, Normalizer.Form.NFD);
        String decomposedContent = Normalizer.normalize("Tiếp công dân: ưu tiên người cao tuổi, phụ nữ mang thai.", Normalizer.Form.NFD);
        assertThat(decomposedTitle).isNotEqualTo(nfcTitle);

        String id = issue(org, "QT-KN-01", decomposedTitle, decomposedContent);

        JsonNode document = awaitDocument(id, 1);
        String nfcContent = Normalizer.normalize(decomposedContent, Normalizer.Form.NFC);
        assertThat(document.get("title").asText()).isEqualTo(nfcTitle);
        assertThat(document.get("content").asText()).isEqualTo(nfcContent);
        assertThat(document.get("contentSha256").asText()).isEqualTo(Samples.sha256(nfcContent));
    }

    @Test
    void shouldAllowACodeAgainOnceItsDocumentIsWithdrawn() {
        String org = Samples.freshOrganization();
        String old = issue(org, "QT-07", "Quy trình quản lý rủi ro và cơ hội", "v1");
        assertThat(api().post(SECRETARY, "/api/documents", issueBody(org, "qt-07", "Trùng mã", "x")).status()).isEqualTo(409);

        api().post(SECRETARY, "/api/documents/" + old + "/withdrawal", object().put("reason", "Ban hành lại"));
        Response again = api().post(SECRETARY, "/api/documents", issueBody(org, "QT-07", "Quy trình quản lý rủi ro và cơ hội", "v2"));

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(api().post(SECRETARY, "/api/documents", issueBody(Samples.freshOrganization(), "QT-07", "Đơn vị khác", "x")).status())
                .as("codes are unique per organization only").isEqualTo(201);
    }

    @Test
    void shouldLetExactlyOneOfTenConcurrentRevisionsWin() throws Exception {
        String id = issue(Samples.freshOrganization(), "QT-05", "Quy trình hành động khắc phục", "v1");
        int writers = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String content = "Phiên bản do người thứ " + i + " sửa";
                Callable<Integer> revise = () -> {
                    start.await();
                    return api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, content)).status();
                };
                answers.add(pool.submit(revise));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode document = awaitDocument(id, 2);
        assertThat(document.get("latestRevision").asInt()).isEqualTo(2);
    }

    // ---- errors: every one a problem+json naming the field, and nothing stored changes ----

    @Test
    void shouldRejectMalformedJson() {
        assertFieldProblem(api().postRaw(SECRETARY, "/api/documents", "{\"organizationId\": \"ubnd-quan-1\",", "application/json"), 400, "body");
    }

    @Test
    void shouldRejectUnknownDocumentType() {
        assertFieldProblem(api().post(SECRETARY, "/api/documents", issueBody(Samples.freshOrganization(), "QT-01", "T", "C").put("type", "MEMO")), 400, "type");
    }

    @Test
    void shouldRejectBlankTitle() {
        assertFieldProblem(api().post(SECRETARY, "/api/documents", issueBody(Samples.freshOrganization(), "QT-01", "   ", "C")), 400, "title");
    }

    @Test
    void shouldRejectOverLongCode() {
        assertFieldProblem(api().post(SECRETARY, "/api/documents", issueBody(Samples.freshOrganization(), "Q".repeat(41), "T", "C")), 400, "code");
    }

    @Test
    void shouldRejectOverLongTitle() {
        assertFieldProblem(api().post(SECRETARY, "/api/documents", issueBody(Samples.freshOrganization(), "QT-01", "Ư".repeat(301), "C")), 400, "title");
    }

    @Test
    void shouldRejectBadOrganizationSlug() {
        assertFieldProblem(api().post(SECRETARY, "/api/documents", issueBody("UBND Quận 1", "QT-01", "T", "C")), 400, "organizationId");
    }

    @Test
    void shouldRejectBadDate() {
        assertFieldProblem(api().post(SECRETARY, "/api/documents", issueBody(Samples.freshOrganization(), "QT-01", "T", "C").put("effectiveFrom", "31/12/2025")), 400, "effectiveFrom");
    }

    @Test
    void shouldRejectAnObjectWhereAStringBelongs() {
        ObjectNode body = issueBody(Samples.freshOrganization(), "QT-01", "T", "C");
        body.putObject("organizationId").put("$ne", "x");
        assertFieldProblem(api().post(SECRETARY, "/api/documents", body), 400, "organizationId");
        ObjectNode title = issueBody(Samples.freshOrganization(), "QT-01", "T", "C");
        title.putObject("title").put("$gt", "");
        assertFieldProblem(api().post(SECRETARY, "/api/documents", title), 400, "title");
    }

    @Test
    void shouldRejectOperatorsInQueryParameters() {
        assertFieldProblem(api().get(AUDITOR, "/api/documents", params("organizationId", "{\"$ne\":null}")), 400, "organizationId");
        assertFieldProblem(api().get(AUDITOR, "/api/documents", params("status", "$where")), 400, "status");
        assertFieldProblem(api().get(AUDITOR, "/api/documents", params("size", "501")), 400, "size");
        assertFieldProblem(api().get(AUDITOR, "/api/documents", params("asOf", "yesterday")), 400, "asOf");
    }

    @Test
    void shouldRejectContentOverOneMebibyte() {
        String org = Samples.freshOrganization();
        Response answer = api().post(SECRETARY, "/api/documents", issueBody(org, "QT-BIG", "Quá lớn", "ệ".repeat(350_000)));
        assertThat(answer.status()).as(answer.toString()).isIn(400, 413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("field").asText()).isIn("content", "body");
        assertThat(api().post(SECRETARY, "/api/documents", issueBody(org, "QT-BIG", "Vừa đủ", "ệ".repeat(349_000))).status())
                .as("just under 1 MiB of UTF-8 is accepted").isEqualTo(201);
    }

    @Test
    void shouldRefuseRequestsWithoutValidCredentials() {
        Response anonymous = api().get(null, "/api/documents");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(api().withCredentials(SECRETARY, "wrong", "/api/documents").status()).isEqualTo(401);
        assertThat(api().post(null, "/api/documents", issueBody(Samples.freshOrganization(), "QT-01", "T", "C")).status()).isEqualTo(401);
    }

    @Test
    void shouldForbidWritesToEveryRoleButSecretary() {
        String org = Samples.freshOrganization();
        for (String reader : List.of(APPROVER, AUDITOR, INSPECTOR)) {
            Response answer = api().post(reader, "/api/documents", issueBody(org, "QT-01", "T", "C"));
            assertThat(answer.status()).as(reader).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(api().get(SECRETARY, "/api/audit-trail").status()).isEqualTo(403);
        assertThat(api().get(APPROVER, "/api/audit-trail").status()).isEqualTo(403);
        assertThat(api().get(APPROVER, "/api/documents").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerNotFoundForUnknownDocuments() {
        String unknown = "5f1c2b9e-0000-4000-8000-000000000000";
        assertThat(api().get(AUDITOR, "/api/documents/" + unknown).status()).isEqualTo(404);
        assertThat(api().get(AUDITOR, "/api/documents/../../etc/passwd").status()).isIn(400, 404);
        Response revise = api().post(SECRETARY, "/api/documents/" + unknown + "/revisions", reviseBody(1, "x"));
        assertThat(revise.status()).isEqualTo(404);
        assertThat(revise.isProblem()).isTrue();
        assertThat(api().post(SECRETARY, "/api/documents/" + unknown + "/withdrawal", object().put("reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void shouldRejectStaleRevisionAndChangeNothing() {
        String id = issue(Samples.freshOrganization(), "QT-08", "Quy trình tiếp công dân", "v1");
        api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "v2"));

        assertFieldProblem(api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "v2 bis")), 409, "expectedRevision");
        JsonNode document = awaitDocument(id, 2);
        assertThat(document.get("content").asText()).isEqualTo("v2");
        assertThat(document.get("latestRevision").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRejectRevisionOfWithdrawnDocument() {
        String id = issue(Samples.freshOrganization(), "QT-09", "Quy trình xử lý đơn thư", "v1");
        api().post(SECRETARY, "/api/documents/" + id + "/withdrawal", object().put("reason", "Hết hiệu lực"));

        Response revise = api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "v2"));
        assertThat(revise.status()).isEqualTo(409);
        assertThat(revise.isProblem()).isTrue();
        assertThat(api().post(SECRETARY, "/api/documents/" + id + "/withdrawal", object().put("reason", "Lần hai")).status()).isEqualTo(409);
    }

    @Test
    void shouldRejectRevisionWithoutSummaryOrReason() {
        String id = issue(Samples.freshOrganization(), "QT-10", "Quy trình chứng thực", "v1");
        assertFieldProblem(api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "v2").put("changeSummary", " ")), 400, "changeSummary");
        assertFieldProblem(api().post(SECRETARY, "/api/documents/" + id + "/revisions", reviseBody(1, "v2").put("changeReason", "")), 400, "changeReason");
        assertFieldProblem(api().post(SECRETARY, "/api/documents/" + id + "/withdrawal", object().put("reason", "")), 400, "reason");
    }

    @Test
    void shouldRejectSupersedingByADocumentOfAnotherOrganization() {
        String other = issue(Samples.freshOrganization(), "QT-11", "Quy trình khác đơn vị", "x");
        String id = issue(Samples.freshOrganization(), "QT-11", "Quy trình", "x");
        Response answer = api().post(SECRETARY, "/api/documents/" + id + "/withdrawal",
                object().put("reason", "Thay thế").put("supersededBy", other));
        assertThat(answer.status()).isIn(400, 404, 409);
        assertThat(answer.json().get("field").asText()).isEqualTo("supersededBy");
    }

    // ---- operations ----

    @Test
    void shouldReportHealthWithMongoToAnyone() {
        Response health = api().get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("components").get("mongo").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldDescribeTheApiInOpenApiWithVietnameseExamples() {
        Response docs = api().get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/documents")).isTrue();
        assertThat(paths.has("/api/documents/{id}/revisions")).isTrue();
        assertThat(paths.has("/api/documents/{id}/withdrawal")).isTrue();
        assertThat(paths.has("/api/audit-trail")).isTrue();
        assertThat(docs.body()).contains("Quy trình kiểm soát tài liệu");
    }

    // ---- helpers ----

    protected String issue(String org, String code, String title, String content) {
        Response issued = api().post(SECRETARY, "/api/documents", issueBody(org, code, title, content));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("documentId").asText();
    }

    protected static ObjectNode issueBody(String org, String code, String title, String content) {
        ObjectNode body = object().put("organizationId", org).put("type", "PROCEDURE").put("code", code)
                .put("title", title).put("content", content);
        body.putObject("approval").put("approvedBy", "Nguyễn Văn An").put("position", "Chủ tịch UBND phường")
                .put("approvedAt", "2025-12-20").put("decisionNumber", "Quyết định số 123/QĐ-UBND");
        return body;
    }

    protected static ObjectNode reviseBody(int expectedRevision, String content) {
        return object().put("expectedRevision", expectedRevision).put("content", content)
                .put("changeSummary", "Cập nhật theo Nghị định 61/2018/NĐ-CP")
                .put("changeReason", "Thay đổi quy định về cơ chế một cửa");
    }

    protected JsonNode awaitDocument(String id, int revision) {
        return api().await(AUDITOR, "/api/documents/" + id,
                r -> r.status() == 200 && r.json().path("revision").asInt() == revision).json();
    }

    protected JsonNode awaitDocumentLatest(String id, int latestRevision) {
        return api().await(AUDITOR, "/api/documents/" + id,
                r -> r.status() == 200 && r.json().path("latestRevision").asInt() == latestRevision).json();
    }

    protected JsonNode awaitRegister(String org, int total, String extraQuery) {
        return api().await(AUDITOR, "/api/documents?organizationId=" + org + extraQuery,
                r -> r.status() == 200 && r.json().path("total").asInt() == total).json();
    }

    private List<String> search(String org, String q) {
        JsonNode page = api().get(AUDITOR, "/api/documents", params("organizationId", org, "q", q)).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("documentId").asText()));
        return ids;
    }

    private static List<JsonNode> entries(JsonNode trail) {
        JsonNode items = trail.isArray() ? trail : trail.get("items");
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    private static void assertFieldProblem(Response answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().get("field").asText()).as(answer.toString()).isEqualTo(field);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
