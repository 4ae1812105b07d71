package nl.fotadesk.ui.accounts;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import nl.fotadesk.demo.DemoEnvironment.DemoUser;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.ChoiceCells;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * The status bar's right end: who is signed in with their role and scope, their menu (personal API
 * tokens, their password, signing out to switch users), and in the offline demo a one-click "View as" the demo
 * operator, supplier or customer.
 */
public final class AccountBar {
    private final HBox root = new HBox(8);

    /**
     * @param demoUsers the demo's users to switch between (empty: not the demo)
     * @param signOut signs out, so that another user (or the same, after a new password) can sign in
     * @param viewAs signs in as this demo user
     */
    public AccountBar(UiContext context, List<DemoUser> demoUsers, Runnable signOut, Consumer<DemoUser> viewAs) {
        UserView user = context.user();
        Label who = new Label(UserTexts.signedIn(context, user));
        who.setId("signed-in");
        who.setMinWidth(80); // at the least window size a long name and scope shorten (the tooltip has it all)
        who.setTooltip(new Tooltip(user == null ? context.text("account.apiKey.tooltip")
                : context.text("account.tooltip", user.username(), UserTexts.scope(context, user))));
        MenuButton menu = new MenuButton(context.text("account.menu"));
        menu.setId("account-menu");
        menu.setMinWidth(MenuButton.USE_PREF_SIZE);
        MenuItem tokens = new MenuItem(context.text("account.tokens"));
        tokens.setId("account-tokens");
        tokens.setOnAction(e -> new TokensDialog(context).show(root.getScene().getWindow()));
        tokens.setDisable(user == null); // the server's API key has no personal tokens
        menu.getItems().add(tokens);
        if (demoUsers.isEmpty()) { // the demo's users keep their passwords: "View as" signs in with them
            MenuItem password = new MenuItem(context.text("account.password"));
            password.setId("account-password");
            password.setOnAction(e -> new PasswordDialog(context).show(root.getScene().getWindow(), signOut));
            password.setDisable(user == null); // the server's API key has no password
            menu.getItems().add(password);
            MenuItem out = new MenuItem(context.text("account.signOut"));
            out.setId("account-sign-out");
            out.setOnAction(e -> signOut.run());
            menu.getItems().add(out);
        }
        root.getChildren().addAll(who, menu);
        if (!demoUsers.isEmpty()) {
            root.getChildren().add(viewAs(context, demoUsers, user, viewAs));
        }
        root.setAlignment(Pos.CENTER_RIGHT);
    }

    private static Node viewAs(UiContext context, List<DemoUser> users, UserView user, Consumer<DemoUser> viewAs) {
        Label label = new Label(context.text("account.viewAs"));
        label.setMinWidth(Label.USE_PREF_SIZE);
        ComboBox<DemoUser> choice = new ComboBox<>();
        choice.setId("view-as");
        choice.getItems().setAll(users);
        // a demo user by their role: "Supplier (Stan Bakker)"
        ChoiceCells.wordAs(choice, demoUser -> context.text("account.viewAs.user",
                UserTexts.role(context, demoUser.role()), demoUser.displayName()));
        choice.setTooltip(new Tooltip(context.text("account.viewAs.tooltip")));
        choice.setMinWidth(120);
        users.stream().filter(u -> user != null && u.username().equals(user.username())).findFirst()
                .ifPresent(choice::setValue);
        choice.valueProperty().addListener((o, was, now) -> {
            if (now != null && (user == null || !now.username().equals(user.username()))) {
                viewAs.accept(now);
            }
        });
        HBox box = new HBox(6, label, choice);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    public Node node() {
        return root;
    }
}
