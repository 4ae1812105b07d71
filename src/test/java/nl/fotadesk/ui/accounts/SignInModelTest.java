package nl.fotadesk.ui.accounts;

import nl.fotadesk.client.ApiException;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in without a dialog: wrong and right passwords, tokens, too many attempts. */
class SignInModelTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private final List<Session> sessions = new ArrayList<>();
    private final List<String> askedAgain = new ArrayList<>();
    private SignInModel model;

    @BeforeEach
    void serverWithAUser() {
        server.addUser("carla", "carla's passphrase", Role.CUSTOMER, "acme", null);
        UiContext context = FakeFotaDeskClient.context(server);
        context.setOnSignInNeeded(() -> askedAgain.add("asked"));
        model = new SignInModel(context);
    }

    @Test
    void aWrongPasswordIsSaidAndTheRightOneSignsIn() {
        model.username.set("carla");
        model.password.set("guess");
        model.signIn(sessions::add);
        assertThat(sessions).isEmpty();
        assertThat(model.message.get()).isEqualTo("Wrong username or password, or this user is disabled.");
        assertThat(model.password.get()).as("typed again, not kept").isEmpty();
        assertThat(askedAgain).as("a refused sign-in is no ended session").isEmpty();

        model.password.set("carla's passphrase");
        model.signIn(sessions::add);
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.user().role()).isEqualTo(Role.CUSTOMER));
        assertThat(model.message.get()).isEmpty();
        assertThat(model.password.get()).isEmpty();
    }

    @Test
    void asksForWhatIsMissing() {
        model.signIn(sessions::add);
        assertThat(model.message.get()).isEqualTo("Enter your username and password.");
        model.withToken.set(true);
        model.signIn(sessions::add);
        assertThat(model.message.get()).isEqualTo("Paste your personal API token.");
        assertThat(server.calls).isEmpty();
    }

    @Test
    void signsInWithAToken() {
        model.withToken.set(true);
        model.token.set("nobody");
        model.signIn(sessions::add);
        assertThat(model.message.get()).startsWith("The server does not accept this token");
        model.token.set(" carla ");
        model.signIn(sessions::add);
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.user().username()).isEqualTo("carla"));
        assertThat(model.token.get()).isEmpty();
    }

    @Test
    void tooManyAttemptsSayWhatToDo() {
        model.username.set("carla");
        model.password.set("guess");
        server.failNext = new ApiException(429, "too_many_attempts", "try again later", List.of(), null);
        model.signIn(sessions::add);
        assertThat(model.message.get()).isEqualTo("Too many failed attempts. Wait a minute and try again.");
        assertThat(model.busy.get()).isFalse();
    }
}
