package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import okhttp3.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Calls to a test backend as users of a role and scope, and what the scoping tests read from the answers. */
final class ScopedCalls {
    static final String PASSWORD = "correct horse battery";

    private final TestBackend backend;

    ScopedCalls(TestBackend backend) {
        this.backend = backend;
    }

    /** Makes the user ({@code roleAndScope}: JSON members such as {@code "role":"customer","client":"acme"}) and signs them in. */
    String user(String name, String roleAndScope) throws IOException {
        backend.apiJson("POST", "/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\","
                + roleAndScope + "}", 201);
        return backend.apiJson("POST", "/api/v1/sessions", "{\"username\":\"" + name + "\",\"password\":\""
                + PASSWORD + "\"}", 201).get("token").asText();
    }

    /** The answer as "status body". */
    String answer(String token, String method, String path, String json) throws IOException {
        try (Response r = backend.apiWithKey(method, path, json, token)) {
            return r.code() + " " + r.body().string();
        }
    }

    /** The IMEIs of a page of devices. */
    static List<String> imeis(JsonNode page) {
        List<String> imeis = new ArrayList<>();
        page.get("items").forEach(d -> imeis.add(d.get("imei").asText()));
        return imeis;
    }
}
