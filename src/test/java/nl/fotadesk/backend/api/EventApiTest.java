package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/events}: the cursor, events after it, and the long poll. */
class EventApiTest extends ApiTestBase {

    @Test
    void withoutSinceTheAnswerHoldsNoEventsAndTheNewestCursor() throws IOException {
        JsonNode empty = get("/api/v1/events");
        assertThat(empty.get("events")).isEmpty();
        assertThat(empty.get("cursor").asLong()).isZero();

        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2));
        String v2 = upload("tracker-x", "2.0.0", new byte[10]);
        backend.setDesired(imei(1), v2);
        backend.setDesired(imei(2), v2);

        JsonNode now = get("/api/v1/events");
        assertThat(now.get("events")).isEmpty();
        JsonNode all = get("/api/v1/events?since=0");
        assertThat(all.get("events")).hasSize(2);
        assertThat(now.get("cursor").asLong()).isEqualTo(all.get("events").get(1).get("id").asLong())
                .isEqualTo(all.get("cursor").asLong());
    }

    @Test
    void sinceAnswersTheLaterEventsInOrderAndTheCursorToContinueFrom() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2));
        String firmware = upload("tracker-x", "2.0.0", new byte[10]);
        long start = get("/api/v1/events").get("cursor").asLong();
        String id = call("POST", "/api/v1/campaigns", obj("name", "feed", "firmwareId", firmware,
                "target", obj("imeis", List.of(imei(1), imei(2)), "capOrder", "imei"), "start", true), 201)
                .get("id").asText();

        JsonNode page = get("/api/v1/events?since=" + start);
        JsonNode events = page.get("events");
        assertThat(texts(events, "kind")).containsExactly("campaign", "campaign", "phase", "device", "device");
        assertThat(texts(events, "state")).containsExactly("draft", "running", "running", "pending", "pending");
        assertThat(texts(events, "campaignId")).containsOnly(id);
        assertThat(events.get(0).get("detail").asText()).isEqualTo("created for 2 devices in 1 phases");
        assertThat(events.get(0).has("imei")).isFalse();
        assertThat(events.get(0).has("phase")).isFalse();
        assertThat(events.get(2).get("phase").asInt()).isZero();
        assertThat(texts(events, "imei").subList(3, 5)).containsExactly(imei(1), imei(2));
        assertThat(events.get(3).get("at").asText()).endsWith("Z");
        assertThat(ints(events, "id")).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(0).get("id").asLong()).isGreaterThan(start);
        long cursor = page.get("cursor").asLong();
        assertThat(cursor).isEqualTo(events.get(4).get("id").asLong());

        JsonNode nothing = get("/api/v1/events?since=" + cursor);
        assertThat(nothing.get("events")).isEmpty();
        assertThat(nothing.get("cursor").asLong()).as("nothing new: the same cursor").isEqualTo(cursor);

        JsonNode two = get("/api/v1/events?since=" + start + "&limit=2");
        assertThat(texts(two.get("events"), "state")).containsExactly("draft", "running");
        JsonNode rest = get("/api/v1/events?since=" + two.get("cursor").asLong());
        assertThat(rest.get("events")).hasSize(3);
        assertThat(rest.get("cursor").asLong()).isEqualTo(cursor);

        reportsFirmware(imei(1), "2.0.0");
        JsonNode device = get("/api/v1/events?since=" + cursor).get("events");
        assertThat(texts(device, "state")).containsExactly("succeeded");
        assertThat(device.get(0).get("imei").asText()).isEqualTo(imei(1));
    }

    @Test
    void aWaitingRequestIsAnsweredAsSoonAsAnEventArrives() throws Exception {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        String v2 = upload("tracker-x", "2.0.0", new byte[10]);
        long cursor = get("/api/v1/events").get("cursor").asLong();

        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
            try {
                backend.setDesired(imei(1), v2);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        long t0 = System.nanoTime();
        JsonNode page = get("/api/v1/events?since=" + cursor + "&wait=8");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        later.get(5, TimeUnit.SECONDS);

        assertThat(texts(page.get("events"), "state")).containsExactly("pending");
        assertThat(millis).as("answered after the event came, long before the wait ran out")
                .isBetween(250L, 5_000L);
    }

    @Test
    void aWaitWithoutEventsEndsEmptyWithTheSameCursor() throws IOException {
        long cursor = get("/api/v1/events").get("cursor").asLong();
        long t0 = System.nanoTime();
        JsonNode page = get("/api/v1/events?since=" + cursor + "&wait=1");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("cursor").asLong()).isEqualTo(cursor);
        assertThat(millis).isBetween(900L, 5_000L);
    }

    @Test
    void refusesInvalidParameters() throws IOException {
        expectError("GET", "/api/v1/events?since=abc", null, 400, "invalid_since", "\"abc\"");
        expectError("GET", "/api/v1/events?since=1.5", null, 400, "invalid_since", "cursor");
        expectError("GET", "/api/v1/events?since=0&wait=31", null, 400, "invalid_wait", "0 to 30");
        expectError("GET", "/api/v1/events?since=0&wait=-1", null, 400, "invalid_wait", "-1");
        expectError("GET", "/api/v1/events?since=0&limit=0", null, 400, "invalid_limit", "1 to 1000");
        expectError("GET", "/api/v1/events?limit=1001", null, 400, "invalid_limit", "1001");
        expectError("POST", "/api/v1/events", "{}", 405, "method_not_allowed", "POST");
    }
}
