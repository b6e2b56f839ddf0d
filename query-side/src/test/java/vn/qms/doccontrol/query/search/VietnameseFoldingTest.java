package vn.qms.doccontrol.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseFoldingTest {

    @Test
    void stripsEveryVietnameseToneAndVowelMark() {
        assertThat(VietnameseFolding.fold("Quy trình kiểm soát tài liệu")).isEqualTo("quy trinh kiem soat tai lieu");
        assertThat(VietnameseFolding.fold("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ"))
                .isEqualTo("aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy");
        assertThat(VietnameseFolding.fold("Ư Ơ Ă Â Ê Ô")).isEqualTo("u o a a e o");
    }

    @Test
    void turnsDStrokeIntoPlainDInBothCases() {
        assertThat(VietnameseFolding.fold("Đánh giá nội bộ")).isEqualTo("danh gia noi bo");
        assertThat(VietnameseFolding.fold("phường Đa Kao, đường Đinh Tiên Hoàng")).isEqualTo("phuong da kao, duong dinh tien hoang");
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String composed = "Chứng thực bản sao";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(VietnameseFolding.fold(decomposed)).isEqualTo(VietnameseFolding.fold(composed)).isEqualTo("chung thuc ban sao");
    }

    @Test
    void collapsesAndTrimsWhitespaceIncludingNoBreakSpaces() {
        assertThat(VietnameseFolding.fold("  Mục\ttiêu \u00A0 chất\n\nlượng  ")).isEqualTo("muc tieu chat luong");
    }

    @Test
    void lowerCasesCodesAndKeepsPunctuationAndDigits() {
        assertThat(VietnameseFolding.fold("QT-01/ĐK")).isEqualTo("qt-01/dk");
        assertThat(VietnameseFolding.fold("TCVN ISO 9001:2015")).isEqualTo("tcvn iso 9001:2015");
    }

    @Test
    void plainTextAndNullPassThrough() {
        assertThat(VietnameseFolding.fold("kiem soat tai lieu")).isEqualTo("kiem soat tai lieu");
        assertThat(VietnameseFolding.fold("")).isEmpty();
        assertThat(VietnameseFolding.fold(null)).isNull();
    }

    @Test
    void searchMatchesSubstringsOfFoldedKeysAndTreatsBlankAsNoFilter() {
        String titleKey = VietnameseFolding.fold("Quy trình kiểm soát tài liệu");
        assertThat(FoldedSearch.of("KIỂM SOÁT").matchesAny(titleKey)).isTrue();
        assertThat(FoldedSearch.of("kiem  soat tai").matchesAny(titleKey)).isTrue();
        assertThat(FoldedSearch.of("hồ sơ").matchesAny(titleKey)).isFalse();
        assertThat(FoldedSearch.of("qt-01").matchesAny(null, "qt-01")).isTrue();
        assertThat(FoldedSearch.of("   ").matchesAny("anything")).isTrue();
        assertThat(FoldedSearch.of(null).matchesAny((String) null)).isTrue();
    }
}
