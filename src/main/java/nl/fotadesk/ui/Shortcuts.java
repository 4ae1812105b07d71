package nl.fotadesk.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The app's keyboard shortcuts, in one place so that no two screens claim the same keys and the help
 * lists every one of them. Ctrl+1 to Ctrl+7 show the screens in navigation order ({@link #screen}).
 */
public final class Shortcuts {
    public static final KeyCombination NEW_CAMPAIGN = shortcut(KeyCode.N);
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination FIND_DEVICE = shortcut(KeyCode.F);
    public static final KeyCombination REGISTER_DEVICE = new KeyCodeCombination(KeyCode.N,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination IMPORT_DEVICES = shortcut(KeyCode.I);
    public static final KeyCombination EXPORT = shortcut(KeyCode.E);
    public static final KeyCombination COPY = shortcut(KeyCode.C);
    public static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);

    private Shortcuts() {
    }

    /** Shows the screen at this place (0 for the first) in the navigation. */
    public static KeyCombination screen(int index) {
        return shortcut(KeyCode.getKeyCode(String.valueOf(index + 1)));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
