package nl.fotadesk.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's place and size; a place no longer on any screen is not restored. */
final class WindowBounds {
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 680;

    private WindowBounds() {
    }

    static void restore(Stage stage, Settings settings) {
        double[] b = settings.windowBounds();
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setWidth(Math.max(MIN_WIDTH, b[2]));
        stage.setHeight(Math.max(MIN_HEIGHT, b[3]));
        if (!Double.isNaN(b[0]) && !Screen.getScreensForRectangle(new Rectangle2D(b[0], b[1], 100, 100)).isEmpty()) {
            stage.setX(b[0]);
            stage.setY(b[1]);
        }
        stage.setMaximized(settings.maximized());
    }

    static void save(Stage stage, Settings settings) {
        settings.setMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        settings.flush();
    }
}
