package vn.qms.doccontrol.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Real Vietnamese QMS titles (from shared/data/vn-qms-sample.json, copied into test resources). */
public final class Samples {

    private static final JsonNode SAMPLE = load();
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();

    private Samples() {
    }

    public static List<String> administrativeProcedureTitles() {
        List<String> titles = new ArrayList<>();
        SAMPLE.get("administrativeProcedureTitles").forEach(t -> titles.add(t.asText()));
        return titles;
    }

    public static List<String[]> commonProcedures() {
        List<String[]> procedures = new ArrayList<>();
        SAMPLE.get("commonProcedures").forEach(p -> procedures.add(new String[]{p.get("code").asText(), p.get("title").asText()}));
        return procedures;
    }

    public static String legalBasis() {
        JsonNode first = SAMPLE.get("legalBasis").get(0);
        return first.get("number").asText() + " — " + first.get("title").asText();
    }

    /** A fresh organization id per test, shaped like the real ones (ubnd-quan-1, ubnd-phuong-ben-nghe). */
    public static String freshOrganization() {
        return "ubnd-phuong-test-" + ORGANIZATIONS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode load() {
        try (InputStream in = Samples.class.getResourceAsStream("/vn-qms-sample.json")) {
            return Api.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
