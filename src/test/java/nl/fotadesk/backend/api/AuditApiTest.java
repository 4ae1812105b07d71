package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/audit} as the contract has it: a refused sign-in of a name that is no user is there
 * without a role, a non-operator reads only their own lines (another actor's are an empty page, not
 * theirs under that name), and offset and limit page through the lines newest first.
 */
class AuditApiTest extends ApiTestBase {
    private ScopedCalls calls;

    @BeforeEach
    void calls() {
        calls = new ScopedCalls(backend);
    }

    @Test
    void aFailedSignInOfAnUnknownUsernameIsAuditedWithoutARole() throws IOException {
        expectError("POST", "/api/v1/sessions", obj("username", "mallory", "password", "guessing a password"), 401,
                "unauthorized", "");

        JsonNode items = get("/api/v1/audit?action=session.create").get("items");
        assertThat(items).hasSize(1);
        JsonNode line = items.get(0);
        assertThat(line.get("actor").asText()).isEqualTo("mallory");
        assertThat(line.has("role")).isTrue();
        assertThat(line.get("role").isNull()).as(line.toString()).isTrue();
        assertThat(line.get("outcome").asText()).isEqualTo("refused");
        assertThat(line.get("object").asText()).isEqualTo("user/mallory");
        assertThat(line.get("source").asText()).isEqualTo("127.0.0.1");
        assertThat(get("/api/v1/audit?actor=mallory").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aNonOperatorAskingForAnotherActorsLinesGetsAnEmptyPage() throws IOException {
        String olga = calls.user("olga", "\"role\":\"operator\"");
        call("POST", "/api/v1/clients", obj("name", "acme"), 201);
        String cora = calls.user("cora", "\"role\":\"customer\",\"client\":\"acme\"");

        JsonNode others = body(calls.answer(cora, "GET", "/api/v1/audit?actor=olga", null), 200);
        assertThat(others.get("items")).isEmpty();
        assertThat(others.get("total").asInt()).isZero();
        assertThat(body(calls.answer(cora, "GET", "/api/v1/audit?actor=api-key", null), 200).get("total").asInt()).isZero();

        JsonNode own = body(calls.answer(cora, "GET", "/api/v1/audit?actor=cora", null), 200);
        assertThat(texts(own.get("items"), "actor")).containsExactly("cora");
        JsonNode unfiltered = body(calls.answer(cora, "GET", "/api/v1/audit", null), 200);
        assertThat(texts(unfiltered.get("items"), "actor")).containsOnly("cora");
        JsonNode asOperator = body(calls.answer(olga, "GET", "/api/v1/audit?actor=cora", null), 200);
        assertThat(texts(asOperator.get("items"), "actor")).containsExactly("cora");
        assertThat(get("/api/v1/audit").get("total").asInt()).as("api-key, olga and cora").isEqualTo(5);
    }

    @Test
    void offsetAndLimitPageThroughTheLinesNewestFirst() throws IOException {
        for (int i = 0; i < 7; i++) {
            call("POST", "/api/v1/clients", obj("name", "client-" + i), 201);
        }

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            JsonNode page = get("/api/v1/audit?action=client.create&offset=" + offset + "&limit=3");
            assertThat(page.get("total").asInt()).isEqualTo(7);
            assertThat(page.get("offset").asInt()).isEqualTo(offset);
            assertThat(page.get("limit").asInt()).isEqualTo(3);
            assertThat(page.get("items").size()).isEqualTo(Math.min(3, 7 - offset));
            paged.addAll(texts(page.get("items"), "object"));
        }
        assertThat(paged).containsExactly("client/client-6", "client/client-5", "client/client-4", "client/client-3",
                "client/client-2", "client/client-1", "client/client-0");
        assertThat(get("/api/v1/audit?action=client.create&offset=7").get("items")).isEmpty();
        assertThat(get("/api/v1/audit?action=client.create").get("limit").asInt()).as("the default").isEqualTo(100);
        expectError("GET", "/api/v1/audit?limit=0", null, 400, "invalid_limit", "");
        expectError("GET", "/api/v1/audit?limit=1001", null, 400, "invalid_limit", "");
        expectError("GET", "/api/v1/audit?offset=-1", null, 400, "invalid_offset", "");
    }

    /** The JSON of a "status body" answer, which must have {@code status}. */
    private static JsonNode body(String answer, int status) throws IOException {
        assertThat(answer).startsWith(status + " ");
        return StrictJson.MAPPER.readTree(answer.substring(answer.indexOf(' ') + 1));
    }
}
