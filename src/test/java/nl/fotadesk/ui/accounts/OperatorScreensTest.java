package nl.fotadesk.ui.accounts;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.fotadesk.demo.DemoEnvironment.DemoUser;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.setText;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.accounts.ScopedViews.offered;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo's operator: creates a user on the Users screen, finds it on the Activity screen, views as a customer. */
@ExtendWith(ApplicationExtension.class)
class OperatorScreensTest {
    UiTestBackend app;

    @Start
    void start(Stage stage) throws Exception {
        app = UiTestBackend.openAs(stage, I18n.ENGLISH, Role.OPERATOR);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void createsAUserAndTheActivityShowsIt(FxRobot robot) throws Exception {
        assertThat(text(robot, "#signed-in")).isEqualTo("Olga Jansen \u00b7 operator");
        robot.clickOn("#nav-users");
        TableView<UserView> users = robot.lookup("#users-table").queryAs(TableView.class);
        await(10, () -> users.getItems().size() == 4);
        robot.clickOn("#users-new");
        setText(robot, "#users-username", "vera");
        setText(robot, "#users-display-name", "Vera Smit");
        setText(robot, "#users-password", "a long enough passphrase");
        ComboBox<Role> role = robot.lookup("#users-role").queryComboBox();
        robot.interact(() -> role.setValue(Role.CUSTOMER));
        robot.clickOn("#users-save");
        await(5, () -> text(robot, "#users-message").equals("Choose the client this customer works on."));
        ComboBox<String> client = robot.lookup("#users-client").queryComboBox();
        robot.interact(() -> client.setValue("globex"));
        robot.clickOn("#users-save");
        await(10, () -> users.getItems().stream().anyMatch(u -> u.username().equals("vera")));
        assertThat(text(robot, "#users-message")).isEqualTo("User vera created.");
        assertThat(app.demo.client().users()).filteredOn(u -> u.username().equals("vera")).singleElement()
                .satisfies(u -> assertThat(u.client()).isEqualTo("globex"));

        robot.clickOn("#nav-activity");
        TableView<AuditEntry> activity = robot.lookup("#activity-table").queryAs(TableView.class);
        await(10, () -> activity.getItems().stream().anyMatch(e -> e.action().equals("user.create")
                && e.object().equals("user/vera") && e.actor().equals("olga")));
        setText(robot, "#activity-object", "user/vera");
        robot.clickOn("#activity-apply");
        await(10, () -> activity.getItems().size() == 1);
        assertThat(text(robot, "#activity-range")).isEqualTo("1\u20131 of 1");
    }

    @Test
    void viewsTheDemoAsItsCustomerInOneClick(FxRobot robot) throws Exception {
        assertThat(offered(robot, "#nav-users")).isTrue();
        ComboBox<DemoUser> viewAs = robot.lookup("#view-as").queryComboBox();
        DemoUser customer = fx(() -> viewAs.getItems().stream().filter(u -> u.role() == Role.CUSTOMER).findFirst()
                .orElseThrow());
        robot.interact(() -> viewAs.setValue(customer));
        // the status bar is built anew for her: wait until it is laid out
        await(10, () -> robot.lookup("#signed-in").tryQuery()
                .filter(n -> ((javafx.scene.control.Labeled) n).getText().startsWith("Carla Visser")).isPresent());
        assertThat(offered(robot, "#nav-users")).isFalse();
        assertThat(offered(robot, "#nav-activity")).isFalse();
        ComboBox<DemoUser> again = robot.lookup("#view-as").queryComboBox();
        assertThat(fx(again::getValue)).isEqualTo(customer);
    }
}
