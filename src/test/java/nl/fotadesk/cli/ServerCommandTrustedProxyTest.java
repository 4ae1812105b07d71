package nl.fotadesk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code fota-desk server --trusted-proxy}: repeated or comma-separated addresses and ranges, checked at start. */
class ServerCommandTrustedProxyTest {
    @Test
    void proxiesAreRepeatedOrCommaSeparatedAndOnlyTheirHeaderIsRead() {
        ServerCommand command = command("--trusted-proxy", "10.0.0.10,10.0.1.0/28", "--trusted-proxy", "fd00::/8");
        assertThat(command.trustedProxies).containsExactly("10.0.0.10", "10.0.1.0/28", "fd00::/8");
        assertThat(command.trustedProxies().clientAddress("10.0.1.3", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(command.trustedProxies().clientAddress("10.0.1.16", List.of("203.0.113.7"))).isEqualTo("10.0.1.16");
        assertThat(command().trustedProxies().clientAddress("10.0.0.10", List.of("203.0.113.7")))
                .as("by default the header is never read").isEqualTo("10.0.0.10");
    }

    @Test
    void aProxyThatIsNoAddressStopsTheServerFromStarting() {
        assertThatThrownBy(() -> command("--trusted-proxy", "balancer.internal").trustedProxies())
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--trusted-proxy").hasMessageContaining("\"balancer.internal\"");
    }

    private static ServerCommand command(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
