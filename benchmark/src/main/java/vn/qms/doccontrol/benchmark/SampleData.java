package vn.qms.doccontrol.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Real Vietnamese organizations, procedure titles and legal texts (a copy of
 * shared/data/vn-qms-sample.json), and document content of a given size built from them.
 */
public final class SampleData {

    private final JsonNode sample;

    private final List<String> legalBasis = new ArrayList<>();

    private SampleData(JsonNode sample) {
        this.sample = sample;
        sample.get("legalBasis").forEach(l -> legalBasis.add("Căn cứ " + l.get("number").asText() + ": " + l.get("title").asText() + "."));
    }

    public static SampleData load() {
        try (InputStream in = SampleData.class.getResourceAsStream("/vn-qms-sample.json")) {
            return new SampleData(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> organizationIds() {
        List<String> ids = new ArrayList<>();
        sample.get("organizations").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    public List<String> procedureTitles() {
        List<String> titles = new ArrayList<>();
        sample.get("commonProcedures").forEach(p -> titles.add(p.get("title").asText()));
        sample.get("administrativeProcedureTitles").forEach(t -> titles.add("Quy trình giải quyết thủ tục " + t.asText()));
        return titles;
    }

    /** Markdown of about {@code bytes} UTF-8 bytes: a procedure's usual sections over the legal basis. */
    public String content(String title, int bytes, Random random) {
        String[] sections = {"1. Mục đích", "2. Phạm vi áp dụng", "3. Tài liệu viện dẫn", "4. Định nghĩa và từ viết tắt",
                "5. Nội dung quy trình", "6. Biểu mẫu", "7. Hồ sơ cần lưu"};
        StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
        int length = utf8Length(text.toString());
        for (int section = 0; length < bytes; section++) {
            String paragraph = "## " + sections[section % sections.length] + "\n\n"
                    + legalBasis.get(random.nextInt(legalBasis.size())) + "\n\n";
            text.append(paragraph);
            length += utf8Length(paragraph);
        }
        return text.toString();
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
