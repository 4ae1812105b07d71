package nl.fotadesk.ui.firmware;

import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload form states the server's size limit before Upload, and refuses a larger file as soon as it is chosen. */
class UploadLimitTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private UiContext context;
    private UploadModel upload;

    @TempDir
    Path dir;

    @BeforeEach
    void form() {
        server.maxFirmwareBytes = 2048;
        server.deviceTypes.add("tracker-x");
        context = FakeFotaDeskClient.context(server);
        FirmwareModel firmware = new FirmwareModel(context);
        firmware.load();
        upload = new UploadModel(context, firmware);
    }

    @Test
    void statesTheLimitBeforeAnythingIsChosen() {
        assertThat(upload.maxFileSize.get()).isEqualTo(2048);
        assertThat(upload.limitText()).isEqualTo(context.text("firmware.drop.limit", context.i18n().bytes(2048)));
        assertThat(upload.limitText()).startsWith("Images up to ");
    }

    @Test
    void refusesALargerFileAtOnceWithTheLimitInTheMessage() throws Exception {
        Path big = Files.write(dir.resolve("tracker-x_1.2.0.bin"), new byte[2049]);
        upload.chooseFile(big);
        assertThat(upload.fileProblem.get()).isEqualTo(context.text("firmware.file.tooLarge", "tracker-x_1.2.0.bin",
                context.i18n().bytes(2049), context.i18n().bytes(2048)));
        assertThat(upload.ready.get()).isFalse();
        assertThat(server.calls).doesNotContain("uploadFirmware");
    }

    @Test
    void takesAFileOfExactlyTheLimit() throws Exception {
        Path fits = Files.write(dir.resolve("tracker-x_1.2.0.bin"), new byte[2048]);
        upload.chooseFile(fits);
        assertThat(upload.fileProblem.get()).isEmpty();
        assertThat(upload.ready.get()).isTrue();
    }
}
