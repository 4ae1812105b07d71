package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Users with personal tokens, and update requests filed and moved over HTTP, as the request tests need them. */
public final class RequestCalls {
    static final String PASSWORD = "correct horse battery";
    private final TestBackend backend;

    public RequestCalls(TestBackend backend) {
        this.backend = backend;
    }

    /** Adds a user ({@code scope} as JSON members, e.g. {@code ,"client":"acme"}) and returns a personal token of theirs. */
    public String user(String username, String role, String scope) throws IOException {
        backend.apiJson("POST", "/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\"" + scope + "}", 201);
        String session = backend.apiJson("POST", "/api/v1/sessions", "{\"username\":\"" + username
                + "\",\"password\":\"" + PASSWORD + "\"}", 201).get("token").asText();
        return json(call("POST", "/api/v1/tokens", "{\"name\":\"tests\"}", session), 201).get("token").asText();
    }

    /** Files a request as {@code token}: the image as part "file", {@code request} as part "request". */
    public Response file(String token, String request, byte[] image) throws IOException {
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("request", null, RequestBody.create(request, TestBackend.JSON))
                .addFormDataPart("file", "tracker-2.0.0.bin", RequestBody.create(image,
                        MediaType.get("application/octet-stream")))
                .build();
        return backend.http.newCall(new Request.Builder().url(backend.url() + "/api/v1/requests")
                .header("Authorization", "Bearer " + token).post(body).build()).execute();
    }

    /** Files a request and returns its view, failing unless it is 201. */
    public JsonNode filed(String token, String request, byte[] image) throws IOException {
        return json(file(token, request, image), 201);
    }

    public Response call(String method, String path, String json, String token) throws IOException {
        return backend.apiWithKey(method, path, json, token);
    }

    /** Calls as {@code token} and returns the JSON answer, failing unless the status is {@code status}. */
    public JsonNode as(String token, String method, String path, String json, int status) throws IOException {
        return json(call(method, path, json, token), status);
    }

    public static JsonNode json(Response r, int status) throws IOException {
        try (r) {
            String text = r.body().string();
            assertThat(r.code()).as(r.request().method() + " " + r.request().url() + ": " + text).isEqualTo(status);
            return StrictJson.MAPPER.readTree(text);
        }
    }
}
