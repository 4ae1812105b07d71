package nl.fotadesk.ui.accounts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.protocol.api.PasswordChange;
import nl.fotadesk.ui.UiContext;

/**
 * A user changes their own password: the current one, the new one twice. The server keeps the strength
 * rule (its refusal is shown as it says it); the form only catches a typo in the repeat. A changed
 * password ends the user's sessions, this one too, so they sign in again.
 */
public final class PasswordModel {
    public final StringProperty current = new SimpleStringProperty("");
    public final StringProperty next = new SimpleStringProperty("");
    public final StringProperty repeat = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** True once the server changed the password. */
    public final BooleanProperty changed = new SimpleBooleanProperty();
    /** Why the change was refused, or that it was made; empty before. */
    public final StringProperty message = new SimpleStringProperty("");

    private final UiContext context;

    public PasswordModel(UiContext context) {
        this.context = context;
    }

    public void change() {
        String problem = current.get().isEmpty() ? "password.problem.current"
                : next.get().isEmpty() ? "password.problem.new"
                : !next.get().equals(repeat.get()) ? "password.problem.repeat" : null;
        if (problem != null) {
            message.set(context.text(problem));
            return;
        }
        PasswordChange change = new PasswordChange(current.get(), next.get());
        busy.set(true);
        message.set("");
        context.run(() -> {
            context.client().changeOwnPassword(change);
            return true;
        }, done -> {
            busy.set(false);
            current.set("");
            next.set("");
            repeat.set("");
            changed.set(true);
            message.set(context.text("password.changed"));
        }, refused -> {
            busy.set(false);
            message.set(refused);
        });
    }
}
