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
        assertThat(of(Role.SUPPLIER)).containsExactly(Permission.SEE_ROLLOUTS, Permission.REGISTER_DEVICES,
                Permission.SET_DESIRED, Permission.UPLOAD_FIRMWARE, Permission.MANAGE_CAMPAIGNS, Permission.CHANGE_GROUPS,
                Permission.SEE_REQUESTS, Permission.FILE_REQUESTS);
        assertThat(of(Role.CUSTOMER)).containsExactly(Permission.SEE_ROLLOUTS, Permission.REGISTER_DEVICES,
                Permission.SET_DESIRED, Permission.MANAGE_CAMPAIGNS, Permission.CHANGE_GROUPS, Permission.SEE_REQUESTS,
                Permission.FILE_REQUESTS);
        assertThat(of(Role.VIEWER)).as("no change at all, no requests").containsExactly(Permission.SEE_ROLLOUTS);
        assertThat(of(Role.REQUESTER)).as("devices read-only, and requests")
                .containsExactly(Permission.SEE_REQUESTS, Permission.FILE_REQUESTS);
        assertThat(Role.values()).as("filing follows the role's own rule")
                .allMatch(r -> Permission.FILE_REQUESTS.allows(user(r)) == r.mayRequest());
        assertThat(Arrays.stream(Permission.values()).allMatch(p -> p.allows(null))).as("the API key acts as an operator")
                .isTrue();
    }
}
