package nl.fotadesk.cli;

import nl.fotadesk.ui.I18n;

import java.util.Locale;
import java.util.Optional;

/**
 * Why the app's window cannot open on this computer, in words that say how to fix it, instead of
 * JavaFX's stack trace: the GTK 3 library is missing (a server or a minimal install), or there is no
 * display to show it on. The commands that need no window are named as the way on.
 */
final class GuiUnavailable {
    /** The exit status when the window cannot open. */
    static final int EXIT_CODE = 3;

    private GuiUnavailable() {
    }

    /** The explanation when {@code failure} (or a cause of it) is JavaFX finding no GTK or no display. */
    static Optional<String> explain(Throwable failure) {
        return explain(failure, new I18n(Locale.getDefault()));
    }

    static Optional<String> explain(Throwable failure, I18n i18n) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof UnsupportedOperationException && message.contains("Unable to load glass GTK library")) {
                return Optional.of(i18n.get("launch.noGtk") + System.lineSeparator() + i18n.get("launch.headless"));
            }
            if (t instanceof UnsupportedOperationException && message.contains("Unable to open DISPLAY")) {
                return Optional.of(i18n.get("launch.noDisplay") + System.lineSeparator() + i18n.get("launch.headless"));
            }
        }
        return Optional.empty();
    }
}
