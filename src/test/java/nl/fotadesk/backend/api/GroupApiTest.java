package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/groups}: saved filters and static IMEI lists. */
class GroupApiTest extends ApiTestBase {

    @Test
    void aFilterGroupFollowsTheFleet() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2));
        register(imei(3), "meter-y", "acme", "1.0.0");
        register(imei(4), "tracker-x", "globex", "1.0.0");

        JsonNode group = call("POST", "/api/v1/groups", obj("name", "acme trackers",
                "filter", obj("client", "acme", "deviceType", "tracker-x")), 201);
        String id = group.get("id").asText();
        assertThat(group.get("kind").asText()).isEqualTo("filter");
        assertThat(group.get("filter").get("client").asText()).isEqualTo("acme");
        assertThat(group.get("filter").get("deviceType").asText()).isEqualTo("tracker-x");
        assertThat(group.get("filter").has("status")).isFalse();
        assertThat(group.get("members").asLong()).isEqualTo(2);
        assertThat(group.get("createdAt").asText()).endsWith("Z");

        register(imei(5), "tracker-x", "acme", "1.0.0");
        assertThat(get("/api/v1/groups/" + id).get("members").asLong()).as("a new matching device").isEqualTo(3);
        JsonNode page = get("/api/v1/groups/" + id + "/devices?limit=2");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(texts(page.get("items"), "imei")).containsExactly(imei(1), imei(2));
        assertThat(texts(get("/api/v1/groups/" + id + "/devices?offset=2").get("items"), "imei"))
                .containsExactly(imei(5));

        JsonNode all = call("POST", "/api/v1/groups", obj("name", "everything", "filter", obj()), 201);
        assertThat(all.get("members").asLong()).as("an empty filter matches every device").isEqualTo(5);
        JsonNode v1 = call("POST", "/api/v1/groups", obj("name", "on 1.0.0 in sync",
                "filter", obj("firmware", "1.0.0", "status", "in_sync")), 201);
        assertThat(v1.get("members").asLong()).isEqualTo(5);

        assertThat(texts(get("/api/v1/groups"), "name")).containsExactly("acme trackers", "everything",
                "on 1.0.0 in sync");

        JsonNode replaced = call("PUT", "/api/v1/groups/" + id, obj("name", "acme meters",
                "filter", obj("client", "acme", "deviceType", "meter-y")), 200);
        assertThat(replaced.get("id").asText()).isEqualTo(id);
        assertThat(replaced.get("name").asText()).isEqualTo("acme meters");
        assertThat(replaced.get("members").asLong()).isEqualTo(1);
        assertThat(texts(get("/api/v1/groups/" + id + "/devices").get("items"), "imei")).containsExactly(imei(3));
    }

    @Test
    void aStaticGroupHoldsItsListUntilReplacedOrDeleted() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2), imei(3));
        JsonNode group = call("POST", "/api/v1/groups", obj("name", "pilot",
                "imeis", List.of(imei(2), " " + imei(1) + " ", imei(2))), 201);
        String id = group.get("id").asText();
        assertThat(group.get("kind").asText()).isEqualTo("static");
        assertThat(group.has("filter")).isFalse();
        assertThat(group.get("members").asLong()).as("duplicates count once").isEqualTo(2);
        assertThat(texts(get("/api/v1/groups/" + id + "/devices").get("items"), "imei"))
                .containsExactly(imei(1), imei(2));

        JsonNode replaced = call("PUT", "/api/v1/groups/" + id, obj("name", "pilot", "imeis", List.of(imei(3))), 200);
        assertThat(replaced.get("members").asLong()).isEqualTo(1);
        assertThat(texts(get("/api/v1/groups/" + id + "/devices").get("items"), "imei")).containsExactly(imei(3));

        expectError("PUT", "/api/v1/groups/" + id, obj("name", "pilot", "filter", obj("client", "acme")),
                400, "invalid_group", "a static group stays a static group");

        try (var r = backend.api("DELETE", "/api/v1/groups/" + id, null)) {
            assertThat(r.code()).isEqualTo(204);
            assertThat(r.body().bytes()).isEmpty();
        }
        expectError("GET", "/api/v1/groups/" + id, null, 404, "not_found", id);
        expectError("DELETE", "/api/v1/groups/" + id, null, 404, "not_found", id);
        assertThat(get("/api/v1/groups")).isEmpty();
        assertThat(get("/api/v1/devices").get("total").asLong()).as("the devices stay").isEqualTo(3);
    }

    @Test
    void refusesInvalidGroups() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        expectError("POST", "/api/v1/groups", obj("name", "both", "filter", obj("client", "acme"),
                "imeis", List.of(imei(1))), 400, "invalid_group", "either a filter or a list of imeis");
        expectError("POST", "/api/v1/groups", obj("name", "neither"), 400, "invalid_group", "either");
        expectError("POST", "/api/v1/groups", obj("name", "bad imei", "imeis", List.of(imei(1), "490154203237517")),
                400, "invalid_imei", "imeis[1]");
        expectError("POST", "/api/v1/groups", obj("name", " ", "imeis", List.of()), 400, "invalid_name", "1 to 64");
        expectError("POST", "/api/v1/groups", obj("name", "bad client", "filter", obj("client", "#acme")),
                400, "invalid_client", "#acme");
        expectError("POST", "/api/v1/groups", obj("name", "bad status", "filter", obj("status", "happy")),
                400, "invalid_json", "happy");

        JsonNode first = call("POST", "/api/v1/groups", obj("name", "pilot", "imeis", List.of(imei(1))), 201);
        JsonNode second = call("POST", "/api/v1/groups", obj("name", "acme", "filter", obj("client", "acme")), 201);
        expectError("POST", "/api/v1/groups", obj("name", "pilot", "filter", obj()), 409, "duplicate_group", "pilot");
        expectError("PUT", "/api/v1/groups/" + second.get("id").asText(), obj("name", "pilot", "filter", obj()),
                409, "duplicate_group", "pilot");
        assertThat(texts(get("/api/v1/groups"), "name")).containsExactly("acme", "pilot");
        assertThat(get("/api/v1/groups/" + first.get("id").asText()).get("members").asLong()).isEqualTo(1);

        expectError("GET", "/api/v1/groups/nope", null, 404, "not_found", "nope");
        expectError("GET", "/api/v1/groups/nope/devices", null, 404, "not_found", "nope");
        expectError("PUT", "/api/v1/groups/nope", obj("name", "x", "filter", obj()), 404, "not_found", "nope");
        expectError("GET", "/api/v1/groups/" + first.get("id").asText() + "/devices?limit=1001", null,
                400, "invalid_limit", "limit");
    }

    @Test
    void aStaticGroupsMemberCountIsItsNumberOfDevices() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        JsonNode group = call("POST", "/api/v1/groups", obj("name", "pilot", "imeis", List.of(imei(1), imei(2))), 201);
        long total = get("/api/v1/groups/" + group.get("id").asText() + "/devices").get("total").asLong();
        assertThat(group.get("members").asLong()).isEqualTo(total);
    }

    @Test
    void aStaticGroupsStoredListIncludesUnregisteredImeis() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        JsonNode group = call("POST", "/api/v1/groups", obj("name", "pilot", "imeis", List.of(imei(2), imei(1))), 201);
        JsonNode imeis = get("/api/v1/groups/" + group.get("id").asText() + "/imeis");
        assertThat(imeis).hasSize(2);
        assertThat(imeis.get(0).asText()).isEqualTo(imei(1));
        assertThat(imeis.get(1).asText()).as("not registered, still listed").isEqualTo(imei(2));

        JsonNode filter = call("POST", "/api/v1/groups", obj("name", "acme", "filter", obj("client", "acme")), 201);
        expectError("GET", "/api/v1/groups/" + filter.get("id").asText() + "/imeis", null, 400, "not_static", "filter");
        expectError("GET", "/api/v1/groups/nope/imeis", null, 404, "not_found", "nope");
    }
}
