package vn.qms.doccontrol.query.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.qms.doccontrol.query.support.SampleDocuments.DA_KAO;
import static vn.qms.doccontrol.query.support.SampleDocuments.PHU_XUYEN;
import static vn.qms.doccontrol.query.support.SampleDocuments.QUAN_1;
import static vn.qms.doccontrol.query.support.SampleDocuments.issued;
import static vn.qms.doccontrol.query.support.SampleDocuments.revised;
import static vn.qms.doccontrol.query.support.SampleDocuments.vn;
import static vn.qms.doccontrol.query.support.SampleDocuments.withdrawn;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.qms.doccontrol.events.DocumentIssuedEvent;
import vn.qms.doccontrol.events.DocumentType;
import vn.qms.doccontrol.platform.web.InvalidFieldException;
import vn.qms.doccontrol.query.support.Delivery;
import vn.qms.doccontrol.query.support.MongoTestDatabase;
import vn.qms.doccontrol.query.support.ReadModels;
import vn.qms.doccontrol.query.support.TestClock;

class RegisterQueryHandlerTest {

    @TempDir
    Path dataDir;

    private MongoTestDatabase mongo;
    private TestClock clock;
    private RegisterQueryHandler handler;

    @BeforeEach
    void start() {
        mongo = MongoTestDatabase.start(dataDir);
        clock = new TestClock(vn("2026-05-01"));
        ReadModels readModels = new ReadModels(mongo.database(), clock);
        handler = readModels.registerQueries;

        DocumentIssuedEvent qt01 = issued("d-qt01", QUAN_1, DocumentType.PROCEDURE, "QT-01", "Quy trình kiểm soát tài liệu", vn("2026-01-10"));
        DocumentIssuedEvent qt02 = issued("d-qt02", QUAN_1, DocumentType.PROCEDURE, "qt-02", "Quy trình kiểm soát hồ sơ", vn("2026-01-10"));
        DocumentIssuedEvent cscl = issued("d-cscl", QUAN_1, DocumentType.QUALITY_POLICY, "CSCL", "Chính sách chất lượng", vn("2026-01-10"));
        DocumentIssuedEvent mtcl = issued("d-mtcl", QUAN_1, DocumentType.QUALITY_OBJECTIVES, "MTCL", "Mục tiêu chất lượng 2027", vn("2027-01-01"));
        DocumentIssuedEvent old = issued("d-qt09", QUAN_1, DocumentType.PROCEDURE, "QT-09", "Quy trình tiếp công dân", vn("2026-01-10"));
        DocumentIssuedEvent px = issued("d-px", PHU_XUYEN, DocumentType.PROCEDURE, "QT-01", "Quy trình kiểm soát tài liệu", vn("2026-02-01"));
        DocumentIssuedEvent dk = issued("d-dk", DA_KAO, DocumentType.FORM, "BM-01", "Đăng ký khai sinh", vn("2026-01-20"));
        readModels.deliver(
                new Delivery(qt01, 0, "e1"), new Delivery(qt02, 0, "e2"), new Delivery(cscl, 0, "e3"),
                new Delivery(mtcl, 0, "e4"), new Delivery(old, 0, "e5"), new Delivery(px, 0, "e6"), new Delivery(dk, 0, "e7"),
                new Delivery(withdrawn(old, 1, vn("2026-04-01"), null, vn("2026-03-20")), 1, "e8"),
                new Delivery(revised(qt01, 2, "Quy trình kiểm soát tài liệu nội bộ", vn("2026-03-01"), vn("2026-02-20")), 1, "e9"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void listsEveryDocumentByOrganizationThenCodeIgnoringCaseWithWithdrawnOnesIncluded() {
        RegisterPage page = handler.handle(query(null, null, null, null, null, null, null));

        assertThat(page.total()).isEqualTo(7);
        assertThat(page.items()).extracting(item -> item.organizationId() + "/" + item.code()).containsExactly(
                "ubnd-huyen-phu-xuyen/QT-01",
                "ubnd-phuong-da-kao/BM-01",
                "ubnd-quan-1/CSCL", "ubnd-quan-1/MTCL", "ubnd-quan-1/QT-01", "ubnd-quan-1/qt-02", "ubnd-quan-1/QT-09");
    }

    @Test
    void registerItemsShowTheRevisionInForceNow() {
        RegisterItem qt01 = handler.handle(query(QUAN_1, null, null, "QT-01", null, null, null)).items().get(0);

        assertThat(qt01.documentId()).isEqualTo("d-qt01");
        assertThat(qt01.type()).isEqualTo(DocumentType.PROCEDURE);
        assertThat(qt01.title()).isEqualTo("Quy trình kiểm soát tài liệu nội bộ");
        assertThat(qt01.revision()).isEqualTo(2);
        assertThat(qt01.latestRevision()).isEqualTo(2);
        assertThat(qt01.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(qt01.effectiveFrom()).isEqualTo(vn("2026-03-01"));
        assertThat(qt01.recordedAt()).isEqualTo(vn("2026-02-20"));
        assertThat(qt01.recordedBy()).isNotBlank();
    }

    @Test
    void filtersByOrganizationTypeAndStatus() {
        assertThat(codes(query(QUAN_1, null, null, null, null, null, null))).containsExactly("CSCL", "MTCL", "QT-01", "qt-02", "QT-09");
        assertThat(codes(query(null, "PROCEDURE", null, null, null, null, null))).containsExactly("QT-01", "QT-01", "qt-02", "QT-09");
        assertThat(codes(query(QUAN_1, "PROCEDURE", null, null, null, null, null))).containsExactly("QT-01", "qt-02", "QT-09");
        assertThat(codes(query(null, null, "WITHDRAWN", null, null, null, null))).containsExactly("QT-09");
        assertThat(codes(query(null, null, "SCHEDULED", null, null, null, null))).containsExactly("MTCL");
        assertThat(codes(query(QUAN_1, null, "EFFECTIVE", null, null, null, null))).containsExactly("CSCL", "QT-01", "qt-02");
    }

    @Test
    void withAsOfListsOnlyDocumentsInForceThenAsTheyWere() {
        RegisterPage january = handler.handle(query(null, null, null, null, "2026-01-15", null, null));
        assertThat(january.items()).extracting(RegisterItem::code).containsExactly("CSCL", "QT-01", "qt-02", "QT-09");
        assertThat(january.items().get(1).title()).isEqualTo("Quy trình kiểm soát tài liệu");
        assertThat(january.items().get(1).revision()).isEqualTo(1);

        RegisterPage april = handler.handle(query(QUAN_1, null, null, null, "2026-04-01T00:00:00+07:00", null, null));
        assertThat(april.items()).extracting(RegisterItem::code, RegisterItem::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CSCL", DocumentStatus.EFFECTIVE),
                org.assertj.core.groups.Tuple.tuple("QT-01", DocumentStatus.EFFECTIVE),
                org.assertj.core.groups.Tuple.tuple("qt-02", DocumentStatus.EFFECTIVE),
                org.assertj.core.groups.Tuple.tuple("QT-09", DocumentStatus.WITHDRAWN));

        assertThat(handler.handle(query(null, null, null, null, "2025-12-31", null, null)).total()).isZero();
        assertThat(codes(query(null, null, "SCHEDULED", null, "2026-06-01", null, null))).isEmpty();
    }

    @Test
    void statusFollowsTheClock() {
        clock.set(vn("2027-01-01"));
        assertThat(codes(query(null, null, "SCHEDULED", null, null, null, null))).isEmpty();
        assertThat(codes(query(QUAN_1, null, "EFFECTIVE", null, null, null, null))).contains("MTCL");
    }

    @Test
    void searchCombinesWithTheOtherFilters() {
        assertThat(codes(query(null, null, null, "kiem soat tai lieu", null, null, null))).containsExactly("QT-01", "QT-01");
        assertThat(codes(query(QUAN_1, null, null, "kiem soat", null, null, null))).containsExactly("QT-01", "qt-02");
        assertThat(codes(query(null, "FORM", null, "dang ky", null, null, null))).containsExactly("BM-01");
        assertThat(codes(query(null, null, null, "noi bo", "2026-02-01", null, null))).isEmpty();
    }

    @Test
    void pagesCountFromZeroAndTotalCountsEveryMatch() {
        RegisterPage first = handler.handle(query(null, null, null, null, null, 0, 3));
        RegisterPage second = handler.handle(query(null, null, null, null, null, 1, 3));
        RegisterPage third = handler.handle(query(null, null, null, null, null, 2, 3));
        RegisterPage beyond = handler.handle(query(null, null, null, null, null, 5, 3));

        assertThat(first.items()).extracting(RegisterItem::code).containsExactly("QT-01", "BM-01", "CSCL");
        assertThat(second.items()).extracting(RegisterItem::code).containsExactly("MTCL", "QT-01", "qt-02");
        assertThat(third.items()).extracting(RegisterItem::code).containsExactly("QT-09");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), third.total(), beyond.total())).containsOnly(7L);
    }

    @Test
    void pageSizeDefaultsToFifty() {
        assertThat(FetchRegisterQuery.fromParameters(null, null, null, null, null, null, null).page().size()).isEqualTo(50);
        assertThat(FetchRegisterQuery.fromParameters(null, null, null, null, null, null, 500).page().size()).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "page, -1",
            "size, 0",
            "size, 501",
            "status, ACTIVE",
            "status, effective",
            "type, SOP",
            "organizationId, UBND-Quan-1",
            "organizationId, -ubnd",
            "organizationId, u",
            "organizationId, ubnd quan 1",
            "organizationId, '{\"$ne\":null}'",
            "asOf, 2026-13-01",
            "asOf, yesterday",
            "asOf, 2026-01-01T08:00:00"})
    void refusesInvalidParametersNamingThem(String parameter, String value) {
        assertThatThrownBy(() -> fromSingleParameter(parameter, value))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(parameter));
    }

    private static FetchRegisterQuery fromSingleParameter(String parameter, String value) {
        return switch (parameter) {
            case "page" -> FetchRegisterQuery.fromParameters(null, null, null, null, null, Integer.valueOf(value), null);
            case "size" -> FetchRegisterQuery.fromParameters(null, null, null, null, null, null, Integer.valueOf(value));
            case "status" -> FetchRegisterQuery.fromParameters(null, null, value, null, null, null, null);
            case "type" -> FetchRegisterQuery.fromParameters(null, value, null, null, null, null, null);
            case "organizationId" -> FetchRegisterQuery.fromParameters(value, null, null, null, null, null, null);
            case "asOf" -> FetchRegisterQuery.fromParameters(null, null, null, null, value, null, null);
            default -> throw new IllegalArgumentException(parameter);
        };
    }

    @Test
    void refusesOverlongSearchTextAndTreatsBlankParametersAsAbsent() {
        assertThatThrownBy(() -> FetchRegisterQuery.fromParameters(null, null, null, "x".repeat(201), null, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("q"));

        FetchRegisterQuery blank = FetchRegisterQuery.fromParameters(" ", "", " ", "  ", "", null, null);
        assertThat(blank.organizationId()).isNull();
        assertThat(blank.type()).isNull();
        assertThat(blank.status()).isNull();
        assertThat(blank.search()).isNull();
        assertThat(blank.asOf()).isNull();
        assertThat(handler.handle(blank).total()).isEqualTo(7);
    }

    @Test
    void searchTextThatLooksLikeARegexOrOperatorIsJustText() {
        assertThat(handler.handle(query(null, null, null, ".*", null, null, null)).total()).isZero();
        assertThat(handler.handle(query(null, null, null, "{\"$gt\":\"\"}", null, null, null)).total()).isZero();
    }

    private FetchRegisterQuery query(String organizationId, String type, String status, String q, String asOf,
                                     Integer page, Integer size) {
        return FetchRegisterQuery.fromParameters(organizationId, type, status, q, asOf, page, size);
    }

    private List<String> codes(FetchRegisterQuery query) {
        return handler.handle(query).items().stream().map(RegisterItem::code).toList();
    }
}
