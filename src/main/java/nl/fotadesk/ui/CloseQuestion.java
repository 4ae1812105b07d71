package nl.fotadesk.ui;

import javafx.scene.Node;

import java.util.List;

/**
 * What closing the window would end, asked before it does: a running upload (continue uploading, or
 * cancel it and quit) and the offline demo (its server and simulated devices stop with the app).
 * With nothing to lose the window closes at once.
 */
final class CloseQuestion {
    private final UiContext context;
    private final List<Screen> screens;
    private final Node owner;

    CloseQuestion(UiContext context, List<Screen> screens, Node owner) {
        this.context = context;
        this.screens = screens;
        this.owner = owner;
    }

    /** Asks, if there is something to lose, and runs {@code quit} when the user agrees (after stopping the work). */
    void ask(Runnable quit) {
        boolean working = screens.stream().anyMatch(Screen::working);
        if (!working && !context.demo()) {
            quit.run();
            return;
        }
        String demo = context.demo() ? context.text("close.demoStops") : "";
        ConfirmDialog dialog = working
                ? new ConfirmDialog(context.text("close.title"), context.text("close.uploading.header"),
                        (context.text("close.uploading.content") + " " + demo).trim(),
                        context.text("close.uploading.quit"), context.text("close.uploading.keep"))
                : new ConfirmDialog(context.text("close.title"), context.text("close.demo.header"), demo,
                        context.text("close.demo.quit"), context.text("close.demo.keep"));
        dialog.ids("close-question", "close-quit", "close-keep").show(owner, () -> {
            // Stop the work before the app (and the demo's server) goes, so it ends cleanly on both sides.
            screens.forEach(Screen::stopWork);
            quit.run();
        });
    }
}
