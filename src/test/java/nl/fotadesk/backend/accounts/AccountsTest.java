package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.TooManyAttempts;
import nl.fotadesk.backend.domain.Unauthorized;
import nl.fotadesk.backend.secrets.AuthFailureLimit;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.UserChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest extends OnEachDatabase {
    private static final String SOURCE = "192.0.2.7";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;
    private Database db;
    private Jdbc jdbc;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private Accounts accounts;
    private AuditTrail audit;
    private final Principal admin = Principal.apiKey(SOURCE);

    @BeforeEach
    void open() {
        db = database.open(data);
        jdbc = db.jdbc();
        CatalogStore catalog = new CatalogStore(jdbc);
        catalog.ensureClient("acme", clock.instant());
        catalog.ensureClient("globex", clock.instant());
        catalog.ensureDeviceType("tracker", "", clock.instant());
        catalog.ensureDeviceType("meter", "", clock.instant());
        accounts = Accounts.of(jdbc, new Passwords(4), new AuthFailureLimit(10, Duration.ofMinutes(1), clock), clock);
        audit = accounts.audit();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aUserSignsInAndTheSessionStandsForThemWithTheirRoleAndScope() {
        accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, "Cora Acme"));
        Session session = accounts.sessions().signIn("cora", PASSWORD, SOURCE);

        assertThat(session.token()).startsWith("fds_");
        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Sessions.IDLE).toString());
        assertThat(session.user().role()).isEqualTo(Role.CUSTOMER);
        Principal cora = accounts.authenticate(session.token(), SOURCE).orElseThrow();
        assertThat(cora.username()).isEqualTo("cora");
        assertThat(cora.displayName()).isEqualTo("Cora Acme");
        assertThat(cora.scope().admits("acme", "tracker")).isTrue();
        assertThat(cora.scope().admits("globex", "tracker")).isFalse();
        assertThat(accounts.authenticate("fds_" + "x".repeat(43), SOURCE)).isEmpty();
    }

    @Test
    void aScopeNamingNoStorableClientOrTypeIsRefusedOnEveryDatabase() {
        for (String name : new String[]{"a\u0000b", "\u0000", "x".repeat(65), "𝐀"}) {
            assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("sam", PASSWORD, Role.SUPPLIER, null,
                    List.of("tracker", name), null))).isInstanceOf(Invalid.class).hasMessageContaining("no device type");
            assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, name,
                    null, null))).isInstanceOf(Invalid.class).hasMessageContaining("no client");
        }
    }

    @Test
    void aUsernameHoldingU0000IsAnUnknownUserOnEveryDatabase() {
        assertThatThrownBy(() -> accounts.sessions().signIn("a\u0000b", PASSWORD, SOURCE)).isInstanceOf(Unauthorized.class);
        assertThat(audit.page(admin, new AuditQuery(null, "session.create", null, null, null), 0, 10).items())
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("a?b"));
        assertThatThrownBy(() -> accounts.users().get("a\u0000b")).isInstanceOf(NotFound.class);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedAlike() {
        accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        Throwable wrong = catchRefusal(() -> accounts.sessions().signIn("cora", "wrong password here", SOURCE));
        Throwable unknown = catchRefusal(() -> accounts.sessions().signIn("nobody", PASSWORD, SOURCE));
        assertThat(wrong).isInstanceOf(Unauthorized.class);
        assertThat(unknown).isInstanceOf(Unauthorized.class).hasMessage(wrong.getMessage());
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndUseKeepsItAlive() {
        accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        String token = accounts.sessions().signIn("cora", PASSWORD, SOURCE).token();
        clock.advance(Duration.ofMinutes(29));
        assertThat(accounts.authenticate(token, SOURCE)).as("used after 29 minutes").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(accounts.authenticate(token, SOURCE)).as("29 minutes after its last use").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(accounts.authenticate(token, SOURCE)).as("31 idle minutes").isEmpty();
    }

    @Test
    void disablingAUserRefusesTheirSessionsAndTokensAtOnce() {
        accounts.users().create(admin, new NewUser("sam", PASSWORD, Role.SUPPLIER, null, List.of("tracker"), null));
        String session = accounts.sessions().signIn("sam", PASSWORD, SOURCE).token();
        Principal sam = accounts.authenticate(session, SOURCE).orElseThrow();
        String token = accounts.tokens().issue(sam, "ci", null).token();
        assertThat(accounts.authenticate(token, SOURCE)).isPresent();

        accounts.users().change(admin, "sam", new UserChange(null, null, null, null, true, null));

        assertThat(accounts.authenticate(session, SOURCE)).isEmpty();
        assertThat(accounts.authenticate(token, SOURCE)).isEmpty();
        assertThatThrownBy(() -> accounts.sessions().signIn("sam", PASSWORD, SOURCE)).isInstanceOf(Unauthorized.class);
    }

    @Test
    void personalTokensAreShownOnceListedWithoutTheirValueAndEndWhenRevokedOrExpired() {
        accounts.users().create(admin, new NewUser("sam", PASSWORD, Role.SUPPLIER, null, List.of("tracker"), null));
        Principal sam = accounts.authenticate(accounts.sessions().signIn("sam", PASSWORD, SOURCE).token(), SOURCE).orElseThrow();
        PersonalTokens.IssuedToken forever = accounts.tokens().issue(sam, "ci", null);
        PersonalTokens.IssuedToken brief = accounts.tokens().issue(sam, "once", clock.instant().plus(Duration.ofHours(1)).toString());

        assertThat(accounts.authenticate(forever.token(), SOURCE).orElseThrow().role()).isEqualTo(Role.SUPPLIER);
        assertThat(accounts.tokens().list(sam)).extracting(t -> t.name()).containsExactly("ci", "once");
        assertThat(jdbc.count("SELECT COUNT(*) FROM api_tokens WHERE token_sha256 = ?", forever.token())).isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(accounts.authenticate(brief.token(), SOURCE)).as("expired").isEmpty();
        accounts.tokens().revoke(sam, forever.id());
        assertThat(accounts.authenticate(forever.token(), SOURCE)).as("revoked").isEmpty();
        assertThatThrownBy(() -> accounts.tokens().revoke(sam, forever.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void theLastOperatorWhoCanSignInStays() {
        accounts.users().create(admin, new NewUser("olga", PASSWORD, Role.OPERATOR, null, null, null));
        assertThatThrownBy(() -> accounts.users().change(admin, "olga", new UserChange(null, null, null, null, true, null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("last operator");
        assertThatThrownBy(() -> accounts.users().change(admin, "olga",
                new UserChange(null, Role.CUSTOMER, "acme", null, null, null))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> accounts.users().delete(admin, "olga")).isInstanceOf(Conflict.class);

        accounts.users().create(admin, new NewUser("otto", PASSWORD, Role.OPERATOR, null, null, null));
        accounts.users().change(admin, "olga", new UserChange(null, null, null, null, true, null));
        assertThat(accounts.users().get("olga").disabled()).isTrue();
    }

    @Test
    void passwordsMeetTheStrengthRuleAndAreStoredOnlyAsBcryptHashes() {
        for (String weak : new String[]{"short", "cora-is-the-best", "aaaaaaaaaaaaaaa", "password1234"}) {
            assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("cora", weak, Role.CUSTOMER, "acme", null, null)))
                    .as(weak).isInstanceOf(Invalid.class).extracting(e -> ((Invalid) e).code())
                    .isEqualTo("invalid_password");
        }
        accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        String stored = jdbc.one("SELECT password_hash FROM users WHERE username = 'cora'", rs -> rs.getString(1))
                .orElseThrow();
        assertThat(stored).startsWith("$2a$").doesNotContain(PASSWORD);
    }

    @Test
    void aRoleGetsExactlyTheScopeItTakesAndOnlyNamesThatExist() {
        assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("c1", PASSWORD, Role.CUSTOMER, null, null, null)))
                .isInstanceOf(Invalid.class).hasMessageContaining("one client");
        assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("c1", PASSWORD, Role.CUSTOMER, "initech", null, null)))
                .isInstanceOf(Invalid.class).hasMessageContaining("no client \"initech\"");
        assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("s1", PASSWORD, Role.SUPPLIER, "acme",
                List.of("tracker"), null))).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("o1", PASSWORD, Role.OPERATOR, "acme", null, null)))
                .isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("Bad Name", PASSWORD, Role.VIEWER, null, null, null)))
                .isInstanceOf(Invalid.class).extracting(e -> ((Invalid) e).code()).isEqualTo("invalid_username");
        assertThat(accounts.users().create(admin, new NewUser("v1", PASSWORD, Role.VIEWER, null, List.of("meter"), null))
                .deviceTypes()).containsExactly("meter");
        assertThat(accounts.users().list()).extracting(u -> u.username()).containsExactly("v1");
        assertThatThrownBy(() -> accounts.users().create(admin, new NewUser("v1", PASSWORD, Role.VIEWER, null, null, null)))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void tooManyFailedSignInsBlockTheUsernameEvenWithTheRightPassword() {
        accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> accounts.sessions().signIn("cora", "wrong password " + n, "198.51.100." + n))
                    .isInstanceOf(Unauthorized.class);
        }
        assertThatThrownBy(() -> accounts.sessions().signIn("cora", PASSWORD, "203.0.113.1")).isInstanceOf(TooManyAttempts.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(accounts.sessions().signIn("cora", PASSWORD, "203.0.113.1").token()).startsWith("fds_");
    }

    @Test
    void theAuditTrailNamesTheActorAndOthersSeeOnlyTheirOwnActions() {
        accounts.users().create(admin, new NewUser("cora", PASSWORD, Role.CUSTOMER, "acme", null, null));
        Principal cora = accounts.authenticate(accounts.sessions().signIn("cora", PASSWORD, SOURCE).token(), SOURCE).orElseThrow();
        catchRefusal(() -> accounts.sessions().signIn("cora", "not her password", SOURCE));
        accounts.tokens().issue(cora, "script", null);

        AuditQuery all = AuditQuery.ALL;
        List<AuditEntry> seenByAdmin = audit.page(admin, all, 0, 100).items();
        assertThat(seenByAdmin).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome).contains(
                org.assertj.core.groups.Tuple.tuple("api-key", "user.create", "ok"),
                org.assertj.core.groups.Tuple.tuple("cora", "session.create", "ok"),
                org.assertj.core.groups.Tuple.tuple("cora", "session.create", "refused"),
                org.assertj.core.groups.Tuple.tuple("cora", "token.create", "ok"));
        assertThat(seenByAdmin.get(0).source()).isEqualTo(SOURCE);
        assertThat(audit.page(cora, all, 0, 100).items()).extracting(AuditEntry::actor).containsOnly("cora");
        assertThat(audit.page(cora, all, 0, 100).total()).isEqualTo(3);
    }

    private static Throwable catchRefusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }
}
