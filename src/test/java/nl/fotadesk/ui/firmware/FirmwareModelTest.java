package nl.fotadesk.ui.firmware;

import nl.fotadesk.client.ConflictException;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static nl.fotadesk.ui.FakeFotaDeskClient.image;
import static org.assertj.core.api.Assertions.assertThat;

/** The firmware screen's state without a screen: the list, search, usage, delete and save a copy. */
class FirmwareModelTest {
    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private final FirmwareView unused = image("f1", "tracker-x", "1.2.0", 0, 0);
    private final FirmwareView desired = image("f2", "Meter-Y", "2.0-rc1", 12, 1);
    private final List<String> said = new ArrayList<>();
    private UiContext context;
    private FirmwareModel model;

    @BeforeEach
    void serverWithImages() {
        server.firmware.addAll(List.of(unused, desired));
        server.deviceTypes.addAll(List.of("tracker-x", "beacon"));
        context = FakeFotaDeskClient.context(server);
        model = new FirmwareModel(context);
    }

    private void say(String text, boolean error) {
        said.add((error ? "error: " : "") + text);
    }

    @Test
    void loadsTheImagesAndEveryDeviceTypeSorted() {
        assertThat(model.placeholder("")).isEqualTo(context.text("firmware.loading"));
        model.load();
        assertThat(model.images).containsExactly(unused, desired);
        assertThat(model.deviceTypes).containsExactly("beacon", "Meter-Y", "tracker-x");
        assertThat(model.count(2)).isEqualTo("2 images");
        assertThat(model.count(1)).isEqualTo("1 of 2 images");
        assertThat(model.placeholder(" x ")).isEqualTo(context.text("firmware.noMatch", "x"));
    }

    @Test
    void searchesTypeAndVersionTogetherAndTheStartOfTheHash() {
        assertThat(FirmwareModel.matches(desired, "meter-y 2.0")).isTrue();
        assertThat(FirmwareModel.matches(desired, "RC1")).isTrue();
        assertThat(FirmwareModel.matches(desired, "abab")).isTrue();
        assertThat(FirmwareModel.matches(desired, "baba")).isFalse();
        assertThat(FirmwareModel.matches(unused, "")).isTrue();
    }

    @Test
    void saysWhereAnImageIsUsed() {
        assertThat(model.usage(unused)).isEqualTo("Not used");
        assertThat(model.usage(desired)).isEqualTo("Desired by 12 devices, 1 campaign");
        assertThat(model.usage(image("f3", "t", "1", 0, 2))).isEqualTo("Used by 2 campaigns");
        assertThat(model.usageLines(desired).lines()).hasSize(2);
    }

    @Test
    void reloadsOnlyForEventsThatChangeWhichImagesAreUsed() {
        EventView progress = new EventView(1, "2026-01-01T00:00:00Z", "device", null, null, "3569", "downloading", null);
        EventView pending = new EventView(2, "2026-01-01T00:00:00Z", "device", null, null, "3569", "pending", null);
        EventView campaign = new EventView(3, "2026-01-01T00:00:00Z", "campaign", "c1", null, null, "running", null);
        assertThat(FirmwareModel.changesImages(List.of(progress))).isFalse();
        assertThat(FirmwareModel.changesImages(List.of(progress, pending))).isTrue();
        assertThat(FirmwareModel.changesImages(List.of(campaign))).isTrue();
    }

    @Test
    void deletesAnUnusedImageAndRefusesOneInUse() {
        model.load();
        model.delete(desired, this::say);
        assertThat(said).containsExactly("error: " + context.text("firmware.delete.inUse"));
        assertThat(server.calls).doesNotContain("deleteFirmware f2");
        model.delete(unused, this::say);
        assertThat(said).endsWith("Deleted tracker-x 1.2.0.");
        assertThat(model.images).containsExactly(desired);
    }

    @Test
    void aRefusedDeleteIsToldAndTheListReloaded() {
        model.load();
        server.failNext = new ConflictException("firmware_in_use", "in use", null);
        model.delete(unused, this::say);
        assertThat(said).singleElement().asString().startsWith("error: ");
        assertThat(server.calls).endsWith("deleteFirmware f1", "firmware", "deviceTypes");
        assertThat(model.images).containsExactly(unused, desired);
    }

    @Test
    void savesACopyOfAnImage(@TempDir Path dir) throws Exception {
        Path target = dir.resolve(FirmwareModel.fileName(unused));
        model.saveCopy(unused, target, this::say);
        assertThat(target.getFileName().toString()).isEqualTo("tracker-x-1.2.0.bin");
        assertThat(Files.size(target)).isEqualTo(unused.size());
        assertThat(said).containsExactly(context.text("firmware.save.running", target.getFileName().toString()),
                context.text("firmware.save.done", target.toString(), context.i18n().bytes(unused.size())));
    }
}
