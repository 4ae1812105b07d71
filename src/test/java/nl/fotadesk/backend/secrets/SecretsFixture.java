package nl.fotadesk.backend.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
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
        backend.apiJson("POST", "/api/v1/devices", StrictJson.MAPPER.writeValueAsString(Map.of("imei", imei,
                "deviceType", "tracker-x", "client", "acme", "secret", secret, "firmware", "1.0.0")), 201);
    }

    /** Sends a signed uplink; returns the status and, for a downlink, its download token (else null). */
    static Uplink uplink(TestBackend backend, String imei, String secret) throws IOException {
        String body = TestBackend.pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        try (Response r = backend.uplink(body, MessageToken.compute(body.getBytes(StandardCharsets.UTF_8), secret))) {
            String text = r.body().string();
            String token = null;
            String url = null;
            if (r.code() == 200) {
                for (JsonNode record : StrictJson.MAPPER.readTree(text)) {
                    switch (record.path("n").asText()) {
                        case "token" -> token = record.get("vs").asText();
                        case "url" -> url = record.get("vs").asText();
                        default -> {
                        }
                    }
                }
            }
            return new Uplink(r.code(), url, token);
        }
    }

    /** Asks {@code node} for the first bytes of the download at {@code url}'s path; returns the status. */
    static int part(TestBackend node, String url, String token) throws IOException {
        Request request = new Request.Builder().url(node.url() + URI.create(url).getPath())
                .header("Authorization", "Bearer " + token).header("Range", "bytes=0-4").build();
        try (Response r = node.http.newCall(request).execute()) {
            return r.code();
        }
    }

    record Uplink(int status, String url, String token) {
    }
}
