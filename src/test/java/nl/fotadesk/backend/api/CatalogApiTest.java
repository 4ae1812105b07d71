package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/clients} and {@code /api/v1/device-types}. */
class CatalogApiTest extends ApiTestBase {

    @Test
    void devicesAndFirmwareCreateTheirClientAndDeviceTypeAndTheListsCountThem() throws IOException {
        assertThat(get("/api/v1/clients")).isEmpty();
        assertThat(get("/api/v1/device-types")).isEmpty();
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2));
        register(imei(3), "meter-y", "globex", "1.0.0");
        upload("tracker-x", "2.0.0", new byte[10]);
        upload("sensor-z", "1.0.0", new byte[10]);

        JsonNode clients = get("/api/v1/clients");
        assertThat(texts(clients, "name")).containsExactly("acme", "globex");
        assertThat(ints(clients, "devices")).containsExactly(2, 1);
        assertThat(clients.get(0).get("createdAt").asText()).endsWith("Z");
        assertThat(clients.get(0).has("firmware")).isFalse();

        JsonNode types = get("/api/v1/device-types");
        assertThat(texts(types, "name")).containsExactly("meter-y", "sensor-z", "tracker-x");
        assertThat(ints(types, "devices")).containsExactly(1, 0, 2);
        assertThat(ints(types, "firmware")).containsExactly(0, 1, 1);
        assertThat(types.get(0).has("description")).isFalse();
    }

    @Test
    void createsClientsAndDeviceTypesOnceEach() throws IOException {
        JsonNode client = call("POST", "/api/v1/clients", obj("name", "Initech B.V."), 201);
        assertThat(client.get("name").asText()).isEqualTo("Initech B.V.");
        assertThat(client.get("devices").asLong()).isZero();
        assertThat(client.get("createdAt").asText()).endsWith("Z");

        JsonNode type = call("POST", "/api/v1/device-types", obj("name", "tracker-x", "description", "GPS tracker"), 201);
        assertThat(type.get("description").asText()).isEqualTo("GPS tracker");
        assertThat(type.get("devices").asLong()).isZero();
        assertThat(type.get("firmware").asLong()).isZero();

        expectError("POST", "/api/v1/clients", obj("name", "Initech B.V."), 409, "duplicate_client", "Initech B.V.");
        expectError("POST", "/api/v1/device-types", obj("name", "tracker-x"), 409, "duplicate_device_type", "tracker-x");
        register(imei(1), "meter-y", "acme", "1.0.0");
        expectError("POST", "/api/v1/clients", obj("name", "acme"), 409, "duplicate_client", "exists already");
        expectError("POST", "/api/v1/device-types", obj("name", "meter-y"), 409, "duplicate_device_type", "meter-y");

        expectError("POST", "/api/v1/clients", obj("name", ""), 400, "invalid_name", "1 to 64");
        expectError("POST", "/api/v1/clients", obj("name", "a/b"), 400, "invalid_name", "a/b");
        expectError("POST", "/api/v1/clients", "{}", 400, "invalid_name", "got nothing");
        expectError("POST", "/api/v1/device-types", obj("name", "x".repeat(65)), 400, "invalid_name", "1 to 64");
        expectError("POST", "/api/v1/device-types", obj("name", "sensor-z", "description", "d".repeat(257)),
                400, "invalid_description", "256");
        expectError("POST", "/api/v1/clients", "[", 400, "invalid_json", "");

        assertThat(texts(get("/api/v1/clients"), "name")).containsExactly("Initech B.V.", "acme");
        JsonNode types = get("/api/v1/device-types");
        assertThat(texts(types, "name")).containsExactly("meter-y", "tracker-x");
        assertThat(texts(types, "description")).containsExactly("", "GPS tracker");

        register(imei(2), "tracker-x", "Initech B.V.", "1.0.0");
        assertThat(ints(get("/api/v1/clients"), "devices")).containsExactly(1, 1);
    }
}
