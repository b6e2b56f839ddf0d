package vn.qms.doccontrol.command.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The one form in which text is stored. Vietnamese can be typed precomposed ("ệ") or decomposed
 * ("e" + two combining marks); both look the same but compare, count and hash differently, so all
 * text is NFC before it is checked, compared or stored.
 */
public final class DocumentText {

    private DocumentText() {
    }

    /** @return the NFC form, or null for null */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * How a document's content appears in a {@code toString}, and so in any log line that prints a
     * request or a command: by its size only. Contents may be confidential; logs are read widely.
     */
    public static String forLogs(String content) {
        return content == null ? "null" : "<" + content.length() + " chars>";
    }

    /** @return lower-case hex SHA-256 of the UTF-8 bytes of {@code text} (expected to be NFC already) */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
