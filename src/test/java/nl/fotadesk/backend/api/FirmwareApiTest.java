package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Firmware metadata with usage counts, delete when unused, and the content download. */
class FirmwareApiTest extends ApiTestBase {

    @Test
    void countsWhoUsesAnImageAndDeletesOnlyUnusedOnes() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2));
        String wanted = upload("tracker-x", "2.0.0", new byte[]{1});
        String rolledOut = upload("tracker-x", "3.0.0", new byte[]{2});
        String unused = upload("tracker-x", "4.0.0", new byte[]{3});

        backend.setDesired(imei(1), wanted);
        call("POST", "/api/v1/campaigns", obj("name", "to 3.0.0", "firmwareId", rolledOut,
                "target", obj("imeis", List.of(imei(2)))), 201);

        JsonNode w = get("/api/v1/firmware/" + wanted);
        assertThat(w.get("devices").asLong()).isEqualTo(1);
        assertThat(w.get("campaigns").asLong()).isZero();
        JsonNode r = get("/api/v1/firmware/" + rolledOut);
        assertThat(r.get("devices").asLong()).as("a draft sets no desired firmware").isZero();
        assertThat(r.get("campaigns").asLong()).isEqualTo(1);
        assertThat(ints(get("/api/v1/firmware"), "devices")).containsExactly(1, 0, 0);

        expectError("DELETE", "/api/v1/firmware/" + wanted, null, 409, "firmware_in_use",
                "the desired firmware of 1 devices");
        expectError("DELETE", "/api/v1/firmware/" + rolledOut, null, 409, "firmware_in_use", "used by 1 campaigns");
        try (Response d = backend.api("DELETE", "/api/v1/firmware/" + unused, null)) {
            assertThat(d.code()).isEqualTo(204);
            assertThat(d.body().bytes()).isEmpty();
        }
        expectError("GET", "/api/v1/firmware/" + unused, null, 404, "not_found", unused);
        expectError("DELETE", "/api/v1/firmware/" + unused, null, 404, "not_found", unused);
        assertThat(texts(get("/api/v1/firmware"), "version")).containsExactly("2.0.0", "3.0.0");
        assertThat(ints(get("/api/v1/device-types"), "firmware")).containsExactly(2);

        upload("tracker-x", "4.0.0", new byte[]{3});
        assertThat(texts(get("/api/v1/firmware"), "version")).as("the version can be uploaded again")
                .containsExactly("2.0.0", "3.0.0", "4.0.0");
    }

    @Test
    void downloadsTheImageByteForByte() throws IOException {
        byte[] image = new byte[200_000];
        new Random(7).nextBytes(image);
        String id = upload("tracker-x", "2.0.0-rc.7", image);

        try (Response r = backend.api("GET", "/api/v1/firmware/" + id + "/content", null)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"tracker-x-2.0.0-rc.7.bin\"");
            assertThat(r.header("Content-Length")).isEqualTo("200000");
            assertThat(r.body().bytes()).isEqualTo(image);
        }
        expectError("GET", "/api/v1/firmware/nope/content", null, 404, "not_found", "nope");
    }
}
