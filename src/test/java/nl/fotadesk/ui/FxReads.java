package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What GUI tests read and type, on the FX thread. */
public final class FxReads {
    private FxReads() {
    }

    /** Reads the UI on the FX thread. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits at most {@code seconds} for {@code condition}, checked on the FX thread. */
    public static void await(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::get));
    }

    /** The text of the label, button or field {@code query} finds. */
    public static String text(FxRobot robot, String query) {
        return fx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
        });
    }

    public static void setText(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryTextInputControl();
        robot.interact(() -> field.setText(text));
    }
}
