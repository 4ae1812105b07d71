package nl.fotadesk.cli;

import nl.fotadesk.backend.secrets.SecretsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where {@code fota-desk server} takes the API key and the master key from. */
class ServerCommandKeysTest {
    @TempDir
    Path folder;

    @Test
    void theApiKeyComesFromAFileTheOptionOrTheEnvironment() throws Exception {
        Path file = Files.writeString(folder.resolve("api.key"), "from-the-file\nignored\n");
        assertThat(command(Map.of("FOTA_DESK_API_KEY", "from-env"), "--api-key-file", file.toString()).apiKey())
                .isEqualTo("from-the-file");
        assertThat(command(Map.of("FOTA_DESK_API_KEY", "from-env"), "--api-key", "given").apiKey()).isEqualTo("given");
        assertThat(command(Map.of("FOTA_DESK_API_KEY", " from-env \n")).apiKey()).isEqualTo("from-env");
        assertThat(command(Map.of()).apiKey()).isNull();
        assertThatThrownBy(() -> command(Map.of(), "--api-key", "a", "--api-key-file", file.toString()).apiKey())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("not both");
        Path empty = Files.writeString(folder.resolve("empty.key"), "\n");
        assertThatThrownBy(() -> command(Map.of(), "--api-key-file", empty.toString()).apiKey())
                .hasMessageContaining("is empty");
    }

    @Test
    void theMasterKeyComesFromTheEnvironmentOrAKeyFile() {
        Path file = folder.resolve("master.key");
        assertThat(command(Map.of(), "--master-key-file", file.toString()).secrets().masterKeyFile()).isEqualTo(file);
        assertThat(command(Map.of()).secrets().masterKeyFile()).isEqualTo(SecretsConfig.defaultMasterKeyFile());
        SecretsConfig fromEnv = command(Map.of("FOTA_DESK_MASTER_KEY", "a2V5\n")).secrets();
        assertThat(fromEnv.masterKey()).isEqualTo("a2V5");
        assertThat(fromEnv.toString()).doesNotContain("a2V5");
        assertThatThrownBy(() -> command(Map.of("FOTA_DESK_MASTER_KEY", "a2V5"), "--master-key-file", file.toString())
                .secrets()).hasMessageContaining("not both");
    }

    private static ServerCommand command(Map<String, String> environment, String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        command.environment = environment;
        return command;
    }
}
