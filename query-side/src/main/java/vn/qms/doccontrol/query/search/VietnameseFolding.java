package vn.qms.doccontrol.query.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text to the form people type when they search without an IME:
 * {@code "Kiểm  soát Tài liệu"} and {@code "kiem soat tai lieu"} fold to the same key.
 *
 * <p>đ/Đ get their own rule because Unicode does not decompose them: they are letters of their own,
 * not d with a mark, yet every Vietnamese reader accepts {@code d} for them in a search box.
 * Lower-casing comes first so that letters whose lower case gains a combining mark (İ) lose it too.
 */
public final class VietnameseFolding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    // UNICODE_CHARACTER_CLASS so that no-break spaces pasted from word processors count as spaces.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private VietnameseFolding() {
    }

    /** @return the folded key; null stays null */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String plainD = withoutMarks.replace('đ', 'd').replace('Đ', 'd');
        return WHITESPACE.matcher(plainD).replaceAll(" ").strip();
    }
}
