package nl.fotadesk.ui.accounts;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.setText;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to a real server: a wrong password is said in the dialog, the right one opens. */
@ExtendWith(ApplicationExtension.class)
class SignInDialogTest {
    static final String PASSWORD = "correct horse battery";
    @TempDir
    Path data;
    TestBackend backend;
    UiContext context;
    CompletableFuture<Optional<Session>> signedIn = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        // a window with a scene to own the dialog (a bare stage has no view under Monocle)
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void serverWithAUser() throws Exception {
        backend = new TestBackend(data);
        new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY)
                .createUser(new NewUser("olga", PASSWORD, Role.OPERATOR, null, null, "Olga Jansen"));
        context = new UiContext(HttpFotaDeskClient.signedOut(backend.url(), ServerTrust.system()), new I18n(I18n.ENGLISH),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/sign-in/" + System.nanoTime())), false);
        Platform.runLater(() -> signedIn.complete(new SignInDialog(context).ask(null, "olga", "signIn.header")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        backend.close();
    }

    @Test
    void aWrongPasswordIsSaidAndTheRightOneOpens(FxRobot robot) throws Exception {
        assertThat(text(robot, "#sign-in-username")).isEqualTo("olga");
        robot.clickOn("#sign-in-password").write("not the password");
        robot.clickOn("#sign-in-ok");
        await(10, () -> text(robot, "#sign-in-message").equals("Wrong username or password, or this user is disabled."));
        assertThat(signedIn).isNotDone();

        robot.clickOn("#sign-in-password").write(PASSWORD);
        robot.clickOn("#sign-in-ok");
        Optional<Session> session = signedIn.get(10, TimeUnit.SECONDS);
        assertThat(session).hasValueSatisfying(s -> assertThat(s.user().displayName()).isEqualTo("Olga Jansen"));
        assertThat(context.client().currentSession().user().username()).as("the client acts for her").isEqualTo("olga");
    }

    @Test
    void cancellingSignsNoOneIn(FxRobot robot) throws Exception {
        setText(robot, "#sign-in-password", PASSWORD);
        robot.clickOn("Cancel");
        assertThat(signedIn.get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
