package nl.fotadesk.ui.accounts;

import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's personal API tokens: created (shown once), listed, revoked. */
class TokensModelTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private TokensModel model;

    @BeforeEach
    void signedIn() {
        server.addUser("stan", "stan's passphrase", Role.SUPPLIER, null, java.util.List.of("tracker-x"));
        server.signIn("stan", "stan's passphrase");
        model = new TokensModel(FakeFotaDeskClient.context(server),
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        model.load();
    }

    @Test
    void createsATokenShownOnceWithItsEnd() {
        model.create();
        assertThat(model.message.get()).startsWith("Give the token a name");
        model.name.set("nightly export");
        model.validDays.set(30);
        model.create();
        assertThat(model.issued.get()).isEqualTo("fdt_secret_t1");
        assertThat(model.tokens).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("nightly export");
            assertThat(t.expiresAt()).isEqualTo("2026-03-31T00:00:00Z");
        });
        assertThat(model.name.get()).isEmpty();

        model.validDays.set(0);
        model.name.set("forever");
        model.create();
        assertThat(model.tokens.get(1).expiresAt()).as("no end").isNull();
    }

    @Test
    void revokingForgetsTheShownValue() {
        model.name.set("script");
        model.create();
        model.revoke(model.tokens.get(0));
        assertThat(model.tokens).isEmpty();
        assertThat(model.issued.get()).isEmpty();
        assertThat(model.message.get()).isEqualTo("Token \"script\" revoked: it no longer works.");
    }
}
