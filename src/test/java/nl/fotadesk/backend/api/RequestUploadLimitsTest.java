package nl.fotadesk.backend.api;

import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's image obeys the firmware size limit (4096 bytes here), a form cut short is refused, and a
 * refused upload leaves no file behind.
 */
class RequestUploadLimitsTest extends OnEachDatabase {
    private static final String REQUEST = "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\"}";
    @TempDir
    Path data;
    TestBackend backend;
    RequestCalls calls;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(database.config(data, TestBackend.API_KEY).withEngineTick(Duration.ZERO)
                .withMaxFirmwareSize(4096));
        backend.apiJson("POST", "/api/v1/devices", "{\"imei\":\"356938035643809\",\"deviceType\":\"tracker\","
                + "\"client\":\"acme\",\"secret\":\"" + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}", 201);
        calls = new RequestCalls(backend);
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void anImageOverTheLimitIs413AndLeavesNothing() throws Exception {
        try (Response r = calls.file(TestBackend.API_KEY, REQUEST, new byte[4097])) {
            String body = r.body().string();
            assertThat(r.code()).as(body).isEqualTo(413);
            assertThat(body).contains("too_large");
        }
        try (var files = Files.list(data.resolve("request-uploads"))) {
            assertThat(files).as("no spooled part is left").isEmpty();
        }
        assertThat(backend.apiJson("GET", "/api/v1/requests", null, 200)).isEmpty();
        assertThat(calls.filed(TestBackend.API_KEY, REQUEST, new byte[4096]).get("size").asInt()).as("at the limit")
                .isEqualTo(4096);
    }

    @Test
    void aBodyThatEndsInsideTheFormIs400AndLeavesNothing() throws Exception {
        String cut = "--b7\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n" + REQUEST + "\r\n--b7\r\nConte";
        Request request = new Request.Builder().url(backend.url() + "/api/v1/requests")
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .post(RequestBody.create(cut, MediaType.get("multipart/form-data; boundary=b7"))).build();
        try (Response r = backend.http.newCall(request).execute()) {
            String body = r.body().string();
            assertThat(r.code()).as(body).isEqualTo(400);
            assertThat(body).contains("invalid_multipart").contains("ends before the multipart form does");
        }
        try (var files = Files.list(data.resolve("request-uploads"))) {
            assertThat(files).as("no spooled part is left").isEmpty();
        }
        assertThat(backend.apiJson("GET", "/api/v1/requests", null, 200)).isEmpty();
    }
}
