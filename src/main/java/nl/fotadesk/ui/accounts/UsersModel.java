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
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The users on the server (operators only) and the form that creates one or changes the selected one:
 * role with its scope, display name, a password (a reset, when changing), disabled or not. The form
 * checks what it can before asking the server, which has the last word (e.g. on password strength).
 * The user being changed shows their personal API tokens, which an operator can revoke.
 */
public final class UsersModel {
    /** The server's rule for usernames (docs/api.md, POST /api/v1/users). */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 12;

    private record Loaded(List<UserView> users, List<CatalogEntry> clients, List<CatalogEntry> types) {
    }

    public final ObservableList<UserView> users = FXCollections.observableArrayList();
    public final ObservableList<String> clients = FXCollections.observableArrayList();
    public final ObservableList<String> deviceTypes = FXCollections.observableArrayList();
    private final Loader<Loaded> loader;
    public final BooleanProperty loaded;
    /** Why the list could not be loaded, or empty. */
    public final StringProperty loadError;

    /** The user being changed, or null while the form creates a new one. */
    public final ObjectProperty<UserView> editing = new SimpleObjectProperty<>();
    public final StringProperty username = new SimpleStringProperty("");
    public final StringProperty displayName = new SimpleStringProperty("");
    /** The new user's password, or a changed user's new one (empty: unchanged). */
    public final StringProperty password = new SimpleStringProperty("");
    public final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.CUSTOMER);
    public final StringProperty client = new SimpleStringProperty();
    public final ObservableList<String> chosenTypes = FXCollections.observableArrayList();
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** What the last action did, or why it failed. */
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty failed = new SimpleBooleanProperty();
    /** The personal API tokens of the user being changed (empty for a new user). */
    public final ObservableList<ApiTokenView> tokens = FXCollections.observableArrayList();

    private final UiContext context;

    public UsersModel(UiContext context) {
        this.context = context;
        loader = new Loader<>(context, () -> new Loaded(context.client().users(), context.client().clients(),
                context.client().deviceTypes()), this::apply);
        loaded = loader.loaded;
        loadError = loader.error;
    }

    public void load() {
        loader.load();
    }

    private void apply(Loaded loaded) {
        users.setAll(loaded.users());
        clients.setAll(loaded.clients().stream().map(CatalogEntry::name).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        deviceTypes.setAll(loaded.types().stream().map(CatalogEntry::name).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        UserView shown = editing.get();
        if (shown != null) { // the form follows the list: a user changed elsewhere shows as they are now
            users.stream().filter(u -> u.username().equals(shown.username())).findFirst().ifPresent(editing::set);
        }
    }

    /** Empties the form for a new user. */
    public void startNew() {
        editing.set(null);
        username.set("");
        displayName.set("");
        password.set("");
        role.set(Role.CUSTOMER);
        client.set(null);
        chosenTypes.clear();
        message.set("");
        tokens.clear();
    }

    /** Fills the form with {@code user}, to change them. */
    public void edit(UserView user) {
        editing.set(user);
        username.set(user.username());
        displayName.set(UserTexts.name(user));
        password.set("");
        role.set(user.role());
        client.set(user.client());
        chosenTypes.setAll(user.deviceTypes());
        message.set("");
        loadTokens(user.username());
    }

    private void loadTokens(String username) {
        tokens.clear();
        context.run(() -> context.client().tokensOf(username), list -> {
            if (editing.get() != null && editing.get().username().equals(username)) { // not another user's by now
                tokens.setAll(list);
            }
        }, problem -> say(problem, true));
    }

    /** Revokes one of the changed user's tokens: a script using it is refused at once. */
    public void revokeToken(ApiTokenView token) {
        String username = editing.get().username();
        busy.set(true);
        context.run(() -> {
            context.client().revokeTokenOf(username, token.id());
            return null;
        }, none -> {
            busy.set(false);
            say(context.text("users.tokenRevoked", token.name(), username), false);
            loadTokens(username);
        }, problem -> {
            busy.set(false);
            say(problem, true);
        });
    }

    /** What the role needs, or null when the form can be sent. */
    String problem() {
        boolean creating = editing.get() == null;
        if (creating && !USERNAME.matcher(username.get().trim()).matches()) {
            return "users.problem.username";
        }
        if ((creating || !password.get().isEmpty()) && password.get().length() < MIN_PASSWORD) {
            return "users.problem.password";
        }
        boolean hasClient = client.get() != null && !client.get().isEmpty();
        return switch (role.get()) {
            case OPERATOR -> null;
            case CUSTOMER, REQUESTER -> hasClient ? null : "users.problem.client";
            case SUPPLIER -> chosenTypes.isEmpty() ? "users.problem.deviceTypes" : null;
            case VIEWER -> hasClient && !chosenTypes.isEmpty() ? "users.problem.viewerScope" : null;
        };
    }

    /** Creates the user in the form, or saves the changes to the one being changed. */
    public void save() {
        String problem = problem();
        if (problem != null) {
            say(context.text(problem, MIN_PASSWORD), true);
            return;
        }
        UserView before = editing.get();
        String client = scopeClient();
        List<String> types = scopeTypes();
        String name = displayName.get().trim().isEmpty() ? null : displayName.get().trim();
        String newPassword = password.get().isEmpty() ? null : password.get();
        if (before == null) {
            NewUser user = new NewUser(username.get().trim(), newPassword, role.get(), client, types, name);
            act(() -> context.client().createUser(user), "users.created");
            return;
        }
        boolean scopeChanged = before.role() != role.get() || !Objects.equals(before.client(), client)
                || !Objects.equals(nullIfEmpty(before.deviceTypes()), types);
        // role and scope only when they change: a change ends the user's sessions
        UserChange change = new UserChange(Objects.equals(name, before.displayName()) ? null : name,
                scopeChanged ? role.get() : null, scopeChanged ? client : null, scopeChanged ? types : null, null,
                newPassword);
        act(() -> context.client().changeUser(before.username(), change), "users.saved");
    }

    /** Disables the user (their sessions and tokens stop at once) or enables them again. */
    public void setDisabled(UserView user, boolean disabled) {
        act(() -> context.client().changeUser(user.username(), new UserChange(null, null, null, null, disabled, null)),
                disabled ? "users.disabled" : "users.enabled");
    }

    public void delete(UserView user) {
        act(() -> {
            context.client().deleteUser(user.username());
            return null;
        }, "users.deleted", user.username());
    }

    private String scopeClient() {
        return role.get().takesClient() && client.get() != null && !client.get().isEmpty()
                ? client.get() : null;
    }

    private List<String> scopeTypes() {
        return role.get().takesDeviceTypes() ? nullIfEmpty(List.copyOf(chosenTypes)) : null;
    }

    private static List<String> nullIfEmpty(List<String> list) {
        return list.isEmpty() ? null : list;
    }

    private void act(UiContext.Work<UserView> work, String doneKey) {
        act(work, doneKey, null);
    }

    private void act(UiContext.Work<UserView> work, String doneKey, String deletedName) {
        busy.set(true);
        context.run(work, user -> {
            busy.set(false);
            password.set("");
            if (user == null) {
                startNew();
                say(context.text(doneKey, deletedName), false);
            } else {
                edit(user);
                say(context.text(doneKey, user.username()), false);
            }
            load();
        }, problem -> {
            busy.set(false);
            say(problem, true);
        });
    }

    private void say(String text, boolean problem) {
        message.set(text);
        failed.set(problem);
    }
}
