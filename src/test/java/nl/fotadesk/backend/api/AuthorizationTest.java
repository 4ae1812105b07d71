package nl.fotadesk.backend.api;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.accounts.Access;
import nl.fotadesk.backend.http.Router;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            entry("POST /api/v1/tokens", SELF),
            entry("GET /api/v1/tokens", SELF),
            entry("DELETE /api/v1/tokens/{id}", SELF),
            entry("GET /api/v1/audit", SELF),
            entry("POST /api/v1/devices", OPERATOR),
            entry("GET /api/v1/devices", READ),
            entry("POST /api/v1/devices/bulk", OPERATOR),
            entry("POST /api/v1/devices/import", OPERATOR),
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
            entry("POST /api/v1/groups", OPERATOR),
            entry("GET /api/v1/groups", READ),
            entry("GET /api/v1/groups/{id}", READ),
            entry("PUT /api/v1/groups/{id}", OPERATOR),
            entry("DELETE /api/v1/groups/{id}", OPERATOR),
            entry("GET /api/v1/groups/{id}/imeis", READ),
            entry("GET /api/v1/groups/{id}/devices", READ),
            entry("POST /api/v1/campaigns/preview", OPERATOR),
            entry("POST /api/v1/campaigns", OPERATOR),
            entry("GET /api/v1/campaigns", OPERATOR),
            entry("GET /api/v1/campaigns/{id}", OPERATOR),
            entry("GET /api/v1/campaigns/{id}/progress", OPERATOR),
            entry("GET /api/v1/campaigns/{id}/devices", OPERATOR),
            entry("POST /api/v1/campaigns/{id}/start", OPERATOR),
            entry("POST /api/v1/campaigns/{id}/pause", OPERATOR),
            entry("POST /api/v1/campaigns/{id}/resume", OPERATOR),
            entry("POST /api/v1/campaigns/{id}/cancel", OPERATOR),
            entry("POST /api/v1/campaigns/{id}/retry", OPERATOR),
            entry("GET /api/v1/events", READ));

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
                {"cora", "customer", ",\"client\":\"acme\""}, {"vic", "viewer", ""}}) {
            backend.apiJson("POST", "/api/v1/users", "{\"username\":\"" + user[0] + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"" + user[1] + "\"" + user[2] + "}", 201);
            String session = backend.apiJson("POST", "/api/v1/sessions", "{\"username\":\"" + user[0]
                    + "\",\"password\":\"" + PASSWORD + "\"}", 201).get("token").asText();
            try (Response r = backend.apiWithKey("POST", "/api/v1/tokens", "{\"name\":\"matrix\"}", session)) {
                assertThat(r.code()).isEqualTo(201);
                CALLERS.put(user[1], nl.fotadesk.backend.domain.StrictJson.MAPPER.readTree(r.body().string())
                        .get("token").asText());
            }
        }
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
            case CHANGE -> caller.equals("viewer") ? "403" : "allowed";
            case OPERATOR -> operator ? "allowed" : "403";
        };
    }

    private static String body(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
    }
}
