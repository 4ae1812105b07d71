package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.events.LongPolls;
import nl.fotadesk.backend.store.Database;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long polls park without threads, are capped per key, and wake on events committed by any node. */
class EventLongPollTest {
    @TempDir
    Path data;
    @TempDir
    Path otherData;

    @Test
    void aKeyMayHoldALimitedNumberOfLongPollsAndAllAreAnsweredByTheNextEvent() throws Exception {
        try (TestBackend backend = new TestBackend(BackendConfig.local(data, 0, TestBackend.API_KEY))) {
            OkHttpClient http = pollingClient(backend.http);
            long cursor = backend.apiJson("GET", "/api/v1/events", null, 200).get("cursor").asLong();
            List<CompletableFuture<Answer>> polls = new ArrayList<>();
            for (int i = 0; i <= LongPolls.MAX_PER_WAITER; i++) {
                polls.add(poll(http, backend.url(), cursor));
            }
            // one poll more than the cap: whichever arrives last is refused, the others wait
            Answer refused = (Answer) CompletableFuture.anyOf(polls.toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.retryAfter).isNotBlank();
            assertThat(refused.body.get("error").asText()).isEqualTo("too_many_long_polls");
            List<CompletableFuture<Answer>> waiting = polls.stream().filter(p -> !p.isDone()).toList();
            assertThat(waiting).hasSize(LongPolls.MAX_PER_WAITER);

            // the key still works for everything else while its long polls wait
            backend.registerDevice("356938035643809", "tracker", "1.0");
            String firmware = backend.uploadFirmware("tracker", "2.0", new byte[100]);
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            backend.setDesired("356938035643809", firmware);

            for (CompletableFuture<Answer> p : waiting) {
                Answer page = p.get(10, TimeUnit.SECONDS);
                assertThat(page.status).isEqualTo(200);
                assertThat(page.body.get("events").get(0).get("imei").asText()).isEqualTo("356938035643809");
            }
            // answered polls free their places
            assertThat(poll(http, backend.url(), cursor).get(10, TimeUnit.SECONDS).status).isEqualTo(200);
        }
    }

    /**
     * Only PostgreSQL's LISTEN/NOTIFY can answer the poll here: both nodes' regular re-read of the events
     * (the fallback for a missed wake-up) is off, both listen before anything is committed, and the poll
     * waits on node A before node B commits.
     */
    @Test
    void aLongPollOnOneNodeIsAnsweredByAnEventCommittedThroughAnother() throws Exception {
        BackendConfig shared = TestPostgres.config(data, TestBackend.API_KEY).withEventRecheck(Duration.ZERO);
        BackendConfig second = new BackendConfig(shared.host(), 0, otherData, shared.apiKey(), shared.publicUrl(),
                shared.maxFirmwareSize(), shared.jdbcUrl(), shared.jdbcUser(), shared.jdbcPassword(),
                shared.engineTick()).withEventRecheck(Duration.ZERO);
        try (TestBackend a = new TestBackend(shared); TestBackend b = new TestBackend(second);
             Database db = a.openDatabase()) {
            await("both nodes listen for events").atMost(Duration.ofSeconds(10)).until(() -> db.jdbc().count(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query = ?",
                    "LISTEN fota_desk_events") == 2);
            OkHttpClient http = pollingClient(a.http);
            long cursor = a.apiJson("GET", "/api/v1/events", null, 200).get("cursor").asLong();
            CompletableFuture<Answer> waiting = poll(http, a.url(), cursor);
            await("the poll waits on node A").atMost(Duration.ofSeconds(10))
                    .until(() -> a.server().waitingLongPolls() == 1);

            b.registerDevice("356938035643809", "tracker", "1.0");
            b.setDesired("356938035643809", b.uploadFirmware("tracker", "2.0", new byte[100]));

            // well before the poll's own 30 s wait ends, and nothing but the notification wakes it
            assertThat(waiting).succeedsWithin(Duration.ofSeconds(10));
            Answer page = waiting.get();
            assertThat(page.status).isEqualTo(200);
            assertThat(page.body.get("events").get(0).get("state").asText()).isEqualTo("pending");
        }
    }

    private static OkHttpClient pollingClient(OkHttpClient base) {
        OkHttpClient http = base.newBuilder().callTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60))
                .build();
        http.dispatcher().setMaxRequestsPerHost(4 * LongPolls.MAX_PER_WAITER);
        http.dispatcher().setMaxRequests(4 * LongPolls.MAX_PER_WAITER);
        return http;
    }

    private static Request pollRequest(String url, long cursor) {
        return new Request.Builder().url(url + "/api/v1/events?wait=30&since=" + cursor)
                .header("Authorization", "Bearer " + TestBackend.API_KEY).build();
    }

    private record Answer(int status, String retryAfter, JsonNode body) {
    }

    private static CompletableFuture<Answer> poll(OkHttpClient http, String url, long cursor) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        http.newCall(pollRequest(url, cursor)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                    answer.complete(new Answer(response.code(), response.header("Retry-After"),
                            StrictJson.MAPPER.readTree(response.body().string())));
                }
            }
        });
        return answer;
    }
}
