package nl.fotadesk.ui;

import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.ui.firmware.FirmwareScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import static nl.fotadesk.ui.CampaignAlertsTest.allText;
import static nl.fotadesk.ui.CampaignAlertsTest.fx;
import static nl.fotadesk.ui.CampaignAlertsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the window asks first: during an upload (continue, or cancel it and quit, which ends the
 * upload before the window goes) and in the offline demo (which stops with the app).
 */
class CloseQuestionTest extends DemoUiTest {
    /** Holds every upload after its first chunk until the test lets it go (or the upload is cancelled). */
    CountDownLatch gate;
    AtomicBoolean uploadEnded;
    AtomicBoolean closed;
    Stage stage;

    @TempDir
    Path dir;

    @Override
    protected FotaDeskClient client(FotaDeskClient demoClient) {
        return heldUploads(demoClient);
    }

    @BeforeEach
    void watchTheWindow() {
        gate = new CountDownLatch(1);
        uploadEnded = new AtomicBoolean();
        closed = new AtomicBoolean();
        stage = app.window.stage();
        app.window.setBeforeClose(() -> closed.set(true));
    }

    @AfterEach
    void releaseUploads() {
        gate.countDown();
    }

    @Test
    void closingDuringAnUploadAsksAndCancelsItBeforeQuitting(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        FirmwareScreen screen = (FirmwareScreen) app.window.screen("firmware");
        Path file = Files.write(dir.resolve("tracker-x-7.0.0.bin"), new byte[512 * 1024]);
        robot.interact(() -> screen.chooseFile(file));
        robot.clickOn("#firmware-upload");
        waitFor(5, () -> fx(screen::working));

        // Continue uploading: nothing changes.
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(5, () -> robot.lookup("#close-question").tryQuery().isPresent());
        String question = fx(() -> allText(robot.lookup("#close-question").query()));
        assertThat(question).contains("A firmware upload is still in progress.", "The offline demo stops with the app");
        robot.clickOn("#close-keep");
        assertThat(fx(stage::isShowing)).isTrue();
        assertThat(fx(screen::working)).isTrue();

        // Cancel upload and quit: the upload has ended when the window goes, and the server kept nothing.
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(5, () -> robot.lookup("#close-quit").tryQuery().isPresent());
        robot.clickOn("#close-quit");
        waitFor(10, () -> !fx(stage::isShowing));
        assertThat(uploadEnded).as("upload ended before quitting").isTrue();
        assertThat(closed).isTrue();
        assertThat(app.demo.client().firmware()).noneMatch(f -> f.version().equals("7.0.0"));
    }

    @Test
    void closingTheDemoSaysThatItStops(FxRobot robot) throws Exception {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(5, () -> robot.lookup("#close-question").tryQuery().isPresent());
        assertThat(fx(() -> allText(robot.lookup("#close-question").query())))
                .contains("Quit the offline demo?", "its built-in server and simulated devices stop");
        robot.clickOn("#close-keep");
        assertThat(fx(stage::isShowing)).isTrue();
        assertThat(closed).isFalse();
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(5, () -> robot.lookup("#close-quit").tryQuery().isPresent());
        robot.clickOn("#close-quit");
        waitFor(10, () -> !fx(stage::isShowing));
        assertThat(closed).isTrue();
    }

    /** The demo's client, with file uploads held at the gate after their first chunk. */
    private FotaDeskClient heldUploads(FotaDeskClient real) {
        return (FotaDeskClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{FotaDeskClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("uploadFirmware") && args.length == 4) {
                        LongConsumer progress = (LongConsumer) args[3];
                        args[3] = (LongConsumer) sent -> {
                            progress.accept(sent);
                            try {
                                gate.await();
                            } catch (InterruptedException cancelled) {
                                progress.accept(sent); // the cancelled upload's own check stops it
                                throw new CancellationException();
                            }
                        };
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            uploadEnded.set(true);
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
