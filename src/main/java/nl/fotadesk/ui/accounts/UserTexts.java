package nl.fotadesk.ui.accounts;

import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.UiContext;

/** How users, roles and scopes read in the app, in the user's language. */
public final class UserTexts {
    private UserTexts() {
    }

    public static String role(UiContext context, Role role) {
        return context.text("role." + role.wireName());
    }

    /** What the user works on: "client acme", "device types tracker-x, meter-y", or "everything". */
    public static String scope(UiContext context, UserView user) {
        if (user.client() != null) {
            return context.text("account.scope.client", user.client());
        }
        if (!user.deviceTypes().isEmpty()) {
            return context.text("account.scope.deviceTypes", String.join(", ", user.deviceTypes()));
        }
        return context.text("account.scope.all");
    }

    /** The status bar's "Carla Visser · customer" (the scope is in its tooltip); the API key when no one signed in. */
    public static String signedIn(UiContext context, UserView user) {
        return user == null ? context.text("account.apiKey")
                : context.text("account.signedIn", name(user), role(context, user.role()));
    }

    public static String name(UserView user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }
}
