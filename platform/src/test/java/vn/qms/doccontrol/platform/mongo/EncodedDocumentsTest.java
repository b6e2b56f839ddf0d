package vn.qms.doccontrol.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class EncodedDocumentsTest {

    private final EncodedDocuments encoded = new EncodedDocuments();

    @Test
    void aWrittenDocumentIsWrittenFromItsKeptBytesUntilItChanges() {
        Document row = new Document("_id", "qt-01:1").append("title", "Quy trình kiểm soát tài liệu");
        byte[] bytes = {1, 2, 3};
        encoded.written(row, bytes);

        assertThat(encoded.encodingOf(row)).isSameAs(bytes);

        encoded.changed(row);
        assertThat(encoded.encodingOf(row)).isNull();
    }

    @Test
    void anEqualDocumentIsAnotherDocument() {
        Document stored = new Document("_id", "qt-01:1");
        encoded.written(stored, new byte[] {1});

        assertThat(encoded.encodingOf(new Document("_id", "qt-01:1"))).isNull();
    }

    @Test
    void largeDocumentsAreNotKept() {
        Document commit = new Document("_id", 42L);
        encoded.written(commit, new byte[EncodedDocuments.MAX_DOCUMENT_BYTES + 1]);

        assertThat(encoded.encodingOf(commit)).isNull();
    }
}
