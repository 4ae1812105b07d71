package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator lists and revokes another user's personal tokens; the audit trail names them. */
class UserTokensApiTest extends ApiTestBase {
    private static final String PASSWORD = "correct horse battery";

    @BeforeEach
    void catalog() throws IOException {
        call("POST", "/api/v1/device-types", obj("name", "tracker"), 201);
    }

    @Test
    void anOperatorListsAndRevokesAnotherUsersTokenWhichEndsAtOnce() throws IOException {
        String olga = signedIn("olga", "operator", "");
        String sam = signedIn("sam", "supplier", ",\"deviceTypes\":[\"tracker\"]");
        JsonNode issued = as(sam, "POST", "/api/v1/tokens", "{\"name\":\"ci\"}", 201);
        String token = issued.get("token").asText();
        String id = issued.get("id").asText();

        JsonNode listed = as(olga, "GET", "/api/v1/users/sam/tokens", null, 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("ci");
        assertThat(listed.get(0).has("token")).as("a token's value is shown once only").isFalse();

        as(olga, "DELETE", "/api/v1/users/sam/tokens/" + id, null, 204);
        as(token, "GET", "/api/v1/tokens", null, 401);
        assertThat(as(olga, "GET", "/api/v1/users/sam/tokens", null, 200)).isEmpty();
        JsonNode audit = as(olga, "GET", "/api/v1/audit?action=token.delete", null, 200).get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("olga");
        assertThat(audit.get(0).get("object").asText()).isEqualTo("token/" + id);
        assertThat(audit.get(0).get("detail").asText()).isEqualTo("of sam");
    }

    @Test
    void anUnknownUserOrTokenOrAnotherUsersTokenIsNotFound() throws IOException {
        String olga = signedIn("olga", "operator", "");
        String sam = signedIn("sam", "supplier", ",\"deviceTypes\":[\"tracker\"]");
        String id = as(sam, "POST", "/api/v1/tokens", "{\"name\":\"ci\"}", 201).get("id").asText();

        as(olga, "GET", "/api/v1/users/nobody/tokens", null, 404);
        as(olga, "DELETE", "/api/v1/users/nobody/tokens/" + id, null, 404);
        as(olga, "DELETE", "/api/v1/users/sam/tokens/no-such-id", null, 404);
        as(olga, "DELETE", "/api/v1/users/olga/tokens/" + id, null, 404);
        assertThat(as(olga, "GET", "/api/v1/users/sam/tokens", null, 200)).hasSize(1);
    }

    @Test
    void aTokenEndsAtMostAtTheLastInstantTheApiTakes() throws IOException {
        String sam = signedIn("sam", "supplier", ",\"deviceTypes\":[\"tracker\"]");
        for (String end : new String[]{"+1000000000-12-31T23:59:59.999999999Z", "10000-01-01T00:00:00Z"}) {
            JsonNode refused = as(sam, "POST", "/api/v1/tokens", "{\"name\":\"ci\",\"expiresAt\":\"" + end + "\"}", 400);
            assertThat(refused.get("detail").asText()).contains("expiresAt").contains("9999-12-31T23:59:59Z");
        }
        as(sam, "POST", "/api/v1/tokens", "{\"name\":\"ci\",\"expiresAt\":\"9999-12-31T23:59:59Z\"}", 201);
    }

    @Test
    void theAuditTakesInstantsTheDatabasesStore() throws IOException {
        expectError("GET", "/api/v1/audit?until=%2B1000000000-12-31T23:59:59Z", null, 400, "invalid_until",
                "9999-12-31T23:59:59Z");
        expectError("GET", "/api/v1/audit?since=-5000-01-01T00:00:00Z", null, 400, "invalid_since",
                "0000-01-01T00:00:00Z");
        assertThat(get("/api/v1/audit?since=0000-01-01T00:00:00Z&until=9999-12-31T23:59:59Z").get("total").asInt())
                .as("the catalog entry made before").isEqualTo(1);
    }

    @Test
    void othersMayNotSeeOrRevokeSomeoneElsesTokens() throws IOException {
        signedIn("olga", "operator", "");
        String sam = signedIn("sam", "supplier", ",\"deviceTypes\":[\"tracker\"]");
        String id = as(sam, "POST", "/api/v1/tokens", "{\"name\":\"ci\"}", 201).get("id").asText();

        as(sam, "GET", "/api/v1/users/sam/tokens", null, 403);
        as(sam, "DELETE", "/api/v1/users/sam/tokens/" + id, null, 403);
        assertThat(as(sam, "GET", "/api/v1/tokens", null, 200)).hasSize(1);
    }

    /** Creates a user (with the API key) and answers their session's bearer value. */
    private String signedIn(String username, String role, String scope) throws IOException {
        call("POST", "/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\"" + scope + "}", 201);
        return call("POST", "/api/v1/sessions", obj("username", username, "password", PASSWORD), 201)
                .get("token").asText();
    }

    private JsonNode as(String bearer, String method, String path, String body, int status) throws IOException {
        try (Response r = backend.apiWithKey(method, path, body, bearer)) {
            String text = r.body().string();
            assertThat(r.code()).as(method + " " + path + ": " + text).isEqualTo(status);
            return text.isEmpty() ? null : StrictJson.MAPPER.readTree(text);
        }
    }
}
