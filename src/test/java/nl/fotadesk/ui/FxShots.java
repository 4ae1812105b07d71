package nl.fotadesk.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pictures of what a layout test checked, in {@code target/ui-shots}, for a person to look at: a test
 * can say that no text is cut off, not that the screen reads well.
 */
public final class FxShots {
    private static final Path FOLDER = Path.of("target", "ui-shots");

    private FxShots() {
    }

    /** Writes the scene as {@code <name>.png}; call on the FX thread. */
    public static void save(Scene scene, String name) {
        try {
            Files.createDirectories(FOLDER);
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
                    FOLDER.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
