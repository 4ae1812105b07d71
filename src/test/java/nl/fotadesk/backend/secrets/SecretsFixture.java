package nl.fotadesk.backend.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.http.Json;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Backends with their own master key file, and devices that register, uplink and get download tokens. */
final class SecretsFixture {
    private SecretsFixture() {
    }

    /** A backend config on H2 in {@code data} or on a fresh PostgreSQL database, with the master key in {@code keyFile}. */
    static BackendConfig config(String database, Path data, Path keyFile, String apiKey) {
        BackendConfig base = database.equals("postgres") ? TestPostgres.config(data, apiKey)
                : BackendConfig.local(data, 0, apiKey);
        return base.withSecrets(SecretsConfig.forUser().withMasterKeyFile(keyFile));
    }

    static void register(TestBackend backend, String imei, String secret) throws IOException {
        backend.apiJson("POST", "/api/v1/devices", Json.MAPPER.writeValueAsString(Map.of("imei", imei,
                "deviceType", "tracker-x", "client", "acme", "secret", secret, "firmware", "1.0.0")), 201);
    }

    /** Sends a signed uplink; returns the status and, for a downlink, its download token (else null). */
    static Uplink uplink(TestBackend backend, String imei, String secret) throws IOException {
        String body = TestBackend.pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        try (Response r = backend.uplink(body, MessageToken.compute(body.getBytes(StandardCharsets.UTF_8), secret))) {
            String text = r.body().string();
            String token = null;
            if (r.code() == 200) {
                for (JsonNode record : Json.MAPPER.readTree(text)) {
                    if ("token".equals(record.path("n").asText())) {
                        token = record.get("vs").asText();
                    }
                }
            }
            return new Uplink(r.code(), token);
        }
    }

    record Uplink(int status, String token) {
    }
}
