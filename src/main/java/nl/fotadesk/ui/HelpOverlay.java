package nl.fotadesk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The help (F1 or the Help button): the screens and what each is for, and every keyboard shortcut
 * ({@link Shortcuts}), over the window. F1, Escape, the close button or a click beside it closes it.
 */
final class HelpOverlay {
    private final UiContext context;
    private final StackPane layers;
    /** The screens the user sees, in navigation order (their shortcuts follow it). */
    private final Supplier<List<Screen>> screens;
    private StackPane shown;

    HelpOverlay(UiContext context, StackPane layers, Supplier<List<Screen>> screens) {
        this.context = context;
        this.layers = layers;
        this.screens = screens;
    }

    boolean isShown() {
        return shown != null;
    }

    void toggle() {
        if (shown != null) {
            hide();
        } else {
            show();
        }
    }

    void hide() {
        layers.getChildren().remove(shown);
        shown = null;
    }

    /** Built when shown, so it is always in the current language. */
    void show() {
        Label title = new Label(context.text("help.title"));
        title.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(context.text("help.close"));
        close.setId("help-close");
        close.setOnAction(e -> hide());
        close.setCancelButton(true);
        HBox header = new HBox(12, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane screens = grid("help-screens");
        List<Screen> seen = this.screens.get();
        for (int i = 0; i < seen.size(); i++) {
            Screen s = seen.get(i);
            row(screens, i, Shortcuts.screen(i).getDisplayText(), context.text(s.titleKey()),
                    context.text("help.screen." + s.id()));
        }
        GridPane keys = grid("help-shortcuts");
        List<Map.Entry<String, String>> shortcuts = List.of(
                Map.entry(Shortcuts.NEW_CAMPAIGN.getDisplayText(), "help.key.newCampaign"),
                Map.entry(Shortcuts.REFRESH.getDisplayText(), "help.key.refresh"),
                Map.entry(Shortcuts.HELP.getDisplayText(), "help.key.help"),
                Map.entry(Shortcuts.FIND_DEVICE.getDisplayText(), "help.key.search"),
                Map.entry(Shortcuts.REGISTER_DEVICE.getDisplayText(), "help.key.register"),
                Map.entry(Shortcuts.IMPORT_DEVICES.getDisplayText(), "help.key.import"),
                Map.entry(Shortcuts.EXPORT.getDisplayText(), "help.key.export"),
                Map.entry(Shortcuts.DELETE.getDisplayText(), "help.key.delete"),
                Map.entry(Shortcuts.COPY.getDisplayText(), "help.key.copy"),
                Map.entry(context.text("help.key.rightClick"), "help.key.menu"));
        for (int i = 0; i < shortcuts.size(); i++) {
            row(keys, i, shortcuts.get(i).getKey(), context.text(shortcuts.get(i).getValue()), "");
        }

        VBox card = new VBox(12, header, section("help.screens"), screens, section("help.shortcuts"), keys);
        card.getStyleClass().addAll("card", "help-card");
        card.setId("help-overlay");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        StackPane veil = new StackPane(card);
        veil.getStyleClass().add("help-veil");
        veil.setOnMouseClicked(e -> hide());
        veil.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            }
        });
        shown = veil;
        layers.getChildren().add(veil);
        close.requestFocus();
    }

    private Label section(String key) {
        Label l = new Label(context.text(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(6);
        return grid;
    }

    private static void row(GridPane grid, int row, String key, String name, String about) {
        Label k = new Label(key);
        k.getStyleClass().add("help-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label n = new Label(name);
        n.getStyleClass().add("help-name");
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label a = new Label(about);
        a.getStyleClass().add("help-text");
        a.setWrapText(true);
        a.setMaxWidth(520);
        grid.addRow(row, k, n, a);
    }
}
