package nl.fotadesk.ui.accounts;

import nl.fotadesk.client.ValidationException;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing one's own password without a dialog: the repeat checked here, the strength rule the server's. */
class PasswordModelTest {
    private static final String OLD = "olga's old passphrase";
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private PasswordModel model;

    @BeforeEach
    void signedInAsOlga() {
        server.signedIn = server.addUser("olga", OLD, Role.OPERATOR, null, null);
        model = new PasswordModel(FakeFotaDeskClient.context(server));
    }

    @Test
    void changesThePasswordAndSaysToSignInAgain() {
        fill(OLD, "a brand new passphrase", "a brand new passphrase");
        model.change();

        assertThat(server.passwords.get("olga")).isEqualTo("a brand new passphrase");
        assertThat(model.changed.get()).isTrue();
        assertThat(model.message.get()).isEqualTo(
                "Your password is changed. Your sessions have ended: sign in again with the new password.");
        assertThat(List.of(model.current.get(), model.next.get(), model.repeat.get())).as("no password kept")
                .containsOnly("");
        assertThat(model.busy.get()).isFalse();
    }

    @Test
    void aRepeatThatDiffersOrAnEmptyFieldIsSaidBeforeAskingTheServer() {
        fill(OLD, "a brand new passphrase", "a brand new passphrase!");
        model.change();
        assertThat(model.message.get()).isEqualTo("The two new passwords differ; type the same one twice.");
        fill("", "a brand new passphrase", "a brand new passphrase");
        model.change();
        assertThat(model.message.get()).isEqualTo("Enter your current password.");
        fill(OLD, "", "");
        model.change();
        assertThat(model.message.get()).isEqualTo("Enter a new password.");

        assertThat(server.calls).doesNotContain("changeOwnPassword");
        assertThat(model.changed.get()).isFalse();
    }

    @Test
    void showsTheServersStrengthRuleAndAWrongCurrentPassword() {
        fill(OLD, "short", "short");
        server.failNext = new ValidationException(400, "invalid_password", "a password has 12 to 256 characters",
                List.of(), null);
        model.change();
        assertThat(model.message.get()).isEqualTo("This password is too weak: a password has 12 to 256 characters");

        fill("not my password", "a brand new passphrase", "a brand new passphrase");
        model.change();
        assertThat(model.message.get()).isEqualTo("The current password is wrong.");
        assertThat(server.passwords.get("olga")).isEqualTo(OLD);
        assertThat(model.changed.get()).isFalse();
    }

    private void fill(String current, String next, String repeat) {
        model.current.set(current);
        model.next.set(next);
        model.repeat.set(repeat);
    }
}
