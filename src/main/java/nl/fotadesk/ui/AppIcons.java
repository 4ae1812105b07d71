package nl.fotadesk.ui;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

import java.util.List;

/** The app icon on every window (task bar, window switcher) and in dialogs. */
public final class AppIcons {
    private static final List<String> SIZES = List.of("32", "64", "256");

    private AppIcons() {
    }

    public static void apply(Stage stage) {
        for (String size : SIZES) {
            stage.getIcons().add(new Image(AppIcons.class.getResource("/ui/icon-" + size + ".png").toExternalForm()));
        }
    }

    /** The icon at 48 px, for a dialog's header. */
    public static ImageView graphic() {
        ImageView view = new ImageView(new Image(AppIcons.class.getResource("/ui/icon-64.png").toExternalForm()));
        view.setFitWidth(48);
        view.setFitHeight(48);
        return view;
    }
}
