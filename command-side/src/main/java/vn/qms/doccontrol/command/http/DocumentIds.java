package vn.qms.doccontrol.command.http;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import vn.qms.doccontrol.platform.web.InvalidFieldException;

/** Document ids are random UUIDs made by the server; anything else cannot name a document. */
final class DocumentIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DocumentIds() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static boolean isValid(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }

    /** @return the id in the lower-case form it was issued under, or 404 naming {@code field} */
    static String require(String field, String id) {
        if (!isValid(id)) {
            throw unknown(field);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    static InvalidFieldException unknown(String field) {
        return new InvalidFieldException(HttpStatus.NOT_FOUND, field, "no document has this id");
    }
}
