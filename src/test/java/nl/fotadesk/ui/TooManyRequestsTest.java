package nl.fotadesk.ui;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestDatabase;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.TooManyRequestsException;
import nl.fotadesk.client.UnauthorizedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A real server's {@code 429 too_many_requests} to an ordinary request (here: its limit on failed
 * authentications from this address): the client reads the wait from {@code Retry-After}, and the app
 * says, in English and in Dutch, to wait that long and try again.
 */
class TooManyRequestsTest {
    static final int FAILURES = 2;

    @TempDir
    Path data;

    @Test
    void aRefusedRequestSaysHowLongToWait() throws Exception {
        BackendConfig config = TestDatabase.H2.config(data, TestBackend.API_KEY);
        try (TestBackend backend = new TestBackend(config.withSecrets(
                config.secrets().withAuthLimit(FAILURES, Duration.ofMinutes(1))))) {
            FotaDeskClient wrongKey = new HttpFotaDeskClient(backend.url(), "not-the-key-0123456789");
            for (int i = 0; i < FAILURES; i++) {
                assertThatThrownBy(wrongKey::clients).isInstanceOf(UnauthorizedException.class);
            }
            FotaDeskClient client = new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY);
            TooManyRequestsException refused = catchThrowableOfType(() -> client.devices(DeviceQuery.ALL),
                    TooManyRequestsException.class);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.error()).isEqualTo("too_many_requests");
            long seconds = refused.retryAfter().orElseThrow().toSeconds();
            assertThat(seconds).isBetween(2L, 60L);
            assertThat(explain(I18n.ENGLISH, client, refused))
                    .isEqualTo("The server received too many requests. Wait " + seconds + " seconds and try again.");
            assertThat(explain(I18n.DUTCH, client, refused)).isEqualTo(
                    "De server kreeg te veel verzoeken. Wacht " + seconds + " seconden en probeer het dan opnieuw.");
        }
    }

    @Test
    void withoutAWaitItSaysToWaitAMoment() {
        TooManyRequestsException refused = new TooManyRequestsException("too_many_requests", "slow down", null, null);
        FotaDeskClient client = new HttpFotaDeskClient("http://localhost:1", TestBackend.API_KEY);
        assertThat(explain(I18n.ENGLISH, client, refused))
                .isEqualTo("The server received too many requests. Wait a moment and try again.");
        assertThat(explain(I18n.DUTCH, client, refused))
                .isEqualTo("De server kreeg te veel verzoeken. Wacht even en probeer het dan opnieuw.");
        TooManyRequestsException oneSecond = new TooManyRequestsException("too_many_requests", "slow down",
                Duration.ofSeconds(1), null);
        assertThat(explain(I18n.DUTCH, client, oneSecond))
                .isEqualTo("De server kreeg te veel verzoeken. Wacht 1 seconde en probeer het dan opnieuw.");
    }

    private static String explain(Locale language, FotaDeskClient client, Throwable e) {
        return UiContext.sameThread(client, new I18n(language),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime()))).explain(e);
    }
}
