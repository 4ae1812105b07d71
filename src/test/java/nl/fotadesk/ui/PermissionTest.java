package nl.fotadesk.ui;

import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role is offered, as docs/api.md "Roles" allows it. */
class PermissionTest {
    private static UserView user(Role role) {
        return new UserView("u", "U", role, null, null, false);
    }

    private static List<Permission> of(Role role) {
        return Arrays.stream(Permission.values()).filter(p -> p.allows(user(role))).toList();
    }

    @Test
    void eachRoleIsOfferedWhatTheServerAllowsIt() {
        assertThat(of(Role.OPERATOR)).containsExactly(Permission.values());
        assertThat(of(Role.SUPPLIER)).containsExactly(Permission.SET_DESIRED, Permission.UPLOAD_FIRMWARE);
        assertThat(of(Role.CUSTOMER)).containsExactly(Permission.SET_DESIRED);
        assertThat(of(Role.VIEWER)).as("no change at all").isEmpty();
        assertThat(Arrays.stream(Permission.values()).allMatch(p -> p.allows(null))).as("the API key acts as an operator")
                .isTrue();
    }
}
