package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users API as an operator's script meets it: every user with all of its fields, a change of role
 * and scope only as the role takes it, a password reset and a deletion that end what the user held.
 */
class UsersApiTest extends ApiTestBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @BeforeEach
    void catalog() throws IOException {
        call("POST", "/api/v1/clients", obj("name", "acme"), 201);
        call("POST", "/api/v1/device-types", obj("name", "tracker"), 201);
        call("POST", "/api/v1/device-types", obj("name", "meter"), 201);
    }

    @Test
    void aUserAlwaysHasAClientAndDeviceTypesNullAndEmptyWhenItHasNone() throws IOException {
        JsonNode olga = call("POST", "/api/v1/users", newUser("olga", "operator"), 201);
        call("POST", "/api/v1/users", newUser("cora", "customer", "client", "acme"), 201);
        call("POST", "/api/v1/users", newUser("sam", "supplier", "deviceTypes", List.of("tracker")), 201);

        assertThat(keys(olga)).containsExactly("username", "displayName", "role", "client", "deviceTypes", "disabled");
        assertThat(olga.get("client").isNull()).isTrue();
        assertThat(olga.get("deviceTypes").isArray()).isTrue();
        assertThat(olga.get("deviceTypes")).isEmpty();
        for (JsonNode user : get("/api/v1/users")) {
            assertThat(user.has("client") && user.has("deviceTypes")).as(user.toString()).isTrue();
        }
        JsonNode cora = get("/api/v1/users/cora");
        assertThat(cora.get("client").asText()).isEqualTo("acme");
        assertThat(cora.get("deviceTypes")).isEmpty();
        JsonNode sam = call("POST", "/api/v1/sessions", obj("username", "sam", "password", PASSWORD), 201).get("user");
        assertThat(sam.get("client").isNull()).isTrue();
        assertThat(sam.get("deviceTypes").toString()).isEqualTo("[\"tracker\"]");
        JsonNode current = as(signIn("cora", PASSWORD), "GET", "/api/v1/sessions/current", null, 200).get("user");
        assertThat(keys(current)).contains("client", "deviceTypes");
        assertThat(current.get("deviceTypes")).isEmpty();
    }

    @Test
    void aNewRoleTakesTheScopeItNeedsAndTheUsersSessionsEnd() throws IOException {
        call("POST", "/api/v1/users", newUser("cora", "customer", "client", "acme"), 201);
        String session = signIn("cora", PASSWORD);

        JsonNode supplier = call("PATCH", "/api/v1/users/cora", obj("role", "supplier", "deviceTypes",
                List.of("tracker", "meter")), 200);
        assertThat(supplier.get("role").asText()).isEqualTo("supplier");
        assertThat(supplier.get("client").isNull()).as("a supplier has no client").isTrue();
        assertThat(supplier.get("deviceTypes").toString()).isEqualTo("[\"meter\",\"tracker\"]");
        as(session, "GET", "/api/v1/devices", null, 401);

        JsonNode fewer = call("PATCH", "/api/v1/users/cora", obj("deviceTypes", List.of("meter")), 200);
        assertThat(fewer.get("deviceTypes").toString()).as("the scope alone, the role kept").isEqualTo("[\"meter\"]");
        JsonNode viewer = call("PATCH", "/api/v1/users/cora", obj("role", "viewer", "client", "acme"), 200);
        assertThat(viewer.get("client").asText()).isEqualTo("acme");
        assertThat(viewer.get("deviceTypes")).isEmpty();
        JsonNode everything = call("PATCH", "/api/v1/users/cora", obj("role", "viewer"), 200);
        assertThat(everything.get("client").isNull()).as("a viewer without a scope sees all").isTrue();
        JsonNode named = call("PATCH", "/api/v1/users/cora", obj("displayName", "Cora de Vries"), 200);
        assertThat(named.get("displayName").asText()).isEqualTo("Cora de Vries");
        assertThat(named.get("role").asText()).as("a new name leaves the role").isEqualTo("viewer");
        assertThat(get("/api/v1/audit?action=user.change&object=user/cora").get("total").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"role":"customer"}                                          | invalid_client       | exactly one client
            {"role":"customer","client":"acme","deviceTypes":["meter"]}  | invalid_client       | no device types
            {"role":"customer","client":"initech"}                       | invalid_client       | no client "initech"
            {"role":"supplier"}                                          | invalid_device_types | one or more device types
            {"role":"supplier","deviceTypes":["tracker"],"client":"acme"} | invalid_device_types | no client
            {"role":"supplier","deviceTypes":["gateway"]}                | invalid_device_types | no device type "gateway"
            {"role":"operator","client":"acme"}                          | invalid_role         | has no client or device types
            {"role":"viewer","client":"acme","deviceTypes":["meter"]}    | invalid_client       | not both
            {"role":"admin"}                                             | invalid_json         | role must be one of operator, supplier
            {"client":"acme"}                                            | invalid_device_types | no client
            {"displayName":"tab\\there"}                                 | invalid_display_name | control characters
            """)
    void aRoleAndScopeThatDoNotGoTogetherAreRefusedAndNothingChanges(String change, String error, String detail)
            throws IOException {
        call("POST", "/api/v1/users", newUser("sam", "supplier", "deviceTypes", List.of("tracker")), 201);
        String session = signIn("sam", PASSWORD);

        expectError("PATCH", "/api/v1/users/sam", change, 400, error, detail);

        JsonNode sam = get("/api/v1/users/sam");
        assertThat(sam.get("role").asText()).isEqualTo("supplier");
        assertThat(sam.get("deviceTypes").toString()).isEqualTo("[\"tracker\"]");
        assertThat(sam.get("displayName").asText()).isEqualTo("sam");
        as(session, "GET", "/api/v1/devices", null, 200);
    }

    @Test
    void anUnknownUserIsNotFoundAndTheLastOperatorStays() throws IOException {
        expectError("PATCH", "/api/v1/users/nobody", obj("role", "viewer"), 404, "not_found", "no user nobody");
        expectError("DELETE", "/api/v1/users/nobody", null, 404, "not_found", "no user nobody");
        call("POST", "/api/v1/users", newUser("olga", "operator"), 201);
        expectError("PATCH", "/api/v1/users/olga", obj("role", "customer", "client", "acme"), 409, "last_operator", "");
        expectError("PATCH", "/api/v1/users/olga", obj("disabled", true), 409, "last_operator", "");
        expectError("DELETE", "/api/v1/users/olga", null, 409, "last_operator", "");
    }

    @Test
    void aPasswordResetRetiresTheOldPasswordAndEndsTheUsersSessions() throws IOException {
        call("POST", "/api/v1/users", newUser("cora", "customer", "client", "acme"), 201);
        call("POST", "/api/v1/users", newUser("vic", "viewer"), 201);
        String session = signIn("cora", PASSWORD);
        String other = signIn("vic", PASSWORD);

        expectError("PATCH", "/api/v1/users/cora", obj("password", "cora1234"), 400, "invalid_password", "");
        as(session, "GET", "/api/v1/devices", null, 200);
        JsonNode reset = call("PATCH", "/api/v1/users/cora", obj("password", NEW_PASSWORD), 200);
        assertThat(reset.toString()).doesNotContain(NEW_PASSWORD);

        as(session, "GET", "/api/v1/devices", null, 401);
        as(other, "GET", "/api/v1/devices", null, 200);
        expectError("POST", "/api/v1/sessions", obj("username", "cora", "password", PASSWORD), 401, "unauthorized", "");
        as(signIn("cora", NEW_PASSWORD), "GET", "/api/v1/devices", null, 200);
        JsonNode audit = get("/api/v1/audit?action=user.change&object=user/cora").get("items");
        assertThat(audit.get(0).get("detail").asText()).endsWith(", password reset").doesNotContain(NEW_PASSWORD);
    }

    @Test
    void aDeletedUserCanNoLongerSignInAndTheirSessionsAndTokensEndButTheAuditKeepsTheirActions() throws IOException {
        call("POST", "/api/v1/users", newUser("cora", "customer", "client", "acme"), 201);
        String session = signIn("cora", PASSWORD);
        String token = as(session, "POST", "/api/v1/tokens", "{\"name\":\"ci\"}", 201).get("token").asText();

        try (Response r = backend.api("DELETE", "/api/v1/users/cora", null)) {
            assertThat(r.code()).isEqualTo(204);
        }

        expectError("GET", "/api/v1/users/cora", null, 404, "not_found", "no user cora");
        assertThat(texts(get("/api/v1/users"), "username")).doesNotContain("cora");
        as(session, "GET", "/api/v1/devices", null, 401);
        as(token, "GET", "/api/v1/devices", null, 401);
        expectError("POST", "/api/v1/sessions", obj("username", "cora", "password", PASSWORD), 401, "unauthorized", "");
        assertThat(texts(get("/api/v1/audit?actor=cora").get("items"), "action")).contains("session.create", "token.create");
        assertThat(get("/api/v1/audit?action=user.delete&object=user/cora").get("total").asInt()).isEqualTo(1);
    }

    /** A new user's body: {@code username}, {@code role} and the scope's members (name, value pairs). */
    private static Object newUser(String username, String role, Object... scope) {
        Object[] members = new Object[6 + scope.length];
        System.arraycopy(new Object[]{"username", username, "password", PASSWORD, "role", role}, 0, members, 0, 6);
        System.arraycopy(scope, 0, members, 6, scope.length);
        return obj(members);
    }

    private String signIn(String username, String password) throws IOException {
        return call("POST", "/api/v1/sessions", obj("username", username, "password", password), 201).get("token").asText();
    }

    private JsonNode as(String bearer, String method, String path, String body, int status) throws IOException {
        try (Response r = backend.apiWithKey(method, path, body, bearer)) {
            String text = r.body().string();
            assertThat(r.code()).as(method + " " + path + ": " + text).isEqualTo(status);
            return text.isEmpty() ? null : StrictJson.MAPPER.readTree(text);
        }
    }
}
