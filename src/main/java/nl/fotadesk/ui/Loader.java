package nl.fotadesk.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * Loads a screen's data in the background, one load at a time: a request while one runs loads once
 * more after it, so a burst of live events costs two loads, not one per event.
 */
public final class Loader<T> {
    public final BooleanProperty loading = new SimpleBooleanProperty();
    /** True once a load succeeded (until then an empty list is not known to be empty). */
    public final BooleanProperty loaded = new SimpleBooleanProperty();
    /** Why the last load failed, or empty. */
    public final StringProperty error = new SimpleStringProperty("");

    private final UiContext context;
    private final UiContext.Work<T> work;
    private final Consumer<T> apply;
    private boolean again;
    private Runnable afterLoad = () -> {
    };

    /** @param apply puts a loaded result into the view model, on the FX thread */
    public Loader(UiContext context, UiContext.Work<T> work, Consumer<T> apply) {
        this.context = context;
        this.work = work;
        this.apply = apply;
    }

    /** What to do after each successful load (a screen restores its selection). */
    public void setAfterLoad(Runnable afterLoad) {
        this.afterLoad = afterLoad;
    }

    public void load() {
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        context.run(work, result -> {
            apply.accept(result);
            error.set("");
            loaded.set(true);
            finish();
            afterLoad.run();
        }, message -> {
            error.set(message);
            finish();
        });
    }

    private void finish() {
        loading.set(false);
        if (again) {
            again = false;
            load();
        }
    }
}
