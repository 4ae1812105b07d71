package nl.fotadesk.client;

import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.IssuedApiToken;
import nl.fotadesk.protocol.api.NewApiToken;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.PasswordChange;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.backend.TestBackend;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing in, users, personal tokens and the audit trail through the client. */
class AccountClientTest extends BackendFixture {
    static final String PASSWORD = "correct horse battery";

    @Test
    void signsInKeepsTheSessionAndSignsOut() {
        client.createClient("acme");
        client.createUser(new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, "Cora (Acme)"));
        HttpFotaDeskClient cora = HttpFotaDeskClient.signedOut(backend.url(), ServerTrust.system());
        assertThatThrownBy(cora::currentSession).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> cora.signIn("cora", "wrong password!")).isInstanceOf(UnauthorizedException.class);

        Session session = cora.signIn("cora", PASSWORD);
        assertThat(session.user().role()).isEqualTo(Role.CUSTOMER);
        assertThat(cora.currentSession().user().displayName()).isEqualTo("Cora (Acme)");
        assertThat(cora.devices(DeviceQuery.ALL).total()).as("a customer reads").isZero();

        cora.signOut();
        assertThatThrownBy(cora::currentSession).as("no credential sent any more").isInstanceOf(UnauthorizedException.class);
        HttpFotaDeskClient withOldSession = new HttpFotaDeskClient(backend.url(), session.token());
        assertThatThrownBy(withOldSession::currentSession).as("ended on the server").isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void managesUsersTokensAndReadsTheAuditTrail() {
        client.createDeviceType("tracker-x", null);
        client.createUser(new NewUser("olga", PASSWORD, Role.OPERATOR, null, null, "Olga"));
        HttpFotaDeskClient olga = HttpFotaDeskClient.signedOut(backend.url(), ServerTrust.system());
        olga.signIn("olga", PASSWORD);
        olga.createUser(new NewUser("sam", PASSWORD, Role.SUPPLIER, null, List.of("tracker-x"), null));
        UserView changed = olga.changeUser("sam", new UserChange("Sam", null, null, null, true, null));
        assertThat(changed.disabled()).isTrue();
        assertThat(olga.users()).extracting(UserView::username).containsExactly("olga", "sam");

        IssuedApiToken issued = olga.createToken(new NewApiToken("script", null));
        HttpFotaDeskClient script = HttpFotaDeskClient.signedOut(backend.url(), ServerTrust.system());
        assertThat(script.useToken(issued.token()).user().username()).isEqualTo("olga");
        assertThat(olga.tokens()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("script"));
        olga.revokeToken(issued.id());
        assertThatThrownBy(script::currentSession).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> script.useToken(issued.token())).isInstanceOf(UnauthorizedException.class);

        assertThat(olga.audit(AuditQuery.ALL.byActor("olga"), 0, 100).items()).extracting(AuditEntry::action)
                .contains("user.create", "user.change", "token.create", "token.delete");
        olga.deleteUser("sam");
        olga.changeOwnPassword(new PasswordChange(PASSWORD, "another good passphrase"));
        assertThatThrownBy(olga::currentSession).as("sessions end with a new password")
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void anOperatorListsAndRevokesAnotherUsersTokens() {
        client.createDeviceType("tracker-x", null);
        client.createUser(new NewUser("sam", PASSWORD, Role.SUPPLIER, null, List.of("tracker-x"), null));
        HttpFotaDeskClient sam = HttpFotaDeskClient.signedOut(backend.url(), ServerTrust.system());
        sam.signIn("sam", PASSWORD);
        IssuedApiToken issued = sam.createToken(new NewApiToken("nightly", null));

        assertThat(client.tokensOf("sam")).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("nightly"));
        client.revokeTokenOf("sam", issued.id());
        assertThat(client.tokensOf("sam")).isEmpty();
        assertThat(sam.tokens()).isEmpty();
        assertThatThrownBy(() -> client.revokeTokenOf("sam", issued.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.tokensOf("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void switchingUsersKeepsTheCurrentCredentialUntilTheNewOneIsKnown() {
        client.createClient("acme");
        client.createUser(new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        client.createUser(new NewUser("carl", PASSWORD, Role.CUSTOMER, "acme", null, null));
        AtomicReference<HttpFotaDeskClient> app = new AtomicReference<>();
        AtomicBoolean watching = new AtomicBoolean();
        List<String> duringSignIn = new ArrayList<>();
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().endsWith("/sessions") && watching.getAndSet(false)) {
                duringSignIn.add(String.valueOf(chain.request().header("Authorization")));
                // another screen's request while the sign-in is under way still goes out as cora
                duringSignIn.add(app.get().currentSession().user().username());
            }
            return chain.proceed(chain.request());
        }).build();
        app.set(new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY, http));
        app.get().signIn("cora", PASSWORD);
        watching.set(true);

        assertThat(app.get().signIn("carl", PASSWORD).user().username()).isEqualTo("carl");
        assertThat(duringSignIn).as("the sign-in itself carries no credential; the rest keeps cora's")
                .containsExactly("null", "cora");
        assertThatThrownBy(() -> app.get().signIn("carl", "wrong password!")).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(app.get()::currentSession).as("a failed sign-in leaves no one signed in")
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aRequestRefusedAfterTheClientSwitchedUsersSaysSo() {
        client.createClient("acme");
        client.createUser(new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        client.createUser(new NewUser("carl", PASSWORD, Role.CUSTOMER, "acme", null, null));
        AtomicReference<HttpFotaDeskClient> app = new AtomicReference<>();
        AtomicReference<Runnable> meanwhile = new AtomicReference<>(() -> { });
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().endsWith("/devices")) {
                meanwhile.getAndSet(() -> { }).run();
            }
            return chain.proceed(chain.request());
        }).build();
        app.set(new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY, http));
        Session cora = app.get().signIn("cora", PASSWORD);
        new HttpFotaDeskClient(backend.url(), cora.token()).signOut(); // her session ends on the server

        assertThatThrownBy(() -> app.get().devices(DeviceQuery.ALL)).as("refused with the credential in use")
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.credentialReplaced()).isFalse());

        Session again = app.get().signIn("cora", PASSWORD);
        new HttpFotaDeskClient(backend.url(), again.token()).signOut();
        meanwhile.set(() -> app.get().signIn("carl", PASSWORD)); // the switch happens while the request is under way
        assertThatThrownBy(() -> app.get().devices(DeviceQuery.ALL)).as("refused with cora's, sent before the switch")
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.credentialReplaced()).isTrue());
        assertThat(app.get().currentSession().user().username()).isEqualTo("carl");
    }
}
