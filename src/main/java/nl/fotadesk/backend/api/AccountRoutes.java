package nl.fotadesk.backend.api;

import nl.fotadesk.backend.accounts.Accounts;
import nl.fotadesk.backend.accounts.PersonalTokens;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.IssuedApiToken;
import nl.fotadesk.protocol.api.NewApiToken;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.PasswordChange;
import nl.fotadesk.protocol.api.SignIn;
import nl.fotadesk.protocol.api.UserChange;

import static nl.fotadesk.backend.accounts.Access.OPERATOR;
import static nl.fotadesk.backend.accounts.Access.PUBLIC;
import static nl.fotadesk.backend.accounts.Access.SELF;

/** Signing in and out, users (operators only), a user's own password and tokens, and the audit trail. */
public final class AccountRoutes implements Routes {
    private final Accounts accounts;

    public AccountRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/v1/sessions", PUBLIC, x -> {
                    SignIn signIn = x.body(SignIn.class);
                    x.json(201, accounts.sessions().signIn(signIn.username(), signIn.password(), x.source()));
                })
                .add("GET", "/api/v1/sessions/current", SELF,
                        x -> x.json(200, accounts.sessions().current(x.principal(), ManagementApi.bearer(x.request()))))
                .add("DELETE", "/api/v1/sessions/current", SELF, x -> {
                    accounts.sessions().signOut(x.principal(), ManagementApi.bearer(x.request()));
                    x.noContent();
                })
                .add("POST", "/api/v1/users", OPERATOR,
                        x -> x.json(201, accounts.users().create(x.principal(), x.body(NewUser.class))))
                .add("GET", "/api/v1/users", OPERATOR, x -> x.json(200, accounts.users().list()))
                .add("PUT", "/api/v1/users/me/password", SELF, x -> {
                    PasswordChange change = x.body(PasswordChange.class);
                    accounts.users().changeOwnPassword(x.principal(), change.currentPassword(), change.newPassword());
                    x.noContent();
                })
                .add("GET", "/api/v1/users/{username}", OPERATOR, x -> x.json(200, accounts.users().get(x.path("username"))))
                .add("PATCH", "/api/v1/users/{username}", OPERATOR, x -> x.json(200,
                        accounts.users().change(x.principal(), x.path("username"), x.body(UserChange.class))))
                .add("DELETE", "/api/v1/users/{username}", OPERATOR, x -> {
                    accounts.users().delete(x.principal(), x.path("username"));
                    x.noContent();
                })
                .add("GET", "/api/v1/users/{username}/tokens", OPERATOR,
                        x -> x.json(200, accounts.tokens().list(x.path("username"))))
                .add("DELETE", "/api/v1/users/{username}/tokens/{id}", OPERATOR, x -> {
                    accounts.tokens().revoke(x.principal(), x.path("username"), x.path("id"));
                    x.noContent();
                })
                .add("POST", "/api/v1/tokens", SELF, x -> {
                    NewApiToken request = x.body(NewApiToken.class);
                    PersonalTokens.IssuedToken issued = accounts.tokens().issue(x.principal(), request.name(), request.expiresAt());
                    x.json(201, new IssuedApiToken(issued.id(), issued.token()));
                })
                .add("GET", "/api/v1/tokens", SELF, x -> x.json(200, accounts.tokens().list(x.principal())))
                .add("DELETE", "/api/v1/tokens/{id}", SELF, x -> {
                    accounts.tokens().revoke(x.principal(), x.path("id"));
                    x.noContent();
                })
                .add("GET", "/api/v1/audit", SELF, x -> x.json(200, accounts.audit().page(x.principal(),
                        new AuditQuery(x.query("actor"), x.query("action"), x.query("object"),
                                x.instantQuery("since"), x.instantQuery("until")),
                        x.intQuery("offset", 0, Integer.MAX_VALUE, 0), x.intQuery("limit", 1, Limits.PAGE, 100))));
    }
}
