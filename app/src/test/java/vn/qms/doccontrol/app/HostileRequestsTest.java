package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.bson.Document;
import vn.qms.doccontrol.app.support.Api;
import vn.qms.doccontrol.app.support.Api.Response;
import vn.qms.doccontrol.app.support.RawHttp;
import vn.qms.doccontrol.app.support.RunningQms;
import vn.qms.doccontrol.app.support.Samples;
import vn.qms.doccontrol.app.support.SharedQms;
import vn.qms.doccontrol.app.support.StoredState;

/**
 * Malformed and hostile requests against the running all-in-one, sent byte for byte over a socket:
 * wrong JSON types, MongoDB operators and {@code $} keys in every field, huge numbers, deep
 * nesting, 10 MiB bodies, invalid UTF-8, control characters, path traversal and Unicode tricks in
 * ids, codes and parameters, 64 KiB headers, wrong content types and methods. Every request is
 * invalid for a known reason, so every answer must be a 4xx problem+json that gives nothing of the
 * internals away, and nothing stored may change. Named *Test so that Surefire runs it: jqwik is a
 * JUnit Platform engine, and the property counts as one test of 2,200 tries.
 */
class HostileRequestsTest {

    private static final String ORG = "ubnd-phuong-thu-nghiem";
    private static final int MIB = 1024 * 1024;

    private RunningQms qms;
    private String secretary;
    private String inspector;
    private String fixture;
    private Map<String, List<Document>> before;

    @BeforeProperty
    void issueTheFixtureAndSnapshot() {
        qms = SharedQms.get();
        Api api = qms.api();
        secretary = api.openSession("secretary");
        inspector = api.openSession("inspector");
        Response issued = api.postWithToken(secretary, "/api/documents",
                DocumentControlApiContract.issueBody(Samples.freshOrganization(), "QT-01", "Quy trình kiểm soát tài liệu", "Bản 1"));
        fixture = issued.json().get("documentId").asText();
        api.postWithToken(secretary, "/api/documents/" + fixture + "/revisions", DocumentControlApiContract.reviseBody(1, "Bản 2"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (api.getWithToken(inspector, "/api/documents/" + fixture + "/audit-trail").json().size() < 2
                || api.getWithToken(inspector, "/api/documents/" + fixture + "/revisions/2").status() != 200) {
            assertThat(System.nanoTime()).as("fixture projected").isLessThan(deadline);
        }
        before = StoredState.snapshot(qms.bean(MongoDatabase.class));
    }

    @Property(tries = 2200, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void shouldAnswerEveryHostileRequestWithAProblemAndChangeNothing(@ForAll("hostileRequests") Hostile request) {
        MongoDatabase database = qms.bean(MongoDatabase.class);
        long events = StoredState.eventCommits(database);
        RawHttp.Answer answer = RawHttp.send(qms.api().port(), request.head(credentials(request)), request.body());

        assertThat(StoredState.eventCommits(database)).as(request + " -> " + answer + " caused an event").isEqualTo(events);
        assertThat(answer.status()).as(request + " -> " + answer).isBetween(400, 499);
        assertThat(answer.contentType()).as(request + " -> " + answer).startsWith("application/problem+json");
        assertThat(answer.body()).as(request + " -> " + answer)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContain("springframework").doesNotContain("vn.qms").doesNotContainIgnoringCase("<html");
    }

    @AfterProperty
    void nothingStoredChanged() throws InterruptedException {
        Thread.sleep(300); // a stray event, had there been one, reaches the read models meanwhile
        assertThat(StoredState.snapshot(qms.bean(MongoDatabase.class))).isEqualTo(before);
    }

    private String credentials(Hostile request) {
        return switch (request.as()) {
            case SECRETARY -> "Authorization: Bearer " + secretary;
            case INSPECTOR -> "Authorization: Bearer " + inspector;
            case AS_GIVEN -> null;
        };
    }

    enum As { SECRETARY, INSPECTOR, AS_GIVEN }

    /**
     * @param why     the reason it is invalid, shown when it is not answered as such
     * @param target  the request-target, raw (percent-encoding is the generator's business)
     * @param headers extra header lines, raw
     */
    record Hostile(String why, As as, String method, String target, List<String> headers, byte[] body, boolean chunked) {

        String head(String authorization) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close");
            if (authorization != null) {
                head.append("\r\n").append(authorization);
            }
            headers.forEach(h -> head.append("\r\n").append(h));
            if (chunked) {
                head.append("\r\nTransfer-Encoding: chunked");
            } else if (body.length > 0 && headers.stream().noneMatch(h -> h.toLowerCase().startsWith("content-length"))) {
                head.append("\r\nContent-Length: ").append(body.length);
            }
            return head.toString();
        }

        @Override
        public byte[] body() {
            if (!chunked) {
                return body;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            String shownTarget = target.length() > 120 ? target.substring(0, 120) + "…" : target;
            String shownBody = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return why + ": " + method + " " + shownTarget + " " + (body.length > 160 ? shownBody + "… (" + body.length + " bytes)" : shownBody);
        }
    }

    // ---- the generators: each request is invalid for the reason it states ----

    @Provide
    Arbitrary<Hostile> hostileRequests() {
        return Arbitraries.frequencyOf(
                Tuple.of(16, wrongJsonTypes()),
                Tuple.of(8, dollarKeys()),
                Tuple.of(8, operatorStrings()),
                Tuple.of(6, hugeNumbers()),
                Tuple.of(4, deepNesting()),
                Tuple.of(1, tenMebibyteBodies()),
                Tuple.of(8, invalidUtf8()),
                Tuple.of(8, controlCharacters()),
                Tuple.of(10, trickyIdsAndCodes()),
                Tuple.of(4, overLongHeaders()),
                Tuple.of(8, wrongContentTypes()),
                Tuple.of(6, wrongMethods()),
                Tuple.of(8, malformedJson()),
                Tuple.of(5, badCredentials()));
    }

    /** A write endpoint: where its body goes and the valid body it is mutated from. */
    private record Write(String name, String path, ObjectNode validBody, List<String> stringFields, List<String> requiredFields) {
    }

    private Arbitrary<Write> writes() {
        return Arbitraries.of("issue", "revise", "withdraw").map(this::write);
    }

    private Write write(String name) {
        return switch (name) {
            case "issue" -> new Write(name, "/api/documents",
                    DocumentControlApiContract.issueBody(ORG, "QT-99", "Quy trình thử", "Nội dung"),
                    List.of("organizationId", "type", "code", "title", "content", "effectiveFrom",
                            "approval.approvedBy", "approval.position", "approval.approvedAt", "approval.decisionNumber"),
                    List.of("organizationId", "type", "code", "title", "content"));
            case "revise" -> new Write(name, "/api/documents/" + fixture + "/revisions",
                    DocumentControlApiContract.reviseBody(2, "Bản 3"),
                    List.of("title", "content", "changeSummary", "changeReason", "effectiveFrom"),
                    List.of("content", "changeSummary", "changeReason"));
            default -> new Write(name, "/api/documents/" + fixture + "/withdrawal",
                    Api.object().put("reason", "Thu hồi"), List.of("reason", "supersededBy", "effectiveFrom"), List.of("reason"));
        };
    }

    private Arbitrary<Hostile> wrongJsonTypes() {
        List<String> notAString = List.of("123", "-1", "1.5", "true", "false", "[]", "[\"x\"]", "{}", "{\"$gt\":\"\"}",
                "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}", "{\"$regex\":\".*\"}", "[{\"$gt\":\"\"}]");
        List<String> notAnInteger = List.of("\"2\"", "true", "[]", "{}", "{\"$gt\":0}", "2.0", "1.5", "\"$gt\"", "null", "[2]");
        List<String> notAnObject = List.of("\"x\"", "1", "true", "[]", "{\"$gt\":\"\"}", "{\"$where\":\"1\"}", "[{}]");
        return writes().flatMap(write -> {
            List<Tuple.Tuple2<String, String>> cases = new ArrayList<>();
            write.stringFields().forEach(f -> notAString.forEach(v -> cases.add(Tuple.of(f, v))));
            write.requiredFields().forEach(f -> cases.add(Tuple.of(f, "null")));
            if (write.name().equals("revise")) {
                notAnInteger.forEach(v -> cases.add(Tuple.of("expectedRevision", v)));
            }
            if (!write.name().equals("withdraw")) {
                notAnObject.forEach(v -> cases.add(Tuple.of("approval", v)));
            }
            return Arbitraries.of(cases).map(c -> json("wrong JSON type in " + write.name() + "." + c.get1(), As.SECRETARY,
                    "POST", write.path(), replace(write.validBody(), c.get1(), c.get2())));
        });
    }

    private Arbitrary<Hostile> dollarKeys() {
        Arbitrary<String> keys = Arbitraries.of("$where", "$gt", "$set", "$ne", "$expr", "$function", "a.$b", "$", "__proto__",
                "$organizationId", "$title", "$content", "$reason", "title.$", "$$ROOT");
        return Combinators.combine(writes(), keys, Arbitraries.of(true, false)).as((write, key, nested) -> {
            ObjectNode body = write.validBody().deepCopy();
            ObjectNode into = nested && body.has("approval") ? (ObjectNode) body.get("approval") : body;
            into.putObject(key).put("$gt", "");
            return json("unknown property " + key, As.SECRETARY, "POST", write.path(), body.toString());
        });
    }

    private Arbitrary<Hostile> operatorStrings() {
        Arbitrary<String> operators = Arbitraries.of("$where", "$gt", "{\"$ne\":null}", "{\"$gt\":\"\"}", "'; return true; var x='",
                "this.password.match(/.*/)", "$regex:.*", "{\"$where\":\"sleep(5000)\"}");
        Arbitrary<Hostile> inBodies = Combinators.combine(operators, Arbitraries.of(
                "issue:organizationId", "issue:type", "issue:effectiveFrom", "issue:approval.approvedAt",
                "revise:effectiveFrom", "revise:approval.approvedAt", "withdraw:supersededBy", "withdraw:effectiveFrom"))
                .as((operator, where) -> {
                    Write write = write(where.split(":")[0]);
                    String field = where.split(":")[1];
                    return json("operator text is no valid " + field, As.SECRETARY, "POST", write.path(),
                            replace(write.validBody(), field, Api.JSON.valueToTree(operator).toString()));
                });
        Arbitrary<Hostile> inParameters = Combinators.combine(operators, Arbitraries.of(
                "/api/documents?organizationId=", "/api/documents?type=", "/api/documents?status=", "/api/documents?asOf=",
                "/api/documents?page=", "/api/documents?size=", "/api/audit-trail?organizationId=", "/api/audit-trail?from=",
                "/api/audit-trail?to=", "/api/audit-trail?size=", "/api/documents/{id}?asOf="))
                .as((operator, prefix) -> get("operator text is no valid parameter " + prefix,
                        prefix.replace("{id}", fixture) + encode(operator)));
        Arbitrary<Hostile> inIds = operators.map(operator -> get("operator text is no document id",
                "/api/documents/" + encode(operator)));
        return Arbitraries.oneOf(inBodies, inParameters, inIds);
    }

    private Arbitrary<Hostile> hugeNumbers() {
        Arbitrary<String> numbers = Arbitraries.of("1" + "0".repeat(5000), "-" + "9".repeat(400), "1e999999999", "1e400", "-1e400",
                "99999999999999999999", "2147483648", "-2147483649", "0.0000000000000000000000000001", "1" + "0".repeat(1001));
        Arbitrary<Hostile> inBodies = numbers.map(n -> json("a number no field accepts", As.SECRETARY, "POST",
                "/api/documents/" + fixture + "/revisions", replace(write("revise").validBody(), "expectedRevision", n)));
        Arbitrary<Hostile> inParameters = Combinators.combine(numbers, Arbitraries.of("page", "size"))
                .as((n, p) -> get("a page parameter out of range", "/api/documents?" + p + "=" + encode(n)));
        return Arbitraries.oneOf(inBodies, inParameters);
    }

    private Arbitrary<Hostile> deepNesting() {
        return Combinators.combine(Arbitraries.of(1_001, 5_000, 10_000, 50_000), Arbitraries.of("array", "object", "in title", "in approval"))
                .as((depth, shape) -> {
                    String nested = shape.equals("array") || shape.equals("in approval")
                            ? "[".repeat(depth) + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                    String body = switch (shape) {
                        case "in title" -> replace(write("issue").validBody(), "title", nested);
                        case "in approval" -> replace(write("issue").validBody(), "approval", nested);
                        default -> nested;
                    };
                    return json("JSON nested " + depth + " deep (" + shape + ")", As.SECRETARY, "POST", "/api/documents", body);
                });
    }

    private Arbitrary<Hostile> tenMebibyteBodies() {
        return Arbitraries.of("declared", "chunked", "understated").map(kind -> {
            byte[] body = ("{\"organizationId\":\"" + ORG + "\",\"type\":\"PROCEDURE\",\"code\":\"QT-98\",\"title\":\"T\",\"content\":\""
                    + "ệ".repeat(10 * MIB / 3) + "\"}").getBytes(StandardCharsets.UTF_8);
            return switch (kind) {
                case "declared" -> new Hostile("10 MiB body over the limit", As.SECRETARY, "POST", "/api/documents",
                        List.of("Content-Type: application/json"), body, false);
                case "chunked" -> new Hostile("10 MiB chunked body over the limit", As.SECRETARY, "POST", "/api/documents",
                        List.of("Content-Type: application/json"), body, true);
                default -> new Hostile("Content-Length far below the 10 MiB sent: a truncated body", As.SECRETARY, "POST",
                        "/api/documents", List.of("Content-Type: application/json", "Content-Length: 100"), body, false);
            };
        });
    }

    private Arbitrary<Hostile> invalidUtf8() {
        List<byte[]> broken = List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE, (byte) 0xFF}, new byte[]{(byte) 0xC3, 0x28},
                new byte[]{(byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        Arbitrary<Hostile> inBodies = Combinators.combine(writes(), Arbitraries.of(broken), Arbitraries.integers().between(0, 9))
                .as((write, bytes, pick) -> {
                    String field = write.stringFields().get(pick % write.stringFields().size());
                    String marker = "\u0001MARK\u0001";
                    byte[] body = replace(write.validBody(), field, Api.JSON.valueToTree("Quy trình" + marker).toString())
                            .getBytes(StandardCharsets.UTF_8);
                    return new Hostile("invalid UTF-8 in " + write.name() + "." + field, As.SECRETARY, "POST", write.path(),
                            List.of("Content-Type: application/json"), splice(body, "\\u0001MARK\\u0001", bytes), false);
                });
        Arbitrary<Hostile> inPaths = Arbitraries.of("%C3%28", "%FF", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F8%88%80%80")
                .map(bad -> get("invalid UTF-8 in a document id", "/api/documents/" + fixture + bad));
        Arbitrary<Hostile> rawInPaths = Arbitraries.of(broken).map(bytes -> new Hostile("raw non-ASCII bytes in the URL", As.SECRETARY,
                "GET", "/api/documents/" + new String(bytes, StandardCharsets.ISO_8859_1), List.of(), new byte[0], false));
        return Arbitraries.oneOf(inBodies, inPaths, rawInPaths);
    }

    private Arbitrary<Hostile> controlCharacters() {
        Arbitrary<Character> controls = Arbitraries.of('\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b');
        Arbitrary<Hostile> escaped = Combinators.combine(writes(), controls, Arbitraries.integers().between(0, 9))
                .as((write, c, pick) -> {
                    String field = write.stringFields().get(pick % write.stringFields().size());
                    return json("control character U+" + String.format("%04X", (int) c) + " in " + write.name() + "." + field,
                            As.SECRETARY, "POST", write.path(), replace(write.validBody(), field, Api.JSON.valueToTree("Quy" + c + "trình").toString()));
                });
        Arbitrary<Hostile> raw = Combinators.combine(writes(), Arbitraries.of('\u0001', '\u0000', '\n', '\u001f')).as((write, c) -> {
            String body = write.validBody().toString().replaceFirst(":\"", ":\"" + c);
            return json("unescaped control character in a JSON string", As.SECRETARY, "POST", write.path(), body);
        });
        Arbitrary<Hostile> bidi = Combinators.combine(Arbitraries.of("code", "title", "approval.approvedBy"), Arbitraries.of('\u202E', '\u202D', '\u2066', '\u2069'))
                .as((field, c) -> json("bidirectional control in one-line text " + field, As.SECRETARY, "POST", "/api/documents",
                        replace(write("issue").validBody(), field, Api.JSON.valueToTree("QT" + c + "01").toString())));
        Arbitrary<Hostile> inParameters = Combinators.combine(controls, Arbitraries.of("/api/documents?q=", "/api/documents?organizationId=",
                        "/api/audit-trail?actor=", "/api/audit-trail?documentId="))
                .as((c, prefix) -> get("control character in a query parameter", prefix + encode("ab" + c + "c")));
        return Arbitraries.oneOf(escaped, raw, bidi, inParameters);
    }

    private Arbitrary<Hostile> trickyIdsAndCodes() {
        Arbitrary<String> pathTricks = Arbitraries.of("..", "../..", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e",
                "%2e%2e%2f%2e%2e", "%252e%252e%252f", "..;", "..%3b", "%00", "x%00", "%2F", "%5c..%5c", "..\\..", ".%2e/",
                "%EF%BC%8E%EF%BC%8E%EF%BC%8F", "%E2%80%AE" + "abc", "%CC%81", "a%CC%81", "%EF%BC%90", "%E2%80%8B", "%C0%AE%C0%AE");
        Arbitrary<Hostile> inIds = Combinators.combine(pathTricks, Arbitraries.of("", "/revisions", "/revisions/1", "/audit-trail"),
                        Arbitraries.of("before", "instead", "after"))
                .as((trick, rest, where) -> {
                    String id = switch (where) {
                        case "before" -> trick + "/" + fixture;
                        case "instead" -> trick;
                        default -> fixture + trick;
                    };
                    return get("no document has the id " + id, "/api/documents/" + id + rest);
                });
        Arbitrary<Hostile> inWriteIds = Combinators.combine(pathTricks, Arbitraries.of("revise", "withdraw")).as((trick, name) -> {
            Write write = write(name);
            return json("no document has this id", As.SECRETARY, "POST", write.path().replace(fixture, fixture + trick),
                    write.validBody().toString());
        });
        Arbitrary<String> textTricks = Arbitraries.of("ＱＴ－０１", "QT-01\u0301", "Q\u0323T-01", Normalizer.normalize("QT-Đổi", Normalizer.Form.NFD),
                "\u202EQT-01", "QT\u200B-01", "../QT-01", "..\\QT", "%2e%2e", "QT-01\uFEFF", "ǅ", "𝐐𝐓-01");
        Arbitrary<Hostile> inOrganizations = textTricks.map(t -> json("an organization id must be a lower-case slug", As.SECRETARY, "POST",
                "/api/documents", replace(write("issue").validBody(), "organizationId", Api.JSON.valueToTree("ubnd-" + t).toString())));
        // Such codes are valid text; the request is refused for its effective date, so that none is stored.
        Arbitrary<Hostile> inCodes = textTricks.map(t -> {
            ObjectNode body = write("issue").validBody().put("code", t).put("effectiveFrom", "31/12/2025");
            return json("effectiveFrom is not ISO-8601 (code " + t + ")", As.SECRETARY, "POST", "/api/documents", body.toString());
        });
        Arbitrary<Hostile> inParameters = Combinators.combine(textTricks, Arbitraries.of("organizationId", "type", "status", "asOf"))
                .as((t, p) -> get("a parameter that must be a slug, a name or a date", "/api/documents?" + p + "=" + encode(t)));
        Arbitrary<Hostile> overLongCodes = textTricks.map(t -> json("code over 40 characters", As.SECRETARY, "POST", "/api/documents",
                write("issue").validBody().put("code", t + "X".repeat(41)).toString()));
        return Arbitraries.oneOf(inIds, inWriteIds, inOrganizations, inCodes, inParameters, overLongCodes);
    }

    private Arbitrary<Hostile> overLongHeaders() {
        return Arbitraries.of("one", "bearer", "many", "url", "cookie").map(kind -> {
            String pad = "a".repeat(64 * 1024);
            return switch (kind) {
                case "one" -> new Hostile("a 64 KiB header", As.SECRETARY, "GET", "/api/documents", List.of("X-Pad: " + pad), new byte[0], false);
                case "bearer" -> new Hostile("a 64 KiB bearer token", As.AS_GIVEN, "GET", "/api/documents",
                        List.of("Authorization: Bearer " + pad), new byte[0], false);
                case "many" -> {
                    List<String> headers = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        headers.add("X-Pad-" + i + ": " + "b".repeat(400));
                    }
                    yield new Hostile("200 headers, 80 KiB", As.SECRETARY, "GET", "/api/documents", headers, new byte[0], false);
                }
                case "url" -> get("a 64 KiB URL", "/api/documents?q=" + pad);
                default -> new Hostile("a 64 KiB cookie", As.SECRETARY, "POST", "/api/documents",
                        List.of("Cookie: JSESSIONID=" + pad, "Content-Type: application/json"),
                        write("issue").validBody().toString().getBytes(StandardCharsets.UTF_8), false);
            };
        });
    }

    private Arbitrary<Hostile> wrongContentTypes() {
        Arbitrary<String> types = Arbitraries.of("", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "text/json", "application/merge-patch+json", "application/jsonx", "application/json-seq",
                "application/json; charset=UTF-16", "text/html", "application/octet-stream", "*/*", "application/*", "json");
        return Combinators.combine(writes(), types).as((write, type) -> new Hostile(
                "a write must be sent as application/json, not '" + type + "'", As.SECRETARY, "POST", write.path(),
                type.isEmpty() ? List.of() : List.of("Content-Type: " + type),
                (type.contains("UTF-16") ? write.validBody().toString().getBytes(StandardCharsets.UTF_16LE)
                        : write.validBody().toString().getBytes(StandardCharsets.UTF_8)), false));
    }

    private Arbitrary<Hostile> wrongMethods() {
        Arbitrary<String> methods = Arbitraries.of("PUT", "PATCH", "DELETE", "TRACE", "FOO", "get", "PROPFIND");
        Arbitrary<String> paths = Arbitraries.of("/api/documents", "/api/documents/{id}", "/api/documents/{id}/revisions",
                "/api/documents/{id}/withdrawal", "/api/documents/{id}/revisions/1", "/api/audit-trail");
        Arbitrary<Hostile> unsupported = Combinators.combine(methods, paths).as((method, path) -> new Hostile(
                "no " + method + " on " + path, As.SECRETARY, method, path.replace("{id}", fixture),
                List.of("Content-Type: application/json"), write("issue").validBody().toString().getBytes(StandardCharsets.UTF_8), false));
        Arbitrary<Hostile> readOnlyPaths = Arbitraries.of("/api/audit-trail", "/api/documents/{id}/audit-trail", "/api/documents/{id}")
                .map(path -> new Hostile("no POST on " + path, As.SECRETARY, "POST", path.replace("{id}", fixture),
                        List.of("Content-Type: application/json"), "{}".getBytes(StandardCharsets.UTF_8), false));
        Arbitrary<Hostile> getOnWrites = Arbitraries.of("/api/documents/{id}/withdrawal")
                .map(path -> get("no GET on " + path, path.replace("{id}", fixture)));
        return Arbitraries.oneOf(unsupported, readOnlyPaths, getOnWrites);
    }

    private Arbitrary<Hostile> malformedJson() {
        return writes().flatMap(write -> {
            String valid = write.validBody().toString();
            return Arbitraries.of(
                    json("truncated JSON", As.SECRETARY, "POST", write.path(), valid.substring(0, valid.length() / 2)),
                    json("trailing garbage after the JSON", As.SECRETARY, "POST", write.path(), valid + "x"),
                    json("two JSON objects", As.SECRETARY, "POST", write.path(), valid + valid),
                    json("a key given twice", As.SECRETARY, "POST", write.path(), valid.replaceFirst("\\{", "{\"" + firstKey(write) + "\":\"x\",")),
                    json("a comment in JSON", As.SECRETARY, "POST", write.path(), "/* x */" + valid),
                    json("single quotes", As.SECRETARY, "POST", write.path(), valid.replace('"', '\'')),
                    json("NaN is no JSON number", As.SECRETARY, "POST", write.path(), valid.replaceFirst("\\}$", ",\"x\":NaN}")),
                    json("empty body", As.SECRETARY, "POST", write.path(), ""),
                    json("null body", As.SECRETARY, "POST", write.path(), "null"),
                    json("an array body", As.SECRETARY, "POST", write.path(), "[" + valid + "]"),
                    json("a string body", As.SECRETARY, "POST", write.path(), "\"" + valid.replace("\"", "\\\"") + "\""),
                    json("unquoted keys", As.SECRETARY, "POST", write.path(), valid.replaceAll("\"(\\w+)\":", "$1:")));
        });
    }

    private Arbitrary<Hostile> badCredentials() {
        Arbitrary<String> authorizations = Arbitraries.of("Authorization: Bearer", "Authorization: Bearer a b", "Authorization: Bearer ä",
                "Authorization: Bearer " + "A".repeat(43), "Authorization: Basic !!!", "Authorization: Basic "
                        + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                "Authorization: Negotiate YII=", "Authorization: bearer", "Authorization: Bearer {\"$gt\":\"\"}", "X-Forwarded-User: secretary");
        return Combinators.combine(writes(), authorizations).as((write, authorization) -> new Hostile(
                "not authenticated: " + authorization, As.AS_GIVEN, "POST", write.path(),
                List.of(authorization, "Content-Type: application/json"), write.validBody().toString().getBytes(StandardCharsets.UTF_8), false));
    }

    // ---- helpers ----

    private static Hostile json(String why, As as, String method, String path, String body) {
        return new Hostile(why, as, method, path, List.of("Content-Type: application/json"), body.getBytes(StandardCharsets.UTF_8), false);
    }

    private Hostile get(String why, String target) {
        As as = target.startsWith("/api/audit-trail") ? As.INSPECTOR : As.SECRETARY;
        return new Hostile(why, as, "GET", target, List.of(), new byte[0], false);
    }

    private static String firstKey(Write write) {
        return write.validBody().fieldNames().next();
    }

    /** The valid body with {@code field} (dotted into approval) replaced by raw JSON text. */
    private static String replace(ObjectNode valid, String field, String rawJson) {
        ObjectNode body = valid.deepCopy();
        String[] path = field.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.get(path[i]) instanceof ObjectNode child ? child : parent.putObject(path[i]);
        }
        String placeholder = "@@RAW@@";
        parent.put(path[path.length - 1], placeholder);
        return body.toString().replace("\"" + placeholder + "\"", rawJson);
    }

    private static byte[] splice(byte[] body, String marker, byte[] replacement) {
        byte[] pattern = marker.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + pattern.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + pattern.length, pattern, 0, pattern.length)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(body, 0, i);
                out.writeBytes(replacement);
                out.write(body, i + pattern.length, body.length - i - pattern.length);
                return out.toByteArray();
            }
        }
        throw new IllegalStateException("marker not found");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
