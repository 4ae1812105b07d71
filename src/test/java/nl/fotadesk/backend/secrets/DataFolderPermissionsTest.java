package nl.fotadesk.backend.secrets;

import nl.fotadesk.backend.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The data folder and the key file are the owner's alone: folders 0700, files 0600. */
class DataFolderPermissionsTest {
    @TempDir
    Path data;
    @TempDir
    Path config;

    @Test
    void everythingTheBackendKeepsIsOwnerOnly() throws Exception {
        assumeThat(Files.getFileAttributeView(data, PosixFileAttributeView.class)).as("POSIX permissions").isNotNull();
        // What an older version left: world-readable.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(data.resolve("left-over.txt"), "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Path key = config.resolve("fota-desk").resolve("master.key");

        try (TestBackend backend = new TestBackend(SecretsFixture.config("h2", data, key, TestBackend.API_KEY))) {
            backend.uploadFirmware("tracker-x", "2.0.0", new byte[4096]);
            SecretsFixture.register(backend, "490154203237518", TestBackend.SECRET);
            assertThat(mode(data)).as("the data folder while running").isEqualTo("rwx------");
        }

        List<Path> all;
        try (Stream<Path> paths = Files.walk(data)) {
            all = paths.toList();
        }
        assertThat(all).as("the database and the image are there").anyMatch(p -> p.toString().endsWith(".mv.db"))
                .anyMatch(p -> p.startsWith(data.resolve("firmware")) && Files.isRegularFile(p));
        for (Path p : all) {
            assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(mode(key.getParent())).isEqualTo("rwx------");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
