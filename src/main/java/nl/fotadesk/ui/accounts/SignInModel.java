package nl.fotadesk.ui.accounts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.client.ApiException;
import nl.fotadesk.client.UnauthorizedException;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.ui.UiContext;

import java.util.function.Consumer;

/**
 * Signing in with a username and password, or with a personal API token. The password and token live
 * in these fields only while the dialog is open: the client keeps the session's token in memory, and
 * nothing secret is written anywhere.
 */
public final class SignInModel {
    public final StringProperty username = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty token = new SimpleStringProperty("");
    /** True to sign in with a personal API token instead of a password. */
    public final BooleanProperty withToken = new SimpleBooleanProperty();
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** Why signing in failed, or empty. */
    public final StringProperty message = new SimpleStringProperty("");

    private final UiContext context;

    public SignInModel(UiContext context) {
        this.context = context;
    }

    /** Signs in in the background; {@code done} gets the session (on the FX thread) when the server accepted. */
    public void signIn(Consumer<Session> done) {
        String missing = withToken.get() ? (token.get().isBlank() ? "signIn.noToken" : null)
                : username.get().isBlank() || password.get().isEmpty() ? "signIn.noPassword" : null;
        if (missing != null) {
            message.set(context.text(missing));
            return;
        }
        busy.set(true);
        message.set("");
        context.run(this::attempt, outcome -> {
            busy.set(false);
            password.set("");
            if (outcome.session() != null) {
                token.set("");
                done.accept(outcome.session());
            } else {
                message.set(outcome.problem());
            }
        }, problem -> {
            busy.set(false);
            message.set(problem);
        });
    }

    /** A refusal is an answer here, not a failure: it must not count as a session that ended. */
    private Outcome attempt() {
        try {
            return new Outcome(withToken.get() ? context.client().useToken(token.get().trim())
                    : context.client().signIn(username.get().trim(), password.get()), null);
        } catch (UnauthorizedException e) {
            return new Outcome(null, context.text(withToken.get() ? "signIn.tokenRefused" : "signIn.refused"));
        } catch (ApiException e) {
            if (e.status() == 429) {
                return new Outcome(null, context.text("signIn.tooManyAttempts"));
            }
            throw e;
        }
    }

    private record Outcome(Session session, String problem) {
    }
}
