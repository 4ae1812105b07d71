package nl.fotadesk.backend.http;

import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.DomainError;
import nl.fotadesk.backend.domain.TooManyAttempts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorTest {
    @Test
    void everyKindOfRefusalHasAStatus() {
        Set<Class<?>> kinds = Set.of(DomainError.class.getPermittedSubclasses());
        assertThat(Set.<Class<?>>copyOf(HttpError.STATUS.keySet())).isEqualTo(kinds);
        assertThat(HttpError.STATUS.values()).allSatisfy(status -> assertThat(status).isBetween(400, 599));
    }

    @Test
    void aRefusalKeepsItsCodeAndDetailAndSaysWhenToComeBack() {
        HttpError conflict = HttpError.of(new Conflict("campaign_running", "the campaign is running"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.error()).isEqualTo("campaign_running");
        assertThat(conflict.retryAfterSeconds()).isZero();

        HttpError tooMany = HttpError.of(new TooManyAttempts(Duration.ofSeconds(30)));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.retryAfterSeconds()).isEqualTo(30);
    }
}
