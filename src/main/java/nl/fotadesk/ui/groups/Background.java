package nl.fotadesk.ui.groups;

import nl.fotadesk.ui.UiContext;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** {@link UiContext#run}, except that work asked for while the app closes (a late timer, say) is dropped. */
final class Background {
    private Background() {
    }

    static <T> void run(UiContext context, UiContext.Work<T> work, Consumer<T> done, Consumer<String> failed) {
        try {
            context.run(work, done, failed);
        } catch (RejectedExecutionException closing) {
            // the context was closed: nobody is waiting for the answer
        }
    }
}
