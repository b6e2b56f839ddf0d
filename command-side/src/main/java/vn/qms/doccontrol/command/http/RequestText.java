package vn.qms.doccontrol.command.http;

import org.springframework.http.HttpStatus;
import vn.qms.doccontrol.command.document.DocumentText;
import vn.qms.doccontrol.platform.web.InvalidFieldException;

/** How request text is brought into its stored form before it is validated. */
final class RequestText {

    /** 1 MiB of UTF-8, measured on the NFC form that is stored and hashed. */
    static final int MAX_CONTENT_BYTES = 1_048_576;

    private RequestText() {
    }

    /** For free text (content, reasons): NFC only, so the stored text is what the author wrote. */
    static String nfc(String text) {
        return DocumentText.nfc(text);
    }

    /** For one-line names (code, title): NFC and without the surrounding blanks a paste brings along. */
    static String nfcStripped(String text) {
        return text == null ? null : DocumentText.nfc(text).strip();
    }

    static void requireContentWithinLimit(String content) {
        // A UTF-16 char never takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for two), so
        // almost every content is within the limit without being counted.
        if (content != null && content.length() * 3L > MAX_CONTENT_BYTES && utf8Length(content) > MAX_CONTENT_BYTES) {
            throw new InvalidFieldException(HttpStatus.PAYLOAD_TOO_LARGE, "content",
                    "must be at most " + MAX_CONTENT_BYTES + " bytes of UTF-8");
        }
    }

    static long utf8Length(String text) {
        // Counted rather than encoded: the content may be a megabyte.
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
