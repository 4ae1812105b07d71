package nl.fotadesk.ui;

import javafx.stage.Stage;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Base of the GUI tests against the real app: one offline demo (backend and {@value UiTestBackend#DEVICES}
 * simulated devices) per test class, started before its first test, and a new main window in English
 * for each test, as {@link #app}.
 * A subclass writes only its tests (test methods take an {@code FxRobot}), with no {@code @Start};
 * it may override {@link #language()}, {@link #role()} or {@link #client}. Tests share the demo and the one test
 * instance, so a test uses devices and names of its own or undoes what it changes, never counts on
 * another test's leftovers, and sets per-test fields in a {@code @BeforeEach}.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DemoUiTest {
    private DemoEnvironment demo;
    protected UiTestBackend app;

    @BeforeAll
    void startDemo() throws Exception {
        demo = UiTestBackend.startDemo();
    }

    /** Runs after TestFX has set up its primary stage, before the subclass's own {@code @BeforeEach}. */
    @BeforeEach
    void openWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = WaitForAsyncUtils.asyncFx(() -> role() == null ? UiTestBackend.open(stage, demo, language(), this::client)
                : UiTestBackend.openAs(stage, demo, language(), role(), this::client)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @AfterAll
    void stopDemo() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    protected Locale language() {
        return I18n.ENGLISH;
    }

    /** The demo user the window signs in as (as the app opens the demo), or null: the demo's own client. */
    protected Role role() {
        return null;
    }

    /** The client the window uses: the demo's own (or, with a {@link #role()}, one signed in as that user), unless a test wraps it. */
    protected FotaDeskClient client(FotaDeskClient demoClient) {
        return demoClient;
    }
}
