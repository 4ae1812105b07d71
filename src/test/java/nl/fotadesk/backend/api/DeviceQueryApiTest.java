package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A device's history, and the IMEI prefix filter of the device list. */
class DeviceQueryApiTest extends ApiTestBase {
    static final String OTHER = "490154203237518";

    @Test
    void historyListsTheDevicesStateChangesOldestFirst() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        register(imei(2), "tracker-x", "acme", "1.0.0");
        assertThat(get("/api/v1/devices/" + imei(1) + "/history")).as("registering is no event").isEmpty();

        String v2 = upload("tracker-x", "2.0.0", new byte[100]);
        backend.setDesired(imei(1), v2);
        backend.setDesired(imei(2), v2);
        assertThat(uplink(imei(1), "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}")).as("the downlink").isEqualTo(200);
        reportsFailure(imei(1), 8);

        JsonNode history = get("/api/v1/devices/" + imei(1) + "/history");
        assertThat(texts(history, "state")).containsExactly("pending", "notified", "failed");
        assertThat(texts(history, "kind")).containsOnly("device");
        assertThat(texts(history, "imei")).containsOnly(imei(1));
        assertThat(history.get(0).get("detail").asText()).contains("2.0.0");
        assertThat(history.get(2).get("detail").asText()).contains("fotaResult 8");
        assertThat(history.get(0).get("at").asText()).endsWith("Z");
        assertThat(history.get(1).get("id").asLong()).isGreaterThan(history.get(0).get("id").asLong());

        JsonNode newest = get("/api/v1/devices/" + imei(1) + "/history?limit=2");
        assertThat(texts(newest, "state")).as("the newest two, oldest first").containsExactly("notified", "failed");

        expectError("GET", "/api/v1/devices/" + OTHER + "/history", null, 404, "not_found", OTHER);
        expectError("GET", "/api/v1/devices/" + imei(1) + "/history?limit=0", null, 400, "invalid_limit", "1 to 1000");
        expectError("GET", "/api/v1/devices/" + imei(1) + "/history?limit=1001", null, 400, "invalid_limit", "1001");
    }

    @Test
    void filtersDevicesByAnyPartOfTheImei() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        register(imei(2), "tracker-x", "acme", "1.0.0");
        register(imei(15), "tracker-x", "globex", "1.0.0");
        register(OTHER, "tracker-x", "globex", "1.0.0");

        JsonNode all = get("/api/v1/devices?imei=35693803");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(texts(all.get("items"), "imei")).containsExactly(imei(1), imei(2), imei(15));
        assertThat(texts(get("/api/v1/devices?imei=3569380300001").get("items"), "imei")).containsExactly(imei(15));
        assertThat(texts(get("/api/v1/devices?imei=4901").get("items"), "imei")).containsExactly(OTHER);
        assertThat(texts(get("/api/v1/devices?imei=0000153").get("items"), "imei")).as("the end").containsExactly(imei(15));
        assertThat(texts(get("/api/v1/devices?imei=4203").get("items"), "imei")).as("the middle").containsExactly(OTHER);
        assertThat(texts(get("/api/v1/devices?imei=000002").get("items"), "imei")).containsExactly(imei(2));
        assertThat(texts(get("/api/v1/devices?imei=%2030-00%20").get("items"), "imei")).as("digits only")
                .containsExactly(imei(1), imei(2), imei(15));
        assertThat(texts(get("/api/v1/devices?imei=" + imei(2)).get("items"), "imei")).containsExactly(imei(2));
        assertThat(get("/api/v1/devices?imei=77").get("total").asLong()).isZero();
        assertThat(get("/api/v1/devices?imei=x").get("total").asLong()).as("no digits, no match").isZero();

        JsonNode combined = get("/api/v1/devices?imei=35693803&client=globex");
        assertThat(texts(combined.get("items"), "imei")).containsExactly(imei(15));

        JsonNode page = get("/api/v1/devices?imei=35693803&limit=2&offset=1");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(texts(page.get("items"), "imei")).containsExactly(imei(2), imei(15));
    }

    @Test
    void aQueryValueHoldingU0000IsRefusedOnEveryDatabase() throws IOException {
        expectError("GET", "/api/v1/devices?imei=a%00b", null, 400, "invalid_imei", "U+0000");
        expectError("GET", "/api/v1/audit?object=%00", null, 400, "invalid_object", "control characters");
    }
}
