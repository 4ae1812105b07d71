package nl.fotadesk.ui;

import javafx.animation.PauseTransition;
import javafx.scene.control.Labeled;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Copies text to the clipboard and says so on the control that did it, for a moment. */
public final class Clipboards {
    private static final Duration FEEDBACK = Duration.seconds(1.5);
    private final UiContext context;

    public Clipboards(UiContext context) {
        this.context = context;
    }

    public void copy(Labeled source, String text) {
        put(text);
        if (source != null) {
            Object original = source.getProperties().computeIfAbsent(Clipboards.class, k -> source.getText());
            source.setText(context.text("firmware.copied"));
            PauseTransition back = new PauseTransition(FEEDBACK);
            back.setOnFinished(e -> {
                source.setText((String) original);
                source.getProperties().remove(Clipboards.class);
            });
            back.play();
        }
    }

    /** Puts {@code text} on the clipboard, without a word. */
    public static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
