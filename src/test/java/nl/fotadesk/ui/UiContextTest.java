package nl.fotadesk.ui;

import nl.fotadesk.client.ConnectionException;
import nl.fotadesk.client.UnauthorizedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A same-thread context: work and its outcome run at once, and failures update the connection state. */
class UiContextTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private final UiContext context = FakeFotaDeskClient.context(server);
    private final List<String> outcome = new ArrayList<>();

    @Test
    void runsWorkAndShowsItsResultBeforeReturning() {
        context.run(() -> "done", outcome::add, outcome::add);
        assertThat(outcome).containsExactly("done");
        assertThat(context.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(context.connectionDetailProperty().get()).isEqualTo(server.baseUrl());
    }

    @Test
    void explainsAFailureInTheUsersWordsAndMarksTheConnection() {
        context.<String>run(() -> {
            throw new ConnectionException(ConnectionException.Reason.UNREACHABLE, "refused", null);
        }, outcome::add, outcome::add);
        assertThat(outcome).containsExactly(context.text("error.connection", server.baseUrl()));
        assertThat(context.connectionProperty().get()).isEqualTo(ConnectionState.RECONNECTING);

        context.<String>run(() -> {
            throw new UnauthorizedException("unauthorized", "bad key", null);
        }, outcome::add, outcome::add);
        assertThat(outcome).endsWith(context.text("error.unauthorized"));
        assertThat(context.connectionProperty().get()).isEqualTo(ConnectionState.ERROR);
    }

    @Test
    void aClosedContextRunsNothing() {
        context.close();
        context.run(() -> "late", outcome::add, outcome::add);
        assertThat(outcome).isEmpty();
    }
}
