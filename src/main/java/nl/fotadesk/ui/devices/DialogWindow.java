package nl.fotadesk.ui.devices;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window of the devices screen (register, import): styled like the app, modal to it. */
final class DialogWindow {
    private DialogWindow() {
    }

    static Stage create(Window owner, String title, Parent content) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(content);
        scene.getStylesheets().add(DialogWindow.class.getResource("/ui/fota-desk.css").toExternalForm());
        stage.setScene(scene);
        return stage;
    }
}
