package nl.fotadesk.ui.accounts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.IssuedApiToken;
import nl.fotadesk.protocol.api.NewApiToken;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.UiContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The signed-in user's personal API tokens for scripts: list, create (the value is shown once, right
 * after), revoke.
 */
public final class TokensModel {
    /** How long a new token lasts: days, or 0 for a token without an end. */
    public static final List<Integer> VALIDITY_DAYS = List.of(30, 90, 365, 0);

    public final ObservableList<ApiTokenView> tokens = FXCollections.observableArrayList();
    public final StringProperty name = new SimpleStringProperty("");
    public final ObjectProperty<Integer> validDays = new SimpleObjectProperty<>(90);
    /** The value of the token just created, shown once; empty otherwise. */
    public final StringProperty issued = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final Loader<List<ApiTokenView>> loader;

    private final UiContext context;
    private final Clock clock;

    public TokensModel(UiContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        loader = new Loader<>(context, () -> context.client().tokens(), tokens::setAll);
    }

    public void load() {
        loader.load();
    }

    public void create() {
        String tokenName = name.get().trim();
        if (tokenName.isEmpty()) {
            message.set(context.text("tokens.noName"));
            return;
        }
        Integer days = validDays.get();
        String expiresAt = days == null || days == 0 ? null : clock.instant().plus(Duration.ofDays(days)).toString();
        busy.set(true);
        message.set("");
        context.run(() -> context.client().createToken(new NewApiToken(tokenName, expiresAt)), (IssuedApiToken t) -> {
            busy.set(false);
            issued.set(t.token());
            name.set("");
            message.set(context.text("tokens.created", tokenName));
            load();
        }, problem -> {
            busy.set(false);
            message.set(problem);
        });
    }

    public void revoke(ApiTokenView token) {
        busy.set(true);
        context.run(() -> {
            context.client().revokeToken(token.id());
            return token;
        }, t -> {
            busy.set(false);
            issued.set("");
            message.set(context.text("tokens.revoked", t.name()));
            load();
        }, problem -> {
            busy.set(false);
            message.set(problem);
        });
    }
}
