package nl.fotadesk.backend.api;

import nl.fotadesk.backend.TestBackend;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code HEAD} is answered wherever {@code GET} is: the same status and headers, and no body. */
class HeadRequestApiTest extends ApiTestBase {
    private static final Pattern PARAMETER = Pattern.compile("([^/]+)/\\{[^}]+}");

    @Test
    void everyGetRouteAnswersHeadWithTheStatusAndHeadersOfGetAndNoBody() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        String firmware = upload("tracker-x", "2.0.0", new byte[]{1, 2, 3});
        String group = call("POST", "/api/v1/groups", obj("name", "pilot", "imeis", List.of(imei(1))), 201)
                .get("id").asText();
        String campaign = call("POST", "/api/v1/campaigns", obj("name", "c", "firmwareId", firmware,
                "target", obj("imeis", List.of(imei(1)), "capOrder", "imei")), 201).get("id").asText();
        call("POST", "/api/v1/campaigns/rehearsals", obj("campaignId", campaign, "runs", 1), 200);
        call("POST", "/api/v1/users", obj("username", "olga", "password", "correct horse battery", "role", "operator"), 201);
        register(imei(2), "tracker-x", "acme", "1.0.0");
        String request = new RequestCalls(backend).filed(TestBackend.API_KEY, "{\"deviceType\":\"tracker-x\","
                + "\"version\":\"3.0.0\",\"target\":{\"imeis\":[\"" + imei(2) + "\"]}}", new byte[]{4, 5}).get("id").asText();
        call("POST", "/api/v1/requests/" + request + "/review", null, 200);
        call("POST", "/api/v1/requests/" + request + "/approve", null, 200);
        // the identifier each collection's {parameter} stands for
        Map<String, String> ids = Map.of("devices", imei(1), "firmware", firmware, "groups", group,
                "campaigns", campaign, "users", "olga", "requests", request);

        List<String> getRoutes = backend.server().apiRoutes().stream().filter(r -> r.startsWith("GET ")).toList();
        assertThat(getRoutes).as("the API's GET routes").hasSizeGreaterThanOrEqualTo(16);
        for (String route : getRoutes) {
            String path = concrete(route.substring(4), ids);
            try (Response head = send("HEAD", path); Response get = send("GET", path)) {
                assertThat(get.code()).as("GET " + path + " (a fixture for every route)").isEqualTo(200);
                assertThat(head.code()).as("HEAD " + path).isEqualTo(get.code());
                assertThat(withoutDate(head.headers())).as("HEAD " + path + " headers")
                        .isEqualTo(withoutDate(get.headers()));
                assertThat(head.body().bytes()).as("HEAD " + path + " body").isEmpty();
                // read after the HEAD on the same connection: any body bytes sent with it would garble this
                assertThat(get.body().bytes()).as("GET " + path + " body").isNotEmpty();
            }
        }
    }

    @Test
    void aMethodNotAllowedNamesTheAllowedOnesHeadIncluded() throws IOException {
        try (Response r = send("DELETE", "/api/v1/devices")) {
            assertError(r, 405, "method_not_allowed", "DELETE is not allowed on /api/v1/devices");
            assertThat(r.header("Allow")).isEqualTo("POST, GET, HEAD");
        }
    }

    private static String concrete(String template, Map<String, String> ids) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String id = ids.get(m.group(1));
            assertThat(id).as("an identifier for " + m.group() + " in " + template).isNotNull();
            m.appendReplacement(path, m.group(1) + "/" + id);
        }
        return m.appendTail(path).toString();
    }

    private Response send(String method, String path) throws IOException {
        return backend.http.newCall(new Request.Builder().url(backend.url() + path).method(method, null)
                .header("Authorization", "Bearer " + TestBackend.API_KEY).build()).execute();
    }

    private static Headers withoutDate(Headers headers) {
        return headers.newBuilder().removeAll("Date").build();
    }
}
