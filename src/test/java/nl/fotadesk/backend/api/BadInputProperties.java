package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Imei;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every management route (the list the server itself gives) and on the uplink: wrong
 * types, huge and astral-plane strings, bad numbers and dates, malformed JSON and CSV, odd query and
 * path values. Whatever comes, the answer is never a 5xx, and a refused request leaves every stored
 * thing as it was (compared through the API's own GET answers).
 */
class BadInputProperties {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String ASTRAL_64 = "𝐀".repeat(64);
    /** JSON values that break some rule wherever they land. */
    private static final List<String> BAD_VALUES = List.of(
            "123", "50.5", "-1", "0", "1e400", "-1e400", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "true", "null", "[]", "{}", "[null]", "[1]", "\"\"", "\" \"",
            "\"5\"", "\"true\"", q(ASTRAL_64), q("x".repeat(65)), q("x".repeat(129)), q("x".repeat(257)),
            q("x".repeat(100_000)), "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"tab\\there\"",
            "\"+1000000000-12-31T23:59:59.999999999Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"",
            "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"IN_SYNC\"", "\"in_sync\"", "\"random\"",
            "[\"" + "x".repeat(20) + "\"]", "[" + "[".repeat(3000) + "]".repeat(3000) + "]");
    /** Path values: percent-encoded as they go on the wire. */
    private static final List<String> BAD_PATH_VALUES = List.of(
            "x", "0", "-1", "%00", "nul%00l", "%F0%9D%90%80".repeat(64), "a".repeat(3000), "%2F", "%25", "%C0%AF",
            "%20", "..", "490154203237518", "00000000-0000-0000-0000-000000000000", "%FF%FE", "1e9");
    private static final List<String> QUERY_NAMES = List.of("offset", "limit", "phase", "state", "client", "deviceType",
            "status", "firmware", "imei", "dryRun", "since", "version");
    /** Query values, percent-encoded. Never a valid {@code wait}: a long poll would only cost time. */
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "", "-1", "0", "1", "2147483648", "-2147483649", "9223372036854775808", "1.5", "1e3", "NaN", "0x10",
            "%D9%A1", "%00", "%F0%9D%90%80".repeat(64), "x".repeat(2000), "true", "TRUE", "in_sync,%00", "failed,,x",
            "%C0%AF", "a%2Bb", "+", "acme", "tracker-x", "1.0.0");

    private Path dir;
    private TestBackend backend;
    private String deviceImei;
    private String firmwareId;
    private String groupId;
    private String campaignId;
    private List<String> routes;
    private String stored;

    /** The backend's configuration on its data folder: H2 here, PostgreSQL in a subclass. */
    BackendConfig config(Path dataDir) {
        BackendConfig config = BackendConfig.local(dataDir, 0, TestBackend.API_KEY);
        // sign-ins with generated credentials fail on purpose; the limit would soon refuse everything else
        return config.withSecrets(config.secrets().withAuthLimit(1_000_000, Duration.ofMinutes(1)));
    }

    @BeforeProperty
    void startAndSeed() throws Exception {
        dir = Files.createTempDirectory("bad-input");
        backend = new TestBackend(config(dir).withEngineTick(Duration.ZERO));
        routes = backend.server().apiRoutes();
        deviceImei = Imei.withCheckDigit("35693803000001");
        backend.registerDevice(deviceImei, "tracker-x", "1.0.0");
        backend.registerDevice(Imei.withCheckDigit("35693803000002"), "tracker-x", "1.0.0");
        firmwareId = backend.uploadFirmware("tracker-x", "2.0.0", new byte[]{1, 2, 3});
        groupId = backend.apiJson("POST", "/api/v1/groups",
                "{\"name\":\"pilot\",\"imeis\":[\"" + deviceImei + "\"]}", 201).get("id").asText();
        campaignId = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"c\",\"firmwareId\":\"" + firmwareId
                + "\",\"target\":{\"imeis\":[\"" + deviceImei + "\"]}}", 201).get("id").asText();
        stored = snapshot();
    }

    @AfterProperty
    void stop() throws Exception {
        backend.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 480)
    void managementRoutesNeverFailAndRefusalsChangeNothing(@ForAll("apiRequests") ApiRequest r) throws IOException {
        Statistics.label("route").collect(r.route);
        Request.Builder b = new Request.Builder().url(r.url).header("Authorization", "Bearer " + TestBackend.API_KEY);
        b.method(r.method, List.of("GET", "HEAD", "DELETE").contains(r.method) ? null : RequestBody.create(r.body, r.type));
        int status;
        String answer;
        try (Response response = backend.http.newCall(b.build()).execute()) {
            status = response.code();
            answer = response.body().string();
        }
        checkOutcome(r.method + " " + r.url + " " + preview(r.body), status, answer);
        Statistics.label("outcome").collect(status >= 400 ? "refused" : "accepted");
        Statistics.label("route").coverage(c -> routes.forEach(route -> c.check(route).count(n -> n > 0)));
    }

    @Property(tries = 120)
    void uplinksNeverFailAndRefusalsChangeNothing(@ForAll("uplinks") String pack) throws IOException {
        int status;
        String answer;
        try (Response response = backend.uplink(pack)) {
            status = response.code();
            answer = response.body().string();
        }
        checkOutcome("uplink " + preview(pack.getBytes(StandardCharsets.UTF_8)), status, answer);
        Statistics.collect(status >= 400 ? "refused" : "accepted");
        Statistics.coverage(c -> {
            c.check("refused").percentage(p -> p > 30);
            c.check("accepted").percentage(p -> p > 5);
        });
    }

    private void checkOutcome(String request, int status, String answer) throws IOException {
        assertThat(status).as(request + " → " + answer).isLessThan(500);
        String now = snapshot();
        if (status >= 400) {
            assertThat(now).as("stored data after the refused " + request + " → " + answer).isEqualTo(stored);
        }
        stored = now;
    }

    /** Everything the API shows, as one text. */
    private String snapshot() throws IOException {
        StringBuilder s = new StringBuilder();
        for (String path : List.of("/api/v1/clients", "/api/v1/device-types", "/api/v1/devices?limit=1000",
                "/api/v1/firmware", "/api/v1/groups", "/api/v1/campaigns", "/api/v1/events?since=0&limit=1000",
                "/api/v1/groups/" + groupId + "/imeis", "/api/v1/campaigns/" + campaignId + "/devices",
                "/api/v1/devices/" + deviceImei + "/history", "/api/v1/users", "/api/v1/tokens")) {
            try (Response r = backend.api("GET", path, null)) {
                s.append(path).append(' ').append(r.code()).append(' ').append(r.body().string()).append('\n');
            }
        }
        return s.toString();
    }

    record ApiRequest(String route, String method, HttpUrl url, byte[] body, MediaType type) {
    }

    @Provide
    Arbitrary<ApiRequest> apiRequests() {
        // every route as often as the others: edge cases would favour the first route of the list
        Arbitrary<String> route = Arbitraries.of(routes).withoutEdgeCases();
        Arbitrary<Boolean> head = Arbitraries.of(false, false, false, true);
        return route.flatMap(rt -> Combinators.combine(pathFor(rt), queries(), bodyFor(rt), head).as((path, query, body, asHead) -> {
            String method = rt.startsWith("GET ") && asHead ? "HEAD" : rt.substring(0, rt.indexOf(' '));
            HttpUrl url = HttpUrl.get(backend.url() + path + query);
            MediaType type = rt.endsWith("/firmware") ? MediaType.get("application/octet-stream")
                    : rt.endsWith("/import") ? MediaType.get("text/csv") : JSON;
            return new ApiRequest(rt, method, url, body, type);
        }));
    }

    /** The route's template with each parameter a real value (sometimes) or an odd one. */
    private Arbitrary<String> pathFor(String route) {
        String template = route.substring(route.indexOf(' ') + 1);
        String real = template.startsWith("/api/v1/devices/") ? deviceImei : template.startsWith("/api/v1/groups/")
                ? groupId : template.startsWith("/api/v1/campaigns/") ? campaignId : firmwareId;
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(real)),
                Tuple.of(1, Arbitraries.just(real.toUpperCase() + "x")),
                Tuple.of(6, Arbitraries.of(BAD_PATH_VALUES))
        ).map(value -> template.replaceAll("\\{[^}]+}", value));
    }

    private Arbitrary<String> queries() {
        Arbitrary<String> one = Combinators.combine(Arbitraries.of(QUERY_NAMES), Arbitraries.of(BAD_QUERY_VALUES))
                .as((name, value) -> name + "=" + value);
        return one.list().ofMaxSize(3).map(list -> list.isEmpty() ? "" : "?" + String.join("&", list));
    }

    private Arbitrary<byte[]> bodyFor(String route) {
        if (route.endsWith("/firmware")) {
            return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        }
        if (route.endsWith("/import")) {
            return csv();
        }
        JsonNode template = templateFor(route);
        Arbitrary<String> text = template == null ? Arbitraries.just("{}") : mutated(template);
        return Arbitraries.frequencyOf(
                Tuple.of(6, text),
                Tuple.of(3, text.flatMap(BadInputProperties::broken)),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "{", "\"x\"", "1", "[{}]", "{}{}",
                        "[" .repeat(5000)))
        ).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid body of the route, with one value replaced by a bad one. */
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
                body + " trailing", body + body, body + "}", body.replaceFirst("\\{\"([^\"]+)\":", "{\"$1\":1,\"$1\":"),
                body.substring(0, body.length() / 2), body.replace("\"", "'"), "\uFEFF" + body,
                body.replace(":", ":\u0000"));
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

    private JsonNode templateFor(String route) {
        String newImei = Imei.withCheckDigit("35693803000099");
        String device = "{\"imei\":\"" + newImei + "\",\"deviceType\":\"tracker-x\",\"client\":\"acme\","
                + "\"secret\":\"" + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}";
        String json = switch (route) {
            case "POST /api/v1/devices" -> device;
            case "POST /api/v1/devices/bulk" -> "[" + device + "]";
            case "PUT /api/v1/devices/{imei}/desired" -> "{\"firmwareId\":\"" + firmwareId + "\"}";
            case "POST /api/v1/clients", "POST /api/v1/device-types" -> "{\"name\":\"n\",\"description\":\"d\"}";
            case "POST /api/v1/groups", "PUT /api/v1/groups/{id}" -> route.startsWith("POST")
                    ? "{\"name\":\"g\",\"filter\":{\"client\":\"acme\",\"deviceType\":\"tracker-x\",\"firmware\":\"1.0.0\","
                    + "\"status\":\"in_sync\"}}" : "{\"name\":\"g\",\"imeis\":[\"" + deviceImei + "\"]}";
            case "POST /api/v1/campaigns", "POST /api/v1/campaigns/preview" -> "{\"name\":\"c\",\"firmwareId\":\""
                    + firmwareId + "\",\"target\":{\"client\":\"acme\",\"deviceType\":\"tracker-x\",\"groupId\":\""
                    + groupId + "\",\"imeis\":[\"" + deviceImei + "\"],\"cap\":1,\"capOrder\":\"imei\"},"
                    + "\"phases\":[{\"percent\":50},{\"count\":2}],\"successThreshold\":90,\"errorThreshold\":10,"
                    + "\"deviceTimeoutSeconds\":3600,\"maxRetries\":1,\"scheduledAt\":\"2026-01-01T00:00:00Z\","
                    + "\"vendorStrict\":false,\"start\":false}";
            default -> null;
        };
        try {
            return json == null ? null : StrictJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Arbitrary<byte[]> csv() {
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
                Tuple.of(5, text.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, text.map(s -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE))),
                Tuple.of(1, Arbitraries.of(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[]{(byte) 0xC0, (byte) 0xAF, ','}, "imei,\"deviceType,client\n".getBytes(StandardCharsets.UTF_8),
                        "imei,imei,deviceType,client\n1,2,3,4".getBytes(StandardCharsets.UTF_8), new byte[0])),
                Tuple.of(1, text.map(s -> (s + "\n" + Imei.withCheckDigit("35693803000088")
                        + ",tracker-x,acme,,1.0\u00A0\u0080").getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Provide
    Arbitrary<String> uplinks() {
        Arbitrary<String> record = Arbitraries.oneOf(
                Arbitraries.of("firmware", "fotaState").flatMap(n -> Arbitraries.of(
                        "\"vs\":" + q("𝐀".repeat(40)), "\"vs\":" + q("x".repeat(65)), "\"vs\":" + q("x".repeat(17)),
                        "\"vs\":\"\"", "\"vs\":\"a\\u0000\"", "\"vs\":\"\\ud800\"", "\"v\":3", "\"vb\":true",
                        "\"vs\":\"1.0.0\"", "\"vs\":\"downloading\"", "\"vs\":\"2.0.0\"").map(v -> "{\"n\":\"" + n + "\"," + v + "}")),
                Arbitraries.of("fotaProgress", "fotaResult").flatMap(n -> Arbitraries.of(
                        "\"v\":-1", "\"v\":101", "\"v\":256", "\"v\":1e300", "\"v\":-1e300", "\"v\":2.5", "\"v\":1e-300",
                        "\"v\":40", "\"v\":1", "\"vs\":\"40\"", "\"v\":9223372036854775807").map(v -> "{\"n\":\"" + n + "\"," + v + "}")),
                Combinators.combine(Arbitraries.strings().withChars("abcxyz").ofMinLength(1).ofMaxLength(3),
                        Arbitraries.of("\"v\":1", "\"vs\":" + q("x".repeat(3000)), "\"vs\":" + q(ASTRAL_64),
                                "\"vd\":" + q("A".repeat(1000)), "\"vb\":false"))
                        .as((n, v) -> "{\"n\":\"t" + n + "\"," + v + "}"),
                Arbitraries.just("{\"n\":\"" + "n".repeat(2100) + "\",\"v\":1}"));
        return record.list().ofMinSize(1).ofMaxSize(4).map(records -> {
            StringBuilder s = new StringBuilder("[{\"bn\":\"" + DeviceUrn.of(deviceImei) + "\"}");
            records.forEach(r -> s.append(',').append(r));
            return s.append(']').toString();
        });
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static String preview(byte[] body) {
        String s = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
