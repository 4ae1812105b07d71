package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/devices/bulk}: all or nothing, every refused entry named. */
class BulkRegistrationApiTest extends ApiTestBase {

    @Test
    void registersEveryDeviceAndReturnsOnlyTheGeneratedSecrets() throws IOException {
        JsonNode created = call("POST", "/api/v1/devices/bulk", List.of(
                obj("imei", imei(1), "deviceType", "tracker-x", "client", "acme", "firmware", "1.0.0"),
                obj("imei", imei(2), "deviceType", "tracker-x", "client", "acme", "secret", SECRET),
                obj("imei", imei(3), "deviceType", "meter-y", "client", "globex")), 201);

        assertThat(texts(created, "imei")).containsExactly(imei(1), imei(2), imei(3));
        assertThat(created.get(0).get("secret").asText()).matches("[0-9A-Za-z]{40}");
        assertThat(created.get(1).has("secret")).as("a given secret is not echoed").isFalse();
        assertThat(created.get(2).get("secret").asText()).isNotEqualTo(created.get(0).get("secret").asText());
        assertThat(created.get(0).get("reportedFirmware").asText()).isEqualTo("1.0.0");
        assertThat(created.get(0).get("status").asText()).isEqualTo("in_sync");

        assertThat(get("/api/v1/devices").get("total").asLong()).isEqualTo(3);
        assertThat(get("/api/v1/devices/" + imei(3)).get("client").asText()).isEqualTo("globex");
        assertThat(get("/api/v1/devices/" + imei(3)).has("secret")).isFalse();
    }

    @Test
    void refusesTheWholeBatchAndListsEveryRefusedEntry() throws IOException {
        register(imei(9), "tracker-x", "acme", "1.0.0");
        String body = "[" + String.join(",", Arrays.asList(
                json(obj("imei", imei(1), "deviceType", "tracker-x", "client", "acme")),
                json(obj("imei", "490154203237517", "deviceType", "tracker-x", "client", "acme")),
                json(obj("imei", imei(1), "deviceType", "tracker-x", "client", "acme")),
                json(obj("imei", imei(9), "deviceType", "tracker-x", "client", "acme")),
                "null",
                json(obj("imei", imei(2), "deviceType", "tracker-x", "client", "-acme")),
                json(obj("imei", imei(3), "deviceType", "tracker-x", "client", "acme", "secret", "short")),
                json(obj("imei", imei(4), "deviceType", "tracker-x", "client", "acme", "firmware", "1 0")))) + "]";

        JsonNode refused = expectError("POST", "/api/v1/devices/bulk", body, 400, "invalid_batch",
                "7 of 8 devices were refused; none was registered");
        JsonNode errors = refused.get("errors");
        assertThat(ints(errors, "index")).as("0-based positions in the array").containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(texts(errors, "error")).containsExactly("invalid_imei", "duplicate_imei", "duplicate_imei",
                "invalid_device", "invalid_client", "invalid_secret", "invalid_firmware");
        assertThat(errors.get(0).get("imei").asText()).isEqualTo("490154203237517");
        assertThat(errors.get(0).get("detail").asText()).contains("check digit");
        assertThat(errors.get(1).get("imei").asText()).as("the second of two equal IMEIs").isEqualTo(imei(1));
        assertThat(errors.get(2).get("detail").asText()).contains(imei(9), "already registered");
        assertThat(errors.get(3).get("imei").isNull()).isTrue();

        assertThat(get("/api/v1/devices").get("total").asLong()).as("nothing was registered").isEqualTo(1);
        expectError("GET", "/api/v1/devices/" + imei(1), null, 404, "not_found", imei(1));
        assertThat(texts(get("/api/v1/clients"), "name")).as("no client was created either").containsExactly("acme");
    }

    @Test
    void refusesAnEmptyBatchAndABodyThatIsNoArray() throws IOException {
        expectError("POST", "/api/v1/devices/bulk", "[]", 400, "empty_batch", "non-empty JSON array");
        expectError("POST", "/api/v1/devices/bulk", json(obj("imei", imei(1), "deviceType", "t", "client", "c")),
                400, "invalid_json", "");
        expectError("POST", "/api/v1/devices/bulk", null, 400, "invalid_json", "");
        assertThat(get("/api/v1/devices").get("total").asLong()).isZero();
    }
}
