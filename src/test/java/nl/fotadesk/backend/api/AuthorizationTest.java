package nl.fotadesk.backend.api;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.accounts.Access;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.Imei;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static nl.fotadesk.backend.accounts.Access.CHANGE;
import static nl.fotadesk.backend.accounts.Access.OPERATOR;
import static nl.fotadesk.backend.accounts.Access.PUBLIC;
import static nl.fotadesk.backend.accounts.Access.READ;
import static nl.fotadesk.backend.accounts.Access.REQUEST;
import static nl.fotadesk.backend.accounts.Access.SELF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the management API, called by every kind of caller: nobody, the API key, and a user
 * of each role (through a personal token). The expected access of each route is written out here, so
 * a new route without its line in {@link #EXPECTED} fails, as does a route whose rule changes.
 */
class AuthorizationTest {
    private static final String PASSWORD = "correct horse battery";
    /** Who may call each route. Routes of services that do not scope to a user's devices yet are OPERATOR. */
    private static final Map<String, Access> EXPECTED = Map.ofEntries(
            entry("POST /api/v1/sessions", PUBLIC),
            entry("GET /api/v1/sessions/current", SELF),
            entry("DELETE /api/v1/sessions/current", SELF),
            entry("POST /api/v1/users", OPERATOR),
            entry("GET /api/v1/users", OPERATOR),
            entry("PUT /api/v1/users/me/password", SELF),
            entry("GET /api/v1/users/{username}", OPERATOR),
            entry("PATCH /api/v1/users/{username}", OPERATOR),
            entry("DELETE /api/v1/users/{username}", OPERATOR),
            entry("GET /api/v1/users/{username}/tokens", OPERATOR),
            entry("DELETE /api/v1/users/{username}/tokens/{id}", OPERATOR),
            entry("POST /api/v1/tokens", SELF),
            entry("GET /api/v1/tokens", SELF),
            entry("DELETE /api/v1/tokens/{id}", SELF),
            entry("GET /api/v1/audit", SELF),
            entry("POST /api/v1/devices", CHANGE),
            entry("GET /api/v1/devices", READ),
            entry("POST /api/v1/devices/bulk", CHANGE),
            entry("POST /api/v1/devices/import", CHANGE),
            entry("GET /api/v1/devices/{imei}", READ),
            entry("GET /api/v1/devices/{imei}/history", READ),
            entry("PUT /api/v1/devices/{imei}/desired", CHANGE),
            entry("POST /api/v1/firmware", CHANGE),
            entry("GET /api/v1/limits", READ),
            entry("GET /api/v1/firmware", READ),
            entry("GET /api/v1/firmware/{id}", READ),
            entry("DELETE /api/v1/firmware/{id}", OPERATOR),
            entry("GET /api/v1/firmware/{id}/content", READ),
            entry("GET /api/v1/clients", READ),
            entry("POST /api/v1/clients", OPERATOR),
            entry("GET /api/v1/device-types", READ),
            entry("POST /api/v1/device-types", OPERATOR),
            entry("POST /api/v1/groups", CHANGE),
            entry("GET /api/v1/groups", READ),
            entry("GET /api/v1/groups/{id}", READ),
            entry("PUT /api/v1/groups/{id}", CHANGE),
            entry("DELETE /api/v1/groups/{id}", CHANGE),
            entry("GET /api/v1/groups/{id}/imeis", READ),
            entry("GET /api/v1/groups/{id}/devices", READ),
            entry("POST /api/v1/campaigns/preview", CHANGE),
            entry("POST /api/v1/campaigns", CHANGE),
            entry("GET /api/v1/campaigns", READ),
            entry("GET /api/v1/campaigns/{id}", READ),
            entry("GET /api/v1/campaigns/{id}/progress", READ),
            entry("GET /api/v1/campaigns/{id}/devices", READ),
            entry("POST /api/v1/campaigns/{id}/start", CHANGE),
            entry("POST /api/v1/campaigns/{id}/pause", CHANGE),
            entry("POST /api/v1/campaigns/{id}/resume", CHANGE),
            entry("POST /api/v1/campaigns/{id}/cancel", CHANGE),
            entry("POST /api/v1/campaigns/{id}/retry", CHANGE),
            entry("POST /api/v1/requests", REQUEST),
            entry("GET /api/v1/requests", READ),
            entry("GET /api/v1/requests/{id}", READ),
            entry("POST /api/v1/requests/{id}/comments", REQUEST),
            entry("GET /api/v1/requests/{id}/review", OPERATOR),
            entry("POST /api/v1/requests/{id}/review", OPERATOR),
            entry("POST /api/v1/requests/{id}/approve", OPERATOR),
            entry("POST /api/v1/requests/{id}/reject", OPERATOR),
            entry("POST /api/v1/requests/{id}/withdraw", REQUEST),
            entry("GET /api/v1/requests/{id}/report", READ),
            entry("POST /api/v1/campaigns/rehearsals", OPERATOR),
            entry("GET /api/v1/campaigns/{id}/forecast", OPERATOR),
            entry("GET /api/v1/events", READ));

    /**
     * What the customer (client acme), the supplier (type tracker) and a viewer of client acme get on each
     * campaign route, for a campaign or target wholly in their scope, partly in it (acme's and globex's
     * trackers), and outside it: "customer IN PART OUT, ...". "ok" is a 2xx, or a 409 when the campaign's state
     * does not allow the step (the route reached the engine). A supplier's PART campaign is wholly theirs:
     * a campaign's devices are all of its firmware's type. Create and preview name the devices in their
     * body: PART targets client globex, OUT globex's meter with meter firmware.
     */
    private static final Map<String, String> CAMPAIGN_SCOPE = Map.ofEntries(
            entry("POST /api/v1/campaigns/preview", "customer ok 400 ok, supplier ok ok 400, scoped-viewer 403 403 403"),
            entry("POST /api/v1/campaigns", "customer ok 400 404, supplier ok ok 400, scoped-viewer 403 403 403"),
            entry("GET /api/v1/campaigns", "customer ok ok ok, supplier ok ok ok, scoped-viewer ok ok ok"),
            entry("GET /api/v1/campaigns/{id}", "customer ok ok 404, supplier ok ok 404, scoped-viewer ok ok 404"),
            entry("GET /api/v1/campaigns/{id}/progress", "customer ok ok 404, supplier ok ok 404, scoped-viewer ok ok 404"),
            entry("GET /api/v1/campaigns/{id}/devices", "customer ok ok 404, supplier ok ok 404, scoped-viewer ok ok 404"),
            entry("POST /api/v1/campaigns/{id}/start", "customer ok 403 404, supplier ok ok 404, scoped-viewer 403 403 403"),
            entry("POST /api/v1/campaigns/{id}/pause", "customer ok 403 404, supplier ok ok 404, scoped-viewer 403 403 403"),
            entry("POST /api/v1/campaigns/{id}/resume", "customer ok 403 404, supplier ok ok 404, scoped-viewer 403 403 403"),
            entry("POST /api/v1/campaigns/{id}/cancel", "customer ok 403 404, supplier ok ok 404, scoped-viewer 403 403 403"),
            entry("POST /api/v1/campaigns/{id}/retry", "customer ok 403 404, supplier ok ok 404, scoped-viewer 403 403 403"),
            entry("POST /api/v1/campaigns/rehearsals", "customer 403 403 403, supplier 403 403 403, scoped-viewer 403 403 403"),
            entry("GET /api/v1/campaigns/{id}/forecast", "customer 403 403 403, supplier 403 403 403, scoped-viewer 403 403 403"));
    private static final List<String> CASES = List.of("IN", "PART", "OUT");
    /**
     * The same for device registration and groups. Registration's body names (single, bulk of two, CSV of
     * two): IN acme's tracker (in both scopes), PART globex's tracker (the supplier's only; in bulk and CSV
     * beside an IN row), OUT globex's meter. A group route's {id} is IN the caller's own group (a fresh one
     * made by them; for a viewer or requester of acme, the customer's), PART a fresh operator's group holding
     * devices of both, OUT another party's own group (the supplier's for acme's users, the customer's for the
     * supplier). New group bodies: IN a filter on acme's trackers, PART a list naming globex's meter, OUT a
     * filter on globex's meters; a changed group's body lists acme's first tracker (in every scope).
     */
    private static final Map<String, String> WRITE_SCOPE = Map.ofEntries(
            entry("POST /api/v1/devices", "customer ok 400 400, supplier ok ok 400, scoped-viewer 403 403 403"),
            entry("POST /api/v1/devices/bulk", "customer ok 400 400, supplier ok ok 400, scoped-viewer 403 403 403"),
            entry("POST /api/v1/devices/import", "customer ok 400 400, supplier ok ok 400, scoped-viewer 403 403 403"),
            entry("POST /api/v1/groups", "customer ok 404 400, supplier ok 404 400, scoped-viewer 403 403 403"),
            entry("GET /api/v1/groups", "customer ok ok ok, supplier ok ok ok, scoped-viewer ok ok ok"),
            entry("GET /api/v1/groups/{id}", "customer ok ok 404, supplier ok ok 404, scoped-viewer ok ok 404"),
            entry("PUT /api/v1/groups/{id}", "customer ok 403 404, supplier ok 403 404, scoped-viewer 403 403 403"),
            entry("DELETE /api/v1/groups/{id}", "customer ok 403 404, supplier ok 403 404, scoped-viewer 403 403 403"),
            entry("GET /api/v1/groups/{id}/imeis", "customer ok ok 404, supplier ok ok 404, scoped-viewer ok ok 404"),
            entry("GET /api/v1/groups/{id}/devices", "customer ok ok 404, supplier ok ok 404, scoped-viewer ok ok 404"));
    /** Fresh IMEIs for the registrations of the write matrix. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_IMEI = new java.util.concurrent.atomic.AtomicLong(35693803200000L);

    private static final String ACME_TRACKER_1 = Imei.withCheckDigit("35693803100101");
    private static final String ACME_TRACKER_2 = Imei.withCheckDigit("35693803100102");
    private static final String GLOBEX_TRACKER = Imei.withCheckDigit("35693803100201");
    private static final String GLOBEX_METER = Imei.withCheckDigit("35693803100202");
    /** Per case: the campaign, and the body of a new campaign or preview. */
    static final Map<String, String> CAMPAIGNS = new LinkedHashMap<>();
    static final Map<String, String> NEW_CAMPAIGNS = new LinkedHashMap<>();

    /** Routes about the caller's own account: the API key has none (403). */
    private static final Set<String> USER_ONLY = Set.of("PUT /api/v1/users/me/password", "POST /api/v1/tokens");

    @TempDir
    static Path data;
    static TestBackend backend;
    /** Bearer value per caller; null: no Authorization header. */
    static final Map<String, String> CALLERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        // a limit no test run reaches: the anonymous calls below fail authentication on purpose
        BackendConfig config = BackendConfig.local(data, 0, TestBackend.API_KEY);
        config = config.withSecrets(config.secrets().withAuthLimit(100_000, Duration.ofMinutes(1)));
        backend = new TestBackend(config);
        backend.apiJson("POST", "/api/v1/clients", "{\"name\":\"acme\"}", 201);
        backend.apiJson("POST", "/api/v1/device-types", "{\"name\":\"tracker\"}", 201);
        CALLERS.put("nobody", null);
        CALLERS.put("api-key", TestBackend.API_KEY);
        for (String[] user : new String[][]{
                {"olga", "operator", ""}, {"sam", "supplier", ",\"deviceTypes\":[\"tracker\"]"},
                {"cora", "customer", ",\"client\":\"acme\""}, {"vic", "viewer", ""},
                {"vera", "viewer", ",\"client\":\"acme\"", "scoped-viewer"},
                {"rita", "requester", ",\"client\":\"acme\""}}) {
            backend.apiJson("POST", "/api/v1/users", "{\"username\":\"" + user[0] + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"" + user[1] + "\"" + user[2] + "}", 201);
            String session = backend.apiJson("POST", "/api/v1/sessions", "{\"username\":\"" + user[0]
                    + "\",\"password\":\"" + PASSWORD + "\"}", 201).get("token").asText();
            try (Response r = backend.apiWithKey("POST", "/api/v1/tokens", "{\"name\":\"matrix\"}", session)) {
                assertThat(r.code()).isEqualTo(201);
                CALLERS.put(user.length > 3 ? user[3] : user[1], nl.fotadesk.backend.domain.StrictJson.MAPPER.readTree(r.body().string())
                        .get("token").asText());
            }
        }
        createCampaigns();
    }

    /** Operators' drafts: IN on acme's tracker, PART on acme's and globex's trackers, OUT on globex's meter. */
    private static void createCampaigns() throws IOException {
        for (String[] d : new String[][]{{ACME_TRACKER_1, "tracker", "acme"}, {ACME_TRACKER_2, "tracker", "acme"},
                {GLOBEX_TRACKER, "tracker", "globex"}, {GLOBEX_METER, "meter", "globex"}}) {
            backend.apiJson("POST", "/api/v1/devices", "{\"imei\":\"" + d[0] + "\",\"deviceType\":\"" + d[1]
                    + "\",\"client\":\"" + d[2] + "\",\"firmware\":\"1.0.0\"}", 201);
        }
        String tracker = backend.uploadFirmware("tracker", "2.0.0", new byte[]{1});
        String meter = backend.uploadFirmware("meter", "2.0.0", new byte[]{2});
        CAMPAIGNS.put("IN", draft(tracker, "{\"imeis\":[\"" + ACME_TRACKER_1 + "\"]}"));
        CAMPAIGNS.put("PART", draft(tracker, "{\"imeis\":[\"" + ACME_TRACKER_2 + "\",\"" + GLOBEX_TRACKER + "\"]}"));
        CAMPAIGNS.put("OUT", draft(meter, "{\"imeis\":[\"" + GLOBEX_METER + "\"]}"));
        NEW_CAMPAIGNS.put("IN", campaign(tracker, "{\"imeis\":[\"" + ACME_TRACKER_1 + "\"]}"));
        NEW_CAMPAIGNS.put("PART", campaign(tracker, "{\"client\":\"globex\"}"));
        NEW_CAMPAIGNS.put("OUT", campaign(meter, "{\"imeis\":[\"" + GLOBEX_METER + "\"]}"));
        for (String id : CAMPAIGNS.values()) {
            backend.apiJson("POST", "/api/v1/campaigns/rehearsals", "{\"campaignId\":\"" + id + "\",\"runs\":1}", 200);
        }
    }

    private static String draft(String firmware, String target) throws IOException {
        return backend.apiJson("POST", "/api/v1/campaigns", campaign(firmware, target), 201).get("id").asText();
    }

    private static String campaign(String firmware, String target) {
        return "{\"name\":\"matrix\",\"firmwareId\":\"" + firmware + "\",\"target\":" + target + "}";
    }

    @AfterAll
    static void stop() throws Exception {
        backend.close();
    }

    @Test
    void everyRouteHasItsExpectedAccessAndNoOther() {
        Map<String, Access> actual = new LinkedHashMap<>();
        for (Router.RouteRule rule : backend.server().apiRouteRules()) {
            actual.put(rule.toString(), rule.access());
        }
        assertThat(actual).as("routes and their access, against EXPECTED in this test").isEqualTo(EXPECTED);
    }

    @Test
    void everyCallerGetsExactlyWhatTheRouteAllows() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Router.RouteRule rule : backend.server().apiRouteRules()) {
            String path = rule.template().replace("{imei}", "356938035643809").replace("{id}", "no-such-id")
                    .replace("{username}", "nobody-here");
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                int status;
                try (Response r = backend.apiWithKey(rule.method(), path, body(rule.method()), caller.getValue())) {
                    status = r.code();
                }
                String expected = USER_ONLY.contains(rule.toString()) && caller.getKey().equals("api-key") ? "403"
                        : expected(rule.access(), caller.getKey());
                boolean ok = switch (expected) {
                    case "401", "403" -> status == Integer.parseInt(expected);
                    default -> status != 401 && status != 403 && status < 500;
                };
                if (!ok) {
                    problems.add(rule + " as " + caller.getKey() + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyCampaignRouteHasItsScopeLine() {
        List<String> campaignRoutes = backend.server().apiRouteRules().stream().map(Router.RouteRule::toString)
                .filter(r -> r.contains("/api/v1/campaigns")).toList();
        assertThat(CAMPAIGN_SCOPE.keySet()).as("campaign routes, against CAMPAIGN_SCOPE in this test")
                .containsExactlyInAnyOrderElementsOf(campaignRoutes);
    }

    /**
     * Every campaign route × every caller × a campaign (or target) in, partly in and outside the caller's
     * scope. Operators and the unscoped viewer have no "outside": they are expected as their access says.
     */
    @Test
    void everyCampaignRouteAnswersEachRoleWithinItsScope() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Router.RouteRule rule : backend.server().apiRouteRules()) {
            if (!CAMPAIGN_SCOPE.containsKey(rule.toString())) {
                continue;
            }
            for (String kase : CASES) {
                String path = rule.template().replace("{id}", CAMPAIGNS.get(kase));
                String body = rule.method().equals("POST") ? rule.template().contains("{id}") ? null
                        : NEW_CAMPAIGNS.get(kase) : null;
                if (rule.template().endsWith("/rehearsals")) {
                    body = "{\"campaign\":" + body + ",\"runs\":1}";
                }
                for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                    int status;
                    try (Response r = backend.apiWithKey(rule.method(), path, body, caller.getValue())) {
                        status = r.code();
                    }
                    String expected = switch (caller.getKey()) {
                        case "customer", "supplier", "scoped-viewer" -> scoped(rule.toString(), caller.getKey(), kase);
                        // a requester of acme reads campaigns as a viewer of acme does
                        case "requester" -> scoped(rule.toString(), "scoped-viewer", kase);
                        default -> expected(rule.access(), caller.getKey());
                    };
                    boolean ok = switch (expected) {
                        case "ok", "allowed" -> status / 100 == 2 || status == 409;
                        default -> status == Integer.parseInt(expected);
                    };
                    if (!ok) {
                        problems.add(rule + " on " + kase + " as " + caller.getKey() + ": " + status + ", expected " + expected);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The request routes on a real request of client acme: its requester and the API key reach it; a
     * requester of another client finds nothing there (404), or is refused the operators' routes (403).
     */
    @Test
    void requestRoutesAnswerWithinTheCallersScope() throws Exception {
        backend.apiJson("POST", "/api/v1/devices", "{\"imei\":\"356938035643809\",\"deviceType\":\"tracker\","
                + "\"client\":\"acme\",\"secret\":\"" + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}", 201);
        RequestCalls calls = new RequestCalls(backend);
        String other = calls.user("gary", "requester", ",\"client\":\"globex\"");
        String id = calls.filed(CALLERS.get("requester"), "{\"deviceType\":\"tracker\",\"version\":\"9.0.0\"}",
                new byte[]{1, 2, 3}).get("id").asText();
        List<String> problems = new ArrayList<>();
        for (Router.RouteRule rule : backend.server().apiRouteRules()) {
            if (!rule.template().startsWith("/api/v1/requests/{id}")) {
                continue;
            }
            String path = rule.template().replace("{id}", id);
            int mine;
            try (Response r = backend.apiWithKey(rule.method(), path, body(rule.method()), CALLERS.get("requester"))) {
                mine = r.code();
            }
            int theirs;
            try (Response r = backend.apiWithKey(rule.method(), path, body(rule.method()), other)) {
                theirs = r.code();
            }
            boolean ok = rule.access() == OPERATOR ? mine == 403 && theirs == 403
                    : mine != 403 && mine != 404 && mine < 500 && theirs == 404;
            if (!ok) {
                problems.add(rule + ": requester of acme " + mine + ", of globex " + theirs);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRegistrationAndGroupRouteHasItsScopeLine() {
        List<String> routes = backend.server().apiRouteRules().stream().map(Router.RouteRule::toString)
                .filter(r -> r.contains("/api/v1/groups") || r.matches("POST /api/v1/devices(/bulk|/import)?")).toList();
        assertThat(WRITE_SCOPE.keySet()).as("registration and group routes, against WRITE_SCOPE in this test")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    /**
     * Every registration and group route × every caller × a body or group in, partly in and outside the
     * caller's scope; operators and the unscoped viewer are expected as their access says. A refused
     * registration stores nothing: its IN row stays unregistered.
     */
    @Test
    void everyRegistrationAndGroupRouteAnswersEachRoleWithinItsScope() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Router.RouteRule rule : backend.server().apiRouteRules()) {
            if (!WRITE_SCOPE.containsKey(rule.toString())) {
                continue;
            }
            for (String kase : CASES) {
                for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                    String path = rule.template().contains("{id}")
                            ? rule.template().replace("{id}", groupFor(caller.getKey(), kase)) : rule.template();
                    WriteCall call = writeCall(rule.toString(), kase);
                    int status;
                    try (Response r = rule.template().endsWith("/import")
                            ? backend.http.newCall(new okhttp3.Request.Builder().url(backend.url() + path)
                            .header("Authorization", "Bearer " + caller.getValue())
                            .post(okhttp3.RequestBody.create(call.body(), okhttp3.MediaType.get("text/csv"))).build()).execute()
                            : backend.apiWithKey(rule.method(), path, call.body(), caller.getValue())) {
                        status = r.code();
                    }
                    String expected = switch (caller.getKey()) {
                        case "customer", "supplier", "scoped-viewer" -> scoped(WRITE_SCOPE, rule.toString(), caller.getKey(), kase);
                        case "requester" -> scoped(WRITE_SCOPE, rule.toString(), "scoped-viewer", kase);
                        default -> expected(rule.access(), caller.getKey());
                    };
                    boolean ok = switch (expected) {
                        case "ok", "allowed" -> status / 100 == 2;
                        default -> status == Integer.parseInt(expected);
                    };
                    if (!ok && !(expected.equals("401") && status == 401)) {
                        problems.add(rule + " on " + kase + " as " + caller.getKey() + ": " + status + ", expected " + expected);
                    }
                    if (status / 100 != 2) {
                        for (String imei : call.inScopeImeis()) {
                            assertThat(backend.apiWithKey("GET", "/api/v1/devices/" + imei, null, TestBackend.API_KEY).code())
                                    .as(rule + " on " + kase + " as " + caller.getKey() + " stored nothing").isEqualTo(404);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A body of the write matrix, and the IMEIs it would register in everyone's scope. */
    private record WriteCall(String body, List<String> inScopeImeis) {
    }

    private static WriteCall writeCall(String route, String kase) {
        String in = nextImei();
        String other = nextImei();
        String[] typeAndClient = switch (kase) {
            case "IN" -> new String[]{"tracker", "acme"};
            case "PART" -> new String[]{"tracker", "globex"};
            default -> new String[]{"meter", "globex"};
        };
        String name = "\"name\":\"" + kase + " " + in + "\"";
        return switch (route) {
            case "POST /api/v1/devices" -> new WriteCall(device(in, typeAndClient), List.of());
            case "POST /api/v1/devices/bulk" -> kase.equals("IN") ? new WriteCall("[" + device(in, typeAndClient) + "]", List.of())
                    : new WriteCall("[" + device(in, "tracker", "acme") + "," + device(other, typeAndClient) + "]", List.of(in));
            case "POST /api/v1/devices/import" -> kase.equals("IN")
                    ? new WriteCall("imei,deviceType,client\n" + in + ",tracker,acme\n", List.of())
                    : new WriteCall("imei,deviceType,client\n" + in + ",tracker,acme\n" + other + "," + typeAndClient[0]
                    + "," + typeAndClient[1] + "\n", List.of(in));
            case "PUT /api/v1/groups/{id}" -> new WriteCall("{" + name + ",\"imeis\":[\"" + ACME_TRACKER_1 + "\"]}", List.of());
            case "POST /api/v1/groups" -> new WriteCall(switch (kase) {
                case "IN" -> "{" + name + ",\"filter\":{\"client\":\"acme\",\"deviceType\":\"tracker\"}}";
                case "PART" -> "{" + name + ",\"imeis\":[\"" + ACME_TRACKER_1 + "\",\"" + GLOBEX_METER + "\"]}";
                default -> "{" + name + ",\"filter\":{\"client\":\"globex\",\"deviceType\":\"meter\"}}";
            }, List.of());
            default -> new WriteCall(null, List.of());
        };
    }

    private static String device(String imei, String... typeAndClient) {
        return "{\"imei\":\"" + imei + "\",\"deviceType\":\"" + typeAndClient[0] + "\",\"client\":\""
                + typeAndClient[1] + "\"}";
    }

    private static String nextImei() {
        return Imei.withCheckDigit(Long.toString(NEXT_IMEI.incrementAndGet()));
    }

    /**
     * A fresh group of {@code kase} for {@code caller}: IN their own (the customer's for a viewer or requester
     * of acme, the API key's for the unscoped), PART an operator's, OUT the other party's own.
     */
    private static String groupFor(String caller, String kase) throws IOException {
        if (kase.equals("PART")) {
            return backend.apiJson("POST", "/api/v1/groups", "{\"name\":\"operators' " + nextImei() + "\",\"imeis\":[\""
                    + ACME_TRACKER_2 + "\",\"" + GLOBEX_METER + "\"]}", 201).get("id").asText();
        }
        String owner = switch (kase) {
            case "IN" -> switch (caller) {
                case "customer", "supplier" -> caller;
                case "scoped-viewer", "requester" -> "customer";
                default -> "api-key";
            };
            case "OUT" -> caller.equals("customer") || caller.equals("scoped-viewer") || caller.equals("requester")
                    ? "supplier" : "customer";
            default -> throw new IllegalArgumentException(kase);
        };
        // a filter group on acme's trackers would have no IMEI list: a list of acme's first tracker is in every scope
        try (Response r = backend.apiWithKey("POST", "/api/v1/groups", "{\"name\":\"" + owner + "'s " + nextImei()
                + "\",\"imeis\":[\"" + ACME_TRACKER_1 + "\"]}", CALLERS.get(owner))) {
            assertThat(r.code()).isEqualTo(201);
            return nl.fotadesk.backend.domain.StrictJson.MAPPER.readTree(r.body().string()).get("id").asText();
        }
    }

    /** The customer's or the supplier's expected answer from {@link #CAMPAIGN_SCOPE}. */
    private static String scoped(String route, String caller, String kase) {
        return scoped(CAMPAIGN_SCOPE, route, caller, kase);
    }

    /** The customer's or the supplier's expected answer from a scope table. */
    private static String scoped(Map<String, String> table, String route, String caller, String kase) {
        for (String part : table.get(route).split(", ")) {
            String[] words = part.split(" ");
            if (words[0].equals(caller)) {
                return words[1 + CASES.indexOf(kase)];
            }
        }
        throw new IllegalArgumentException(route + " has no line for " + caller);
    }

    /** "401", "403", or "allowed" (any other answer below 500). */
    private static String expected(Access access, String caller) {
        if (access == PUBLIC) {
            return "allowed";
        }
        if (caller.equals("nobody")) {
            return "401";
        }
        boolean operator = caller.equals("api-key") || caller.equals("operator");
        return switch (access) {
            case PUBLIC, SELF, READ -> "allowed";
            case CHANGE -> caller.endsWith("viewer") || caller.equals("requester") ? "403" : "allowed";
            case REQUEST -> caller.endsWith("viewer") ? "403" : "allowed";
            case OPERATOR -> operator ? "allowed" : "403";
        };
    }

    private static String body(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
    }
}
