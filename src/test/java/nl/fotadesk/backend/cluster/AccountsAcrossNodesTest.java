package nl.fotadesk.backend.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two backends on one PostgreSQL database: a user disabled, a token revoked or a session ended through
 * one node is refused by the other at once, on its very next request.
 */
class AccountsAcrossNodesTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private TestBackend a;
    private TestBackend b;

    @BeforeEach
    void startTwoNodes() throws Exception {
        var config = TestPostgres.config(data, TestBackend.API_KEY).withEngineTick(Duration.ZERO);
        a = new TestBackend(config.withDataDir(data.resolve("a")));
        b = new TestBackend(config.withDataDir(data.resolve("b")));
        a.apiJson("POST", "/api/v1/clients", "{\"name\":\"acme\"}", 201);
        a.apiJson("POST", "/api/v1/users", "{\"username\":\"cora\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"customer\",\"client\":\"acme\",\"displayName\":\"Cora de Vries\"}", 201);
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
    }

    @Test
    void aUserDisabledOnOneNodeIsRefusedOnTheOtherAtOnce() throws IOException {
        String session = signIn(a);
        String token = token(a, session).get("token").asText();
        assertThat(status(b, session)).isEqualTo(200);
        assertThat(status(b, token)).isEqualTo(200);

        a.apiJson("PATCH", "/api/v1/users/cora", "{\"disabled\":true}", 200);
        assertThat(status(b, session)).as("the session, on the other node").isEqualTo(401);
        assertThat(status(b, token)).as("the token, on the other node").isEqualTo(401);

        b.apiJson("PATCH", "/api/v1/users/cora", "{\"disabled\":false}", 200);
        assertThat(status(a, token)).as("enabled again through the other node").isEqualTo(200);
    }

    @Test
    void aTokenRevokedAndASessionEndedOnOneNodeAreRefusedOnTheOtherAtOnce() throws IOException {
        String session = signIn(a);
        JsonNode issued = token(b, session);
        String token = issued.get("token").asText();
        assertThat(status(a, token)).isEqualTo(200);

        try (Response r = a.apiWithKey("DELETE", "/api/v1/tokens/" + issued.get("id").asText(), null, session)) {
            assertThat(r.code()).isEqualTo(204);
        }
        assertThat(status(b, token)).as("the revoked token, on the other node").isEqualTo(401);
        assertThat(status(b, session)).as("the session that revoked it").isEqualTo(200);

        try (Response r = b.apiWithKey("DELETE", "/api/v1/sessions/current", null, session)) {
            assertThat(r.code()).isEqualTo(204);
        }
        assertThat(status(a, session)).as("the ended session, on the other node").isEqualTo(401);
    }

    private static String signIn(TestBackend node) throws IOException {
        return node.apiJson("POST", "/api/v1/sessions", "{\"username\":\"cora\",\"password\":\"" + PASSWORD + "\"}", 201)
                .get("token").asText();
    }

    private static JsonNode token(TestBackend node, String session) throws IOException {
        try (Response r = node.apiWithKey("POST", "/api/v1/tokens", "{\"name\":\"script\"}", session)) {
            assertThat(r.code()).isEqualTo(201);
            return StrictJson.MAPPER.readTree(r.body().string());
        }
    }

    /** The status of a read within the user's scope, with {@code bearer}. */
    private static int status(TestBackend node, String bearer) throws IOException {
        try (Response r = node.apiWithKey("GET", "/api/v1/devices", null, bearer)) {
            return r.code();
        }
    }
}
