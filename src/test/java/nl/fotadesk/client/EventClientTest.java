package nl.fotadesk.client;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.api.EventPage;
import nl.fotadesk.protocol.api.EventView;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventClientTest extends BackendFixture {
    @Test
    void followsTheFeedFromTheLatestCursor() {
        register(1, 1, "tracker-x", "1.0.0");
        String v2 = client.uploadFirmware("tracker-x", "2.0.0", new byte[10]).id();
        long start = client.latestEventCursor();
        EventPage nothing = client.events(start, 0);
        assertThat(nothing.events()).isEmpty();
        assertThat(nothing.cursor()).isEqualTo(start);

        client.setDesiredFirmware(imei(1), v2);
        EventPage page = client.events(start, 0);
        assertThat(page.events()).extracting(EventView::imei, EventView::state)
                .contains(tuple(imei(1), "pending"));
        assertThat(page.cursor()).isEqualTo(page.events().get(page.events().size() - 1).id())
                .isEqualTo(client.latestEventCursor());
        assertApiError(() -> client.events(start, 31), ValidationException.class, 400, "invalid_wait", "30");
    }

    @Test
    void aLongPollOutwaitsTheClientsReadTimeout() {
        OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(1)).build();
        FotaDeskClient polling = new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY, impatient);
        long cursor = polling.latestEventCursor();
        long before = System.nanoTime();
        EventPage empty = polling.events(cursor, 2);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(empty.events()).isEmpty();
        assertThat(empty.cursor()).isEqualTo(cursor);
    }

    @Test
    void aLongPollAnswersAsSoonAsSomethingHappens() throws Exception {
        register(1, 1, "tracker-x", "1.0.0");
        String v2 = client.uploadFirmware("tracker-x", "2.0.0", new byte[10]).id();
        long cursor = client.latestEventCursor();
        CompletableFuture<EventPage> poll = CompletableFuture.supplyAsync(() -> client.events(cursor, 30));
        Thread.sleep(200);
        client.setDesiredFirmware(imei(1), v2);
        assertThat(poll.get(10, TimeUnit.SECONDS).events()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.id()).isGreaterThan(cursor));
    }
}
