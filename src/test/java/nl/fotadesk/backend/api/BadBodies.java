package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.Imei;
import okhttp3.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Request bodies for {@link BadInputProperties}: each route's valid body (its real field names, with the
 * fixture's ids and a fresh number for new names as {@code @...@} placeholders filled in when sent), then broken: one value replaced by a
 * wrong type, an out-of-range number, an over-long or astral-plane string; a field left out or an unknown
 * one added; trailing tokens, a key twice, cut short. Also multipart bodies for filing a request, CSV for
 * the import and bytes for an upload.
 */
final class BadBodies {
    static final MediaType JSON = MediaType.get("application/json");
    static final String BOUNDARY = "fuzz-boundary-7Hq";
    private static final MediaType MULTIPART = MediaType.get("multipart/form-data; boundary=" + BOUNDARY);
    private static final String ASTRAL_64 = "𝐀".repeat(64);
    /** JSON values that break some rule wherever they land. */
    private static final List<String> BAD_VALUES = List.of(
            "123", "50.5", "-1", "0", "1e400", "-1e400", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "true", "null", "[]", "{}", "[null]", "[1]", "\"\"", "\" \"",
            "\"5\"", "\"true\"", q(ASTRAL_64), q("𝐀".repeat(40)), q("x".repeat(65)), q("x".repeat(129)),
            q("x".repeat(257)), q("x".repeat(4001)), q("x".repeat(100_000)), "\"\\u0000\"", "\"a\\u0000b\"",
            "\"\\ud800\"", "\"\\udc00x\"", "\"tab\\there\"", "\"+1000000000-12-31T23:59:59.999999999Z\"",
            "\"-999999999-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"25:00\"", "\"Mars/Olympus\"", "\"IN_SYNC\"", "\"in_sync\"", "\"random\"",
            "\"operator\"", "\"OPERATOR\"", "[\"" + "x".repeat(20) + "\"]", "[\"" + ASTRAL_64 + "\"]",
            "[" + "[".repeat(3000) + "]".repeat(3000) + "]", "{\"nested\":{\"deep\":[1,2,{}]}}");
    private static final String WINDOW = "{\"timeZone\":\"Europe/Amsterdam\",\"days\":[\"MON\",\"TUE\"],\"from\":\"01:00\","
            + "\"to\":\"05:00\",\"endsAt\":\"2031-01-01T00:00:00Z\"}";
    private static final String CAMPAIGN = "{\"name\":\"campaign-@N@\",\"firmwareId\":\"@FIRMWARE@\",\"target\":{\"client\":\"acme\","
            + "\"deviceType\":\"tracker-x\",\"groupId\":\"@GROUP@\",\"imeis\":[\"@IMEI@\"],\"cap\":1,\"capOrder\":\"imei\"},"
            + "\"phases\":[{\"percent\":50},{\"count\":2}],\"successThreshold\":90,\"errorThreshold\":10,"
            + "\"deviceTimeoutSeconds\":3600,\"maxRetries\":1,\"scheduledAt\":\"2030-01-01T00:00:00Z\","
            + "\"vendorStrict\":false,\"start\":false,\"window\":" + WINDOW + "}";
    private static final String DEVICE = "{\"imei\":\"" + Imei.withCheckDigit("35693803000099") + "\",\"deviceType\":"
            + "\"tracker-x\",\"client\":\"acme\",\"secret\":\"" + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}";
    /** The valid body of every route that reads JSON, by its real field names. */
    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            entry("POST /api/v1/sessions", "{\"username\":\"fuzz-victim\",\"password\":\"@PASSWORD@\"}"),
            entry("POST /api/v1/users", "{\"username\":\"new-user-@N@\",\"password\":\"@PASSWORD@\",\"role\":\"customer\","
                    + "\"client\":\"acme\",\"displayName\":\"New User\"}"),
            entry("PUT /api/v1/users/me/password", "{\"currentPassword\":\"@PASSWORD@\",\"newPassword\":\"another good password\"}"),
            entry("PATCH /api/v1/users/{username}", "{\"displayName\":\"Vic\",\"role\":\"supplier\",\"client\":null,"
                    + "\"deviceTypes\":[\"tracker-x\"],\"disabled\":false,\"password\":\"another good password\"}"),
            entry("POST /api/v1/tokens", "{\"name\":\"t\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}"),
            entry("POST /api/v1/devices", DEVICE),
            entry("POST /api/v1/devices/bulk", "[" + DEVICE + "]"),
            entry("PUT /api/v1/devices/{imei}/desired", "{\"firmwareId\":\"@FIRMWARE@\"}"),
            entry("POST /api/v1/clients", "{\"name\":\"client-@N@\"}"),
            entry("POST /api/v1/device-types", "{\"name\":\"type-@N@\",\"description\":\"d\"}"),
            entry("POST /api/v1/groups", "{\"name\":\"group-@N@\",\"filter\":{\"client\":\"acme\",\"deviceType\":\"tracker-x\","
                    + "\"firmware\":\"1.0.0\",\"status\":\"in_sync\"}}"),
            entry("PUT /api/v1/groups/{id}", "{\"name\":\"pilot-@N@\",\"imeis\":[\"@IMEI@\",\"@SPARE_IMEI@\"]}"),
            entry("POST /api/v1/campaigns/preview", CAMPAIGN),
            entry("POST /api/v1/campaigns", CAMPAIGN),
            entry("POST /api/v1/requests/{id}/comments", "{\"text\":\"looks fine\"}"),
            entry("POST /api/v1/requests/{id}/approve", "{\"name\":\"r\",\"phases\":[{\"percent\":50},{\"count\":1}],"
                    + "\"successThreshold\":90,\"errorThreshold\":10,\"deviceTimeoutSeconds\":3600,\"maxRetries\":1,"
                    + "\"scheduledAt\":\"2030-01-01T00:00:00Z\",\"window\":" + WINDOW + ",\"vendorStrict\":false}"),
            entry("POST /api/v1/requests/{id}/reject", "{\"reason\":\"not now\"}"),
            entry("POST /api/v1/campaigns/rehearsals", "{\"campaignId\":\"@CAMPAIGN@\",\"bearers\":{\"tracker-x\":\"NB_IOT\"},"
                    + "\"defaultBearer\":\"LTE_M\",\"pricePerMb\":0.5,\"runs\":2,\"seed\":1,\"partSize\":512,"
                    + "\"installSeconds\":30.0,\"rebootSeconds\":10.0}"),
            entry("POST /api/v1/requests", "{\"deviceType\":\"tracker-x\",\"version\":\"4.0.0\",\"releaseNotes\":\"n\","
                    + "\"target\":{\"imeis\":[\"@IMEI@\"]},\"window\":{\"earliestStart\":\"2030-01-01T00:00:00Z\","
                    + "\"latestEnd\":\"2030-02-01T00:00:00Z\",\"timeZone\":\"Europe/Amsterdam\",\"days\":[\"MON\"],"
                    + "\"from\":\"01:00\",\"to\":\"05:00\"},\"contact\":\"ops@example.net\"}"));
    /** Whole bodies that are wrong for any route. */
    private static final List<String> JUNK = List.of("", "null", "[]", "{}", "{", "\"x\"", "1", "[{}]", "{}{}",
            "[".repeat(5000), "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"unknown\":true}");

    private BadBodies() {
    }

    /** A body for {@code route}: JSON text (placeholders filled when sent) or raw bytes, with its type. */
    record Body(String text, byte[] raw, MediaType type) {
        static Body json(String text) {
            return new Body(text, null, JSON);
        }

        @Override
        public String toString() {
            String s = raw != null ? raw.length + " bytes" : text;
            return s.length() <= 160 ? s : s.substring(0, 160) + "… (" + s.length() + " chars)";
        }
    }

    static Arbitrary<Body> forRoute(String route) {
        if (route.equals("POST /api/v1/firmware")) {
            return Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
                    .map(b -> new Body(null, b, MediaType.get("application/octet-stream")));
        }
        if (route.equals("POST /api/v1/devices/import")) {
            return csv();
        }
        if (route.equals("POST /api/v1/requests")) {
            return multipart(TEMPLATES.get(route));
        }
        Arbitrary<String> text = json(TEMPLATES.get(route));
        return text.map(Body::json);
    }

    /** The route's valid JSON now and then, mostly broken; junk for a route that reads no body. */
    private static Arbitrary<String> json(String template) {
        if (template == null) {
            return Arbitraries.of(JUNK);
        }
        JsonNode tree = parse(template);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(template)),
                Tuple.of(6, mutated(tree)),
                Tuple.of(2, Arbitraries.of(fieldsOf(tree)).flatMap(field -> Arbitraries.of(
                        without(tree, field), template.replaceFirst("\\{", "{\"" + field + "x\":1,")))),
                Tuple.of(3, Arbitraries.just(template).flatMap(BadBodies::broken)),
                Tuple.of(1, Arbitraries.of(JUNK)));
    }

    /** The valid body with one value, anywhere in it, replaced by a bad one. */
    private static Arbitrary<String> mutated(JsonNode template) {
        List<String> paths = new ArrayList<>();
        leaves(template, "", paths);
        return Combinators.combine(Arbitraries.of(paths), Arbitraries.of(BAD_VALUES)).as((path, bad) -> {
            if (path.isEmpty()) {
                return bad;
            }
            String marker = "@@" + path + "@@";
            JsonNode copy = template.deepCopy();
            replace(copy, path, marker);
            return copy.toString().replace(q(marker), bad);
        });
    }

    /** Whole-body damage: trailing data, a key twice, cut short, two values, bad bytes. */
    private static Arbitrary<String> broken(String body) {
        return Arbitraries.of(
                body + " trailing", body + body, body + "}", body + " 1", body + "]",
                body.replaceFirst("\\{\"([^\"]+)\":", "{\"$1\":1,\"$1\":"),
                body.substring(0, body.length() / 2), body.replace("\"", "'"), "\uFEFF" + body,
                body.replace(":", ":\u0000"), body.replaceFirst("\\{", "{\"a\":1,\"a\":1,"), "[" + body + "]");
    }

    /** Filing a request: the multipart form with its JSON part broken like any body, or the form itself broken. */
    private static Arbitrary<Body> multipart(String request) {
        Arbitrary<String> json = json(request);
        Arbitrary<String> file = Arbitraries.of("\u0001\u0002\u0003", "", "x".repeat(5000), "𝐀");
        Arbitrary<String> form = Combinators.combine(json, file, Arbitraries.of("request", "Request", "file", "other"))
                .as((j, f, name) -> part(name, "application/json", j) + part("file", "application/octet-stream", f)
                        + "--" + BOUNDARY + "--\r\n");
        return Arbitraries.frequencyOf(
                Tuple.of(6, form.map(text -> new Body(text, null, MULTIPART))),
                Tuple.of(1, json.map(Body::json)),
                Tuple.of(1, form.map(text -> new Body(text, null, MediaType.get("multipart/form-data")))),
                Tuple.of(1, form.map(text -> new Body(text.substring(0, text.length() / 2), null, MULTIPART))),
                Tuple.of(1, json.map(j -> new Body(part("request", "application/json", j) + "--" + BOUNDARY + "--\r\n",
                        null, MULTIPART))));
    }

    private static String part(String name, String type, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (name.equals("file") ? "; filename=\"fw-𝐀.bin\"" : "") + "\r\nContent-Type: " + type + "\r\n\r\n"
                + content + "\r\n";
    }

    private static Arbitrary<Body> csv() {
        MediaType type = MediaType.get("text/csv");
        String header = "imei,deviceType,client,secret,firmware\n";
        Arbitrary<String> line = Combinators.combine(
                Arbitraries.of(Imei.withCheckDigit("35693803000077"), "12345", "", "\"" + "9".repeat(5000) + "\""),
                Arbitraries.of("tracker-x", ASTRAL_64, "x".repeat(65), "\u0000", "\"a,b\""),
                Arbitraries.of("acme", "\"open", "𝐀", ""),
                Arbitraries.of("", TestBackend.SECRET, "short"),
                Arbitraries.of("", "1.0.0", "𝐀".repeat(40), "x".repeat(65))
        ).as((a, b, c, d, e) -> String.join(",", a, b, c, d, e));
        Arbitrary<String> text = line.list().ofMaxSize(4).map(lines -> header + String.join("\n", lines));
        return Arbitraries.frequencyOf(
                Tuple.of(5, text.map(s -> new Body(s, null, type))),
                Tuple.of(1, text.map(s -> new Body(null, ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE), type))),
                Tuple.of(1, Arbitraries.of(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[]{(byte) 0xC0, (byte) 0xAF, ','}, "imei,\"deviceType,client\n".getBytes(StandardCharsets.UTF_8),
                        "imei,imei,deviceType,client\n1,2,3,4".getBytes(StandardCharsets.UTF_8), new byte[0])
                        .map(b -> new Body(null, b, type))),
                Tuple.of(1, text.map(s -> new Body(null, (s + "\n" + Imei.withCheckDigit("35693803000088")
                        + ",tracker-x,acme,,1.0\u00A0\u0080").getBytes(StandardCharsets.ISO_8859_1), type))));
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, out);
            }
        }
        out.add(path);
    }

    /** The top-level field names. */
    private static List<String> fieldsOf(JsonNode tree) {
        List<String> names = new ArrayList<>();
        if (tree.isObject()) {
            tree.fieldNames().forEachRemaining(names::add);
        } else if (tree.isArray() && tree.size() > 0) {
            tree.get(0).fieldNames().forEachRemaining(names::add);
        }
        return names.isEmpty() ? List.of("x") : names;
    }

    private static String without(JsonNode tree, String field) {
        JsonNode copy = tree.deepCopy();
        if (copy.isObject()) {
            ((ObjectNode) copy).remove(field);
        } else if (copy.isArray() && copy.get(0) instanceof ObjectNode first) {
            first.remove(field);
        }
        return copy.toString();
    }

    private static void replace(JsonNode root, String path, String marker) {
        String parentPath = path.substring(0, path.lastIndexOf('/'));
        String key = path.substring(path.lastIndexOf('/') + 1);
        JsonNode parent = parentPath.isEmpty() ? root : root.at(parentPath);
        if (parent instanceof ObjectNode o) {
            o.put(key, marker);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(key), a.textNode(marker));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return StrictJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }
}
