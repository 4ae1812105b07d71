package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestDatabase;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every route: each management route (the list the server itself gives) in every try, so
 * each gets {@value #ROUNDS} generated requests, and the device-facing uplink and file server. Bodies are
 * built from each route's real fields ({@link BadBodies}); path ids are live ones ({@link FuzzFixture}), the
 * same mangled, another kind's, or nonsense; queries are odd. Whatever comes, the answer is never a 5xx,
 * and a refused request leaves every stored row and file as it was ({@link StoredState}: it may add only
 * the audit line of its own refusal, and a {@code 416} counts as a request of its download).
 */
class BadInputProperties {
    static final int ROUNDS = 30;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Path values: percent-encoded as they go on the wire; {@code @...@} are resolved by the fixture when sent. */
    private static final List<String> BAD_PATH_VALUES = List.of(
            "x", "0", "-1", "%00", "nul%00l", "%F0%9D%90%80".repeat(64), "a".repeat(3000), "%2F", "%25", "%C0%AF",
            "%20", "..", "490154203237518", "00000000-0000-0000-0000-000000000000", "%FF%FE", "1e9", "me", "current");
    private static final List<String> QUERY_NAMES = List.of("offset", "limit", "phase", "state", "client", "deviceType",
            "status", "firmware", "imei", "dryRun", "since", "until", "version", "actor", "action", "object", "staleDays",
            "format", "sort");
    /** Query values, percent-encoded. */
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "", "-1", "0", "1", "2147483648", "-2147483649", "9223372036854775808", "1.5", "1e3", "NaN", "0x10",
            "%D9%A1", "%00", "%F0%9D%90%80".repeat(64), "x".repeat(2000), "true", "TRUE", "in_sync,%00", "failed,,x",
            "%C0%AF", "a%2Bb", "+", "acme", "tracker-x", "1.0.0", "csv", "json", "submitted", "2026-01-01T00:00:00Z",
            "%2B1000000000-12-31T23:59:59Z", "%ZZ");
    /** Never a valid wait: a long poll would only cost time. */
    private static final List<String> BAD_WAITS = List.of("-1", "31", "99999999999", "1.5", "x", "%00");

    private Path dir;
    private TestBackend backend;
    private Database db;
    private FuzzFixture fixture;
    private List<String> routes;
    private StoredState stored;
    private Downlink download;
    private Downlink otherDownload;

    /** The database the backend runs on: H2 here, PostgreSQL in a subclass. */
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeProperty
    void startAndSeed() throws Exception {
        dir = Files.createTempDirectory("bad-input");
        BackendConfig config = database().config(dir, TestBackend.API_KEY).withEngineTick(Duration.ZERO);
        // sign-ins with generated credentials fail on purpose; the limit would soon refuse everything else.
        // The clock stands still, so using a token or session does not move its last-used time.
        backend = new TestBackend(config.withSecrets(config.secrets().withAuthLimit(1_000_000, Duration.ofMinutes(1))),
                new MutableClock(Instant.now()));
        db = backend.openDatabase();
        routes = backend.server().apiRoutes();
        fixture = new FuzzFixture(backend, db.jdbc());
        stored = storedNow();
    }

    @AfterProperty
    void stop() throws Exception {
        db.close();
        backend.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (database() == TestDatabase.POSTGRESQL) {
            TestPostgres.dropUnusedDatabases();
        }
    }

    /** Each try sends one request to every route, in the server's order. */
    @Property(tries = ROUNDS, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyManagementRouteNeverFailsAndItsRefusalsChangeNothing(@ForAll("everyRouteOnce") List<ApiRequest> round)
            throws IOException {
        assertThat(round).extracting(ApiRequest::route).isEqualTo(routes);
        for (ApiRequest r : round) {
            Request.Builder b = new Request.Builder().url(HttpUrl.get(backend.url() + path(r) + r.query))
                    .header("Authorization", "Bearer " + (r.asCaller ? fixture.callerToken : TestBackend.API_KEY));
            byte[] body = r.body.raw() != null ? r.body.raw() : fixture.fill(r.body.text()).getBytes(StandardCharsets.UTF_8);
            b.method(r.method, List.of("GET", "HEAD", "DELETE").contains(r.method) ? null : RequestBody.create(body, r.body.type()));
            Outcome outcome = send(b.build(), r.toString());
            Statistics.label("outcome").collect(r.route + " " + (outcome.status < 400 ? "accepted" : "refused"));
            if (outcome.status < 400) {
                fixture.repair(r.route.equals("PUT /api/v1/users/me/password"));
                stored = storedNow();
            }
        }
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void uplinksNeverFailAndRefusalsChangeNothing(@ForAll("uplinks") Uplink uplink) throws IOException {
        Request.Builder b = new Request.Builder().url(backend.url() + "/ingestion/m2m/senml/v1")
                .post(RequestBody.create(uplink.pack.getBytes(StandardCharsets.UTF_8), TestBackend.JSON));
        String token = switch (uplink.token) {
            case "valid" -> MessageToken.compute(uplink.pack.getBytes(StandardCharsets.UTF_8), TestBackend.SECRET);
            case "wrong secret" -> MessageToken.compute(uplink.pack.getBytes(StandardCharsets.UTF_8), "x" + TestBackend.SECRET);
            case "none" -> null;
            default -> uplink.token;
        };
        if (token != null) {
            b.headers(new Headers.Builder().addUnsafeNonAscii(MessageToken.HEADER, token).build());
        }
        Outcome outcome = send(b.build(), uplink.toString());
        Statistics.collect(outcome.status < 400 ? "accepted" : "refused");
        Statistics.coverage(c -> {
            c.check("refused").percentage(p -> p > 30);
            c.check("accepted").percentage(p -> p > 5);
        });
    }

    @Property(tries = 90, shrinking = ShrinkingMode.OFF)
    void theFileServerNeverFailsAndOnlyCountsWhatTheProtocolCounts(@ForAll("fileRequests") FileRequest r)
            throws IOException {
        if (download == null) {
            download = downlink(fixture.downloadingImei);
            backend.setDesired(fixture.imei, fixture.firmwareId);
            otherDownload = downlink(fixture.imei);
            stored = storedNow();
        }
        String id = switch (r.id) {
            case "@DOWNLOAD@" -> download.id();
            case "@OTHER@" -> otherDownload.id();
            default -> r.id;
        };
        Request.Builder b = new Request.Builder().url(backend.url() + "/f/v1/" + id)
                .method(r.method, r.method.equals("POST") ? RequestBody.create(new byte[1], null) : null);
        Headers.Builder headers = new Headers.Builder();
        if (r.authorization != null) {
            headers.addUnsafeNonAscii("Authorization", switch (r.authorization) {
                case "@TOKEN@" -> "Bearer " + download.token();
                case "@OTHER_TOKEN@" -> "Bearer " + otherDownload.token();
                case "@TOKEN_CHANGED@" -> "Bearer " + download.token().substring(0, download.token().length() - 2) + "xx";
                default -> r.authorization;
            });
        }
        if (r.range != null) {
            headers.addUnsafeNonAscii("Range", r.range);
        }
        b.headers(headers.build());
        long counted = stored.requestsCounted();
        Outcome outcome = send(b.build(), r.toString());
        long countedNow = stored.requestsCounted();
        if (outcome.status == 416) {
            assertThat(countedNow).as("a 416 counts as a request of its download: " + r).isEqualTo(counted + 1);
        }
        Statistics.collect(outcome.status);
    }

    private record Outcome(int status, String answer) {
    }

    /** What is stored, once the parts served so far are counted (the journal is counted every 0.5 s). */
    private StoredState storedNow() {
        backend.server().countServedParts();
        return StoredState.read(db.jdbc(), dir);
    }

    /**
     * Sends {@code request} and checks the rules: never a 5xx; after a refusal nothing stored has changed
     * (as {@link StoredState} allows). Keeps what is stored now as the next request's baseline.
     */
    private Outcome send(Request request, String what) throws IOException {
        int status;
        String answer;
        try (Response response = backend.http.newCall(request).execute()) {
            status = response.code();
            answer = response.body().string();
        }
        String described = what + " → " + status + " " + (answer.length() <= 300 ? answer : answer.substring(0, 300) + "…");
        assertThat(status).as(described).isLessThan(500);
        StoredState now = storedNow();
        if (status >= 400) {
            StoredState.assertRefusalChangedNothing(stored, now, described, status);
        }
        stored = now;
        return new Outcome(status, answer);
    }

    record ApiRequest(String route, String method, String template, List<String> pathValues, String query,
                      BadBodies.Body body, boolean asCaller) {
        @Override
        public String toString() {
            String path = template;
            for (String value : pathValues) {
                path = path.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(value.length() <= 60 ? value
                        : value.substring(0, 60) + "…"));
            }
            return method + " " + path + (query.length() <= 100 ? query : query.substring(0, 100) + "…")
                    + (asCaller ? " as " + FuzzFixture.CALLER : " with the API key") + " " + body;
        }
    }

    /** The request's path with its live ids filled in. */
    private String path(ApiRequest r) {
        Matcher m = PARAMETER.matcher(r.template);
        StringBuilder path = new StringBuilder();
        for (int i = 0; m.find(); i++) {
            String value = r.pathValues.get(i);
            String resolved = switch (value) {
                case "@REAL@" -> fixture.real(r.template, m.group(1), false);
                case "@REAL2@" -> fixture.real(r.template, m.group(1), true);
                case "@REALX@" -> fixture.real(r.template, m.group(1), false).toUpperCase() + "x";
                case "@FOREIGN@" -> fixture.foreign(r.template);
                default -> value;
            };
            m.appendReplacement(path, Matcher.quoteReplacement(resolved));
        }
        return m.appendTail(path).toString();
    }

    @Provide
    Arbitrary<List<ApiRequest>> everyRouteOnce() {
        return Combinators.combine(routes.stream().map(this::requestFor).toList()).as(list -> list);
    }

    private Arbitrary<ApiRequest> requestFor(String route) {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1);
        int parameters = (int) PARAMETER.matcher(template).results().count();
        Arbitrary<Boolean> head = Arbitraries.of(false, false, false, true);
        // a user's own things (tokens, password, session) exist only for a signed-in user, not for the API key
        Arbitrary<Boolean> asCaller = template.startsWith("/api/v1/tokens") || template.contains("/me/")
                || template.contains("/sessions/") ? Arbitraries.of(true, true, true, false) : Arbitraries.of(true, false);
        return Combinators.combine(pathValue().list().ofSize(parameters), queries(route), BadBodies.forRoute(route),
                head, asCaller).as((path, query, body, asHead, caller) -> new ApiRequest(route,
                method.equals("GET") && asHead ? "HEAD" : method, template, path, query, body, caller));
    }

    private static Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("@REAL@")),
                Tuple.of(2, Arbitraries.just("@REAL2@")),
                Tuple.of(1, Arbitraries.just("@REALX@")),
                Tuple.of(1, Arbitraries.just("@FOREIGN@")),
                Tuple.of(4, Arbitraries.of(BAD_PATH_VALUES)));
    }

    private static Arbitrary<String> queries(String route) {
        Arbitrary<String> one = Arbitraries.frequencyOf(
                Tuple.of(9, Combinators.combine(Arbitraries.of(QUERY_NAMES), Arbitraries.of(BAD_QUERY_VALUES))
                        .as((name, value) -> name + "=" + value)),
                Tuple.of(1, Arbitraries.of(BAD_WAITS).map(value -> "wait=" + value)));
        Arbitrary<String> odd = one.list().ofMaxSize(3).map(list -> list.isEmpty() ? "" : "?" + String.join("&", list));
        if (!route.equals("POST /api/v1/firmware")) {
            return odd;
        }
        // an upload names its image: mostly a valid type and an odd version, so the bytes are read
        return Arbitraries.frequencyOf(Tuple.of(1, odd), Tuple.of(3, Arbitraries.of(BAD_QUERY_VALUES)
                .map(version -> "?deviceType=tracker-x&version=" + version)));
    }

    record Uplink(String pack, String token) {
        @Override
        public String toString() {
            return "uplink (token " + (token.length() <= 20 ? token : token.substring(0, 20) + "…") + ") "
                    + (pack.length() <= 300 ? pack : pack.substring(0, 300) + "…");
        }
    }

    @Provide
    Arbitrary<Uplink> uplinks() {
        Arbitrary<String> record = Arbitraries.oneOf(
                Arbitraries.of("firmware", "fotaState").flatMap(n -> Arbitraries.of(
                        "\"vs\":" + BadBodies.q("𝐀".repeat(40)), "\"vs\":" + BadBodies.q("x".repeat(65)),
                        "\"vs\":" + BadBodies.q("x".repeat(17)), "\"vs\":\"\"", "\"vs\":\"a\\u0000\"", "\"vs\":\"\\ud800\"",
                        "\"v\":3", "\"vb\":true", "\"vs\":\"1.0.0\"", "\"vs\":\"downloading\"", "\"vs\":\"2.0.0\"")
                        .map(v -> "{\"n\":\"" + n + "\"," + v + "}")),
                Arbitraries.of("fotaProgress", "fotaResult").flatMap(n -> Arbitraries.of(
                        "\"v\":-1", "\"v\":101", "\"v\":256", "\"v\":1e300", "\"v\":-1e300", "\"v\":2.5", "\"v\":1e-300",
                        "\"v\":40", "\"v\":1", "\"vs\":\"40\"", "\"v\":9223372036854775807")
                        .map(v -> "{\"n\":\"" + n + "\"," + v + "}")),
                Combinators.combine(Arbitraries.strings().withChars("abcxyz").ofMinLength(1).ofMaxLength(3),
                        Arbitraries.of("\"v\":1", "\"vs\":" + BadBodies.q("x".repeat(3000)),
                                "\"vs\":" + BadBodies.q("𝐀".repeat(64)), "\"vd\":" + BadBodies.q("A".repeat(1000)),
                                "\"vb\":false", "\"v\":1,\"v\":2", "\"t\":-1e30,\"v\":1", "\"ut\":1"))
                        .as((n, v) -> "{\"n\":\"t" + n + "\"," + v + "}"),
                Arbitraries.just("{\"n\":\"" + "n".repeat(2100) + "\",\"v\":1}"));
        Arbitrary<String> base = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(DeviceUrn.of(fixture.imei))),
                Tuple.of(1, Arbitraries.of(DeviceUrn.of("490154203237518"), "urn:imei:x", "", "urn:imei:" + fixture.imei
                        + "𝐀")));
        Arbitrary<String> pack = Combinators.combine(base, record.list().ofMinSize(1).ofMaxSize(4)).as((bn, records) -> {
            StringBuilder s = new StringBuilder("[{\"bn\":\"" + bn + "\"}");
            records.forEach(r -> s.append(',').append(r));
            return s.append(']').toString();
        });
        Arbitrary<String> damaged = Arbitraries.frequencyOf(
                Tuple.of(8, pack),
                Tuple.of(1, pack.map(p -> p + " trailing")),
                Tuple.of(1, pack.map(p -> p.replaceFirst("\\{\"bn\":", "{\"bn\":\"x\",\"bn\":"))),
                Tuple.of(1, pack.map(p -> p.substring(0, p.length() / 2))),
                Tuple.of(1, Arbitraries.of("", "[]", "{}", "[{}]", "null", "[" + "[".repeat(4000))));
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("valid")),
                Tuple.of(1, Arbitraries.of("wrong secret", "none", "", "x".repeat(5000), "𝐀", "00")));
        return Combinators.combine(damaged, token).as(Uplink::new);
    }

    record FileRequest(String method, String id, String authorization, String range) {
    }

    @Provide
    Arbitrary<FileRequest> fileRequests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("GET")),
                Tuple.of(2, Arbitraries.just("HEAD")), Tuple.of(1, Arbitraries.of("POST", "DELETE", "OPTIONS")));
        Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("@DOWNLOAD@")),
                Tuple.of(1, Arbitraries.just("@OTHER@")),
                Tuple.of(2, Arbitraries.of("", "x", "%00", "..%2F..", "%F0%9D%90%80".repeat(64), "a".repeat(3000),
                        "00000000-0000-0000-0000-000000000000")));
        Arbitrary<String> auth = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("@TOKEN@")),
                Tuple.of(1, Arbitraries.of("@OTHER_TOKEN@", "@TOKEN_CHANGED@")),
                Tuple.of(2, Arbitraries.of("Bearer ", "Bearer x", "Basic eDp5", "Bearer " + "A".repeat(10_000),
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer 𝐀", "bearer")),
                Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> range = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("bytes=0-3", "bytes=4-", "bytes=-2", "bytes=9-9")),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.of("bytes=5-2", "bytes=-0", "bytes=10-", "bytes=0-0,5-6", "items=0-1",
                        "bytes=99999999999999999999-", "bytes=-99999999999999999999", "bytes= 1-2", "bytes=1-2 ",
                        "bytes=𝐀-1", "bytes=" + "0-1,".repeat(1000) + "2-3", "bytes=--1", "bytes=1e3-", "bytes=0x10-",
                        "bytes=", "bytes", "", "bytes=9990-99999999999999999999")));
        return Combinators.combine(method, id, auth, range).as(FileRequest::new);
    }

    private record Downlink(String url, String token) {
        String id() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    /** The download the device's next uplink is told about. */
    private Downlink downlink(String imei) throws IOException {
        String url = null;
        String token = null;
        try (Response r = backend.uplink(TestBackend.pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}"))) {
            String body = r.body().string();
            assertThat(r.code()).as(body).isEqualTo(200);
            for (JsonNode record : StrictJson.MAPPER.readTree(body)) {
                switch (record.path("n").asText()) {
                    case "url" -> url = record.get("vs").asText();
                    case "token" -> token = record.get("vs").asText();
                    default -> {
                    }
                }
            }
        }
        return new Downlink(url, token);
    }
}
