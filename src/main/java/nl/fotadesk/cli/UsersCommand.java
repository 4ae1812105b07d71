package nl.fotadesk.cli;

import nl.fotadesk.backend.accounts.Accounts;
import nl.fotadesk.backend.accounts.Passwords;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.domain.DomainError;
import nl.fotadesk.backend.secrets.AuthFailureLimit;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.demo.AppPaths;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserChange;
import nl.fotadesk.protocol.api.UserView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code fota-desk users ...}: the first operator, and users on servers without a GUI. Works on the
 * database directly (with an H2 data folder, while its server is stopped); changes are audited as made
 * by "cli:" and the local user name.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Adds, lists, disables users and sets their passwords, on the server's database.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class,
                UsersCommand.Disable.class, UsersCommand.Enable.class})
public final class UsersCommand implements Runnable {
    static final String PASSWORD_VARIABLE = "FOTA_DESK_PASSWORD";

    @Override
    public void run() {
        System.err.println("Give a subcommand: add, list, passwd, disable or enable (see --help)");
    }

    /** Where the database is: the options the server takes. */
    static final class Store {
        @Option(names = "--data", description = "The server's data folder. Default: the 'server' folder in the user's"
                + " data folder (~/.local/share/fota-desk on Linux).")
        Path data;

        @Option(names = "--jdbc-url", description = "The server's database, when it is not H2 in the data folder.")
        String jdbcUrl;

        @Option(names = "--jdbc-user", description = "Database user for --jdbc-url.")
        String jdbcUser;

        @Option(names = "--jdbc-password", defaultValue = "${env:FOTA_DESK_JDBC_PASSWORD}",
                description = "Database password for --jdbc-url. Default: the environment variable FOTA_DESK_JDBC_PASSWORD.")
        String jdbcPassword;

        /** Runs {@code work} with the accounts of the database; a refusal is printed, exit code 1. */
        int with(Function<Accounts, String> work) {
            Database database;
            try {
                database = jdbcUrl != null ? Database.open(jdbcUrl, jdbcUser, jdbcPassword)
                        : Database.inFolder(data != null ? data : AppPaths.dataHome().resolve("server"));
            } catch (RuntimeException e) {
                System.err.println("Cannot open the database (" + rootMessage(e) + "). With an H2 data folder,"
                        + " stop its server first, or use the Users screen or the API.");
                return 2;
            }
            try (database) {
                System.out.println(work.apply(Accounts.of(database.jdbc(), new Passwords(Passwords.COST),
                        new AuthFailureLimit(10, Duration.ofMinutes(1), Clock.systemUTC()), Clock.systemUTC())));
                return 0;
            } catch (DomainError e) {
                System.err.println(e.getMessage());
                return 1;
            } catch (StoreException e) {
                System.err.println("The database refused: " + rootMessage(e));
                return 2;
            }
        }
    }

    static Principal actor() {
        return Principal.system("cli:" + System.getProperty("user.name", "unknown"));
    }

    /** The password from {@value #PASSWORD_VARIABLE}, else asked twice on the terminal, else one line of stdin. */
    static String password(Map<String, String> environment) throws IOException {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new IOException("the two passwords differ");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IOException("no password given: set " + PASSWORD_VARIABLE + " or type it");
        }
        return line;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a user; the password comes from "
            + PASSWORD_VARIABLE + ", the terminal, or standard input.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Store store;
        @Parameters(index = "0", description = "The username: lowercase letters, digits and . _ @ -")
        String username;
        @Option(names = "--role", required = true, description = "operator, supplier, customer, viewer or requester")
        String role;
        @Option(names = "--client", description = "The client of a customer or requester (or of a scoped viewer)")
        String client;
        @Option(names = "--device-types", split = ",", description = "The device types of a supplier (or of a scoped viewer), comma-separated")
        List<String> deviceTypes;
        @Option(names = "--display-name", description = "The name shown in the app and the audit trail")
        String displayName;
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() throws IOException {
            Role parsed;
            try {
                parsed = Role.fromWire(role);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage() + ": give operator, supplier, customer, viewer or requester");
                return 1;
            }
            String password = password(environment);
            return store.with(accounts -> describe(accounts.users().create(actor(),
                    new NewUser(username, password, parsed, client, deviceTypes, displayName))));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Store store;

        @Override
        public Integer call() {
            return store.with(accounts -> {
                StringBuilder out = new StringBuilder();
                for (UserView user : accounts.users().list()) {
                    out.append(describe(user)).append('\n');
                }
                return out.isEmpty() ? "No users yet: add the first operator with 'users add NAME --role operator'"
                        : out.toString().stripTrailing();
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Sets a user's password (ends their sessions).")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        Store store;
        @Parameters(index = "0")
        String username;
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() throws IOException {
            String password = password(environment);
            return store.with(accounts -> describe(accounts.users().change(actor(), username,
                    new UserChange(null, null, null, null, null, password))) + ": password set");
        }
    }

    /** Disabling and enabling: the same change, either way. */
    abstract static class Switch implements Callable<Integer> {
        @Mixin
        Store store;
        @Parameters(index = "0")
        String username;

        abstract boolean disabled();

        @Override
        public Integer call() {
            return store.with(accounts -> describe(accounts.users().change(actor(), username,
                    new UserChange(null, null, null, null, disabled(), null))));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables a user: their sessions and tokens stop at once.")
    static final class Disable extends Switch {
        @Override
        boolean disabled() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled user again.")
    static final class Enable extends Switch {
        @Override
        boolean disabled() {
            return false;
        }
    }

    static String describe(UserView user) {
        String scope = user.client() != null ? "client " + user.client()
                : !user.deviceTypes().isEmpty() ? "device types " + String.join(", ", user.deviceTypes()) : "all devices";
        return user.username() + " (" + user.displayName() + "): " + user.role().wireName() + ", " + scope
                + (user.disabled() ? ", disabled" : "");
    }
}
