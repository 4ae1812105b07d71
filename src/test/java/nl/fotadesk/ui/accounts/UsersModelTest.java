package nl.fotadesk.ui.accounts;

import nl.fotadesk.client.ConflictException;
import nl.fotadesk.client.NotFoundException;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Users screen's state without a screen: create with role and scope, change, disable, delete. */
class UsersModelTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private UsersModel model;

    @BeforeEach
    void serverWithAnOperator() {
        server.addUser("olga", "olga's passphrase", Role.OPERATOR, null, null);
        server.clients.addAll(List.of("globex", "acme"));
        server.deviceTypes.addAll(List.of("tracker-x", "meter-y"));
        model = new UsersModel(FakeFotaDeskClient.context(server));
        model.load();
    }

    @Test
    void listsTheUsersAndTheScopesToChooseFrom() {
        assertThat(model.users).extracting(u -> u.username()).containsExactly("olga");
        assertThat(model.clients).containsExactly("acme", "globex");
        assertThat(model.deviceTypes).containsExactly("meter-y", "tracker-x");
    }

    @Test
    void createsACustomerOfOneClient() {
        model.startNew();
        model.username.set("carla");
        model.displayName.set("Carla Visser");
        model.password.set("a long enough password");
        model.role.set(Role.CUSTOMER);
        model.client.set("acme");
        model.chosenTypes.setAll("tracker-x"); // left from another role: not sent for a customer
        model.save();

        assertThat(server.users.get("carla")).satisfies(u -> {
            assertThat(u.role()).isEqualTo(Role.CUSTOMER);
            assertThat(u.client()).isEqualTo("acme");
            assertThat(u.deviceTypes()).isEmpty();
            assertThat(u.displayName()).isEqualTo("Carla Visser");
        });
        assertThat(model.message.get()).isEqualTo("User carla created.");
        assertThat(model.failed.get()).isFalse();
        assertThat(model.editing.get().username()).as("the form now shows the new user").isEqualTo("carla");
        assertThat(model.password.get()).as("no password kept in the form").isEmpty();
        assertThat(model.users).extracting(u -> u.username()).containsExactly("olga", "carla");
    }

    @Test
    void saysWhatTheRoleNeedsBeforeAskingTheServer() {
        model.startNew();
        model.username.set("Stan Bakker");
        model.password.set("a long enough password");
        model.save();
        assertThat(model.message.get()).startsWith("A username is");

        model.username.set("stan");
        model.password.set("short");
        model.save();
        assertThat(model.message.get()).isEqualTo("A password has at least 12 characters.");

        model.password.set("a long enough password");
        model.role.set(Role.SUPPLIER);
        model.save();
        assertThat(model.message.get()).isEqualTo("Choose the device types this supplier works on.");
        assertThat(model.failed.get()).isTrue();
        assertThat(server.calls).noneMatch(c -> c.startsWith("createUser"));

        model.chosenTypes.setAll("tracker-x");
        model.save();
        assertThat(server.users.get("stan").deviceTypes()).containsExactly("tracker-x");
    }

    @Test
    void changesTheRoleAndScopeOnlyWhenTheyChangeAndResetsThePassword() {
        server.addUser("carla", "carla's passphrase", Role.CUSTOMER, "acme", null);
        model.load();
        model.edit(server.users.get("carla"));
        model.displayName.set("Carla V.");
        model.save();
        assertThat(server.calls).as("a new name only, so her sessions go on")
                .contains("changeUser carla UserChange[role=null, disabled=null]");

        model.client.set("globex");
        model.password.set("a brand new passphrase");
        model.save();
        assertThat(server.users.get("carla").client()).isEqualTo("globex");
        assertThat(server.passwords.get("carla")).isEqualTo("a brand new passphrase");
        assertThat(model.message.get()).isEqualTo("Changes to carla saved.");
    }

    @Test
    void disablesEnablesAndDeletes() {
        server.addUser("carla", "carla's passphrase", Role.CUSTOMER, "acme", null);
        model.load();
        model.setDisabled(server.users.get("carla"), true);
        assertThat(server.users.get("carla").disabled()).isTrue();
        assertThat(model.message.get()).contains("carla is disabled");
        model.setDisabled(server.users.get("carla"), false);
        assertThat(server.users.get("carla").disabled()).isFalse();

        model.delete(server.users.get("carla"));
        assertThat(server.users).doesNotContainKey("carla");
        assertThat(model.editing.get()).isNull();
        assertThat(model.users).extracting(u -> u.username()).containsExactly("olga");
    }

    @Test
    void showsTheServersRefusalInTheUsersWords() {
        model.startNew();
        model.username.set("olga");
        model.password.set("a long enough password");
        model.role.set(Role.OPERATOR);
        server.failNext = new ConflictException("user_exists", "the username \"olga\" is taken", null);
        model.save();
        assertThat(model.message.get()).isEqualTo("A user with this username exists already.");
        assertThat(model.failed.get()).isTrue();
        assertThat(model.busy.get()).isFalse();
    }

    @Test
    void showsTheChangedUsersTokensAndRevokesOne() {
        server.addUser("sam", "sam's passphrase!", Role.SUPPLIER, null, List.of("tracker-x"));
        server.tokensOf.put("sam", new ArrayList<>(List.of(
                new ApiTokenView("t1", "nightly export", "2026-01-02T03:04:05Z", null, null),
                new ApiTokenView("t2", "ci", "2026-01-02T03:04:05Z", null, null))));
        model.load();
        model.edit(server.users.get("sam"));
        assertThat(model.tokens).extracting(ApiTokenView::name).containsExactly("nightly export", "ci");

        model.revokeToken(model.tokens.get(0));

        assertThat(server.calls).contains("revokeTokenOf sam t1");
        assertThat(model.tokens).extracting(ApiTokenView::name).as("reloaded from the server").containsExactly("ci");
        assertThat(model.message.get()).isEqualTo("Token \"nightly export\" of sam revoked: it no longer works.");
        assertThat(model.failed.get()).isFalse();
        model.startNew();
        assertThat(model.tokens).as("a new user has no tokens").isEmpty();
    }

    @Test
    void aRefusedRevokeSaysWhyAndKeepsTheToken() {
        server.addUser("sam", "sam's passphrase!", Role.SUPPLIER, null, List.of("tracker-x"));
        server.tokensOf.put("sam", new ArrayList<>(List.of(
                new ApiTokenView("t1", "ci", "2026-01-02T03:04:05Z", null, null))));
        model.edit(server.users.get("sam"));
        server.failNext = new NotFoundException("not_found", "No token t1.", null);

        model.revokeToken(model.tokens.get(0));

        assertThat(model.failed.get()).isTrue();
        assertThat(model.message.get()).contains("No token t1.");
        assertThat(model.busy.get()).isFalse();
    }
}
