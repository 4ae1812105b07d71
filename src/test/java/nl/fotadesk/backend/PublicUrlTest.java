package nl.fotadesk.backend;

import nl.fotadesk.cli.FotaDeskCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Download URLs point where devices reach the service: a node not on loopback must be told that address. */
class PublicUrlTest {
    @TempDir
    Path data;

    @Test
    void aServerOnEveryAddressOrAPublicOneNeedsAPublicUrl() {
        for (String host : new String[]{"0.0.0.0", "::", "", "192.0.2.10"}) {
            assertThatThrownBy(() -> PublicUrl.check(host, null)).as(host)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public URL (--public-url) is required");
        }
        assertThatCode(() -> PublicUrl.check("0.0.0.0", "https://fota.example.net")).doesNotThrowAnyException();
    }

    @Test
    void onLoopbackTheListeningAddressIsTheDefault() {
        for (String host : new String[]{"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThatCode(() -> PublicUrl.check(host, null)).as(host).doesNotThrowAnyException();
        }
        assertThat(PublicUrl.of(null, "http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(PublicUrl.of("http://fota.example.net:8080/", "http://127.0.0.1:8080"))
                .isEqualTo("http://fota.example.net:8080");
    }

    @Test
    void aPublicUrlIsAnHttpUrlWithAHost() {
        for (String url : new String[]{"fota.example.net:8080", "ftp://fota.example.net", "http://", "http://h/?a=b",
                "http://h/#x", "http:// bad"}) {
            assertThatThrownBy(() -> PublicUrl.check("127.0.0.1", url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an http or https URL");
        }
    }

    @Test
    void theServerCommandSaysWhyAndStartsNothing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new FotaDeskCommand()).execute("server", "--host", "0.0.0.0", "--port", "0",
                    "--data", data.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fota-desk server: a public URL (--public-url) is required")
                .doesNotContain("Exception").doesNotContain("\tat ");
        try (var files = Files.list(data)) {
            assertThat(files).as("nothing created before the check").isEmpty();
        }
    }
}
