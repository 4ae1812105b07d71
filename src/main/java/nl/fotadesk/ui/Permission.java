package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the app offers to whom: the one home of the app's side of the server's role rules (docs/api.md,
 * "Roles"), so that an action the server would refuse is not offered. The server decides all the same;
 * scoping (which devices a user sees) is entirely the server's.
 */
public enum Permission {
    /** The Firmware, Campaigns and Groups screens: a requester follows only their devices and requests. */
    SEE_ROLLOUTS(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER, Role.VIEWER),
    /**
     * Register or import devices: suppliers of their device types, customers of their client (clients and
     * device types themselves are the operators').
     */
    REGISTER_DEVICES(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER),
    /** Set the desired firmware of devices in scope. */
    SET_DESIRED(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER),
    /** Upload firmware (suppliers: for their own device types). */
    UPLOAD_FIRMWARE(Role.OPERATOR, Role.SUPPLIER),
    DELETE_FIRMWARE(Role.OPERATOR),
    /**
     * Create campaigns, and start, pause, resume, cancel and retry those the server marks changeable:
     * operators all, suppliers and customers those wholly within their scope.
     */
    MANAGE_CAMPAIGNS(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER),
    /** Rehearse a campaign and read its forecast: the server's simulation is the operators' tool. */
    REHEARSE(Role.OPERATOR),
    /**
     * Create groups, and change and delete those the server marks changeable: operators all, suppliers and
     * customers their own.
     */
    CHANGE_GROUPS(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER),
    /** The Users and Activity screens. */
    MANAGE_USERS(Role.OPERATOR),
    /** The Requests screen: all who may file a request (everyone but viewers), operators to decide on them. */
    SEE_REQUESTS(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER, Role.REQUESTER),
    /** File an update request (as {@link Role#mayRequest()}). */
    FILE_REQUESTS(Role.OPERATOR, Role.SUPPLIER, Role.CUSTOMER, Role.REQUESTER),
    /** Review, approve and reject update requests. */
    DECIDE_REQUESTS(Role.OPERATOR);

    private final Set<Role> roles;

    Permission(Role first, Role... more) {
        this.roles = EnumSet.of(first, more);
    }

    /** Whether {@code user} may; null stands for the server's API key, which acts as an operator. */
    public boolean allows(UserView user) {
        return user == null || roles.contains(user.role());
    }

    /** Leaves {@code node} out of the layout unless the signed-in user may do this. */
    public void offer(Node node, UiContext context) {
        boolean allowed = context.may(this);
        node.setVisible(allowed);
        node.setManaged(allowed);
    }

    /** Leaves {@code item} out of its menu unless the signed-in user may do this. */
    public void offer(MenuItem item, UiContext context) {
        item.setVisible(context.may(this));
    }
}
