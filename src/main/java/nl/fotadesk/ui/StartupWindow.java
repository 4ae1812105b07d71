package nl.fotadesk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The window while the offline demo starts: the launcher's splash screen ({@link LauncherSplash}), in the
 * same place and with the same image, and beneath the product name what is happening, in the user's
 * language, with a progress indicator. It grows rather than cut a longer text short.
 */
final class StartupWindow {
    /** The height of the image's icon and product name, above which the text never goes. */
    private static final double NAME_BOTTOM = 170;
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final StackPane root;

    StartupWindow(I18n i18n) {
        Image image = new Image(StartupWindow.class.getResource(LauncherSplash.IMAGE).toExternalForm());
        Label label = new Label(i18n.get("start.demoStarting"));
        label.setId("startup-text");
        label.setStyle("-fx-text-fill: #57606a;");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setAlignment(Pos.CENTER);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setMaxWidth(image.getWidth() - 48);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        VBox status = new VBox(10, progress, label);
        status.setAlignment(Pos.BOTTOM_CENTER);
        status.setPadding(new Insets(NAME_BOTTOM, 24, 22, 24));
        // the image without its bottom edge: the window's own border (its background) draws that, also
        // lower down when a long text makes the window taller
        ImageView view = new ImageView(image);
        view.setViewport(new Rectangle2D(0, 0, image.getWidth(), image.getHeight() - 1));
        root = new StackPane(view, status);
        StackPane.setAlignment(view, Pos.TOP_CENTER);
        root.setStyle("-fx-background-color: #d0d7de, white; -fx-background-insets: 0, 1;");
        root.setMinSize(image.getWidth(), image.getHeight());
        stage.setScene(new Scene(root));
        stage.setTitle(i18n.get("app.name"));
        AppIcons.apply(stage);
    }

    /** Shows it where the launcher's splash screen is: in the middle of the primary screen. */
    void show() {
        root.applyCss();
        double width = Math.max(root.minWidth(-1), root.prefWidth(-1));
        double height = Math.max(root.minHeight(width), root.prefHeight(width));
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setX(screen.getMinX() + Math.floor((screen.getWidth() - width) / 2));
        stage.setY(screen.getMinY() + Math.floor((screen.getHeight() - height) / 2));
        stage.show();
    }

    void close() {
        stage.close();
    }
}
