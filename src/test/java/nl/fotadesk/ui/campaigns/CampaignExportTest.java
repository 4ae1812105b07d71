package nl.fotadesk.ui.campaigns;

import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's device results exported as CSV from the real demo: BOM, header, one line per device. */
class CampaignExportTest extends DemoUiTest {
    @TempDir
    Path dir;

    @Test
    void exportsEveryDeviceOrTheSelectionAsExcelFriendlyCsv(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        List<String> imeis = List.of(Imei.withCheckDigit("35693803999993"), Imei.withCheckDigit("35693803999994"));
        imeis.forEach(i -> client.registerDevice(new NewDevice(i, "tracker-x", "acme", null, null)));
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        CampaignView campaign = client.createCampaign(new NewCampaign("Export, \"quoted\"", image.id(),
                new CampaignTarget(null, null, null, imeis, null, null), null, 100, 10, 3600L, 0, null, null, false));
        CampaignDetailModel model = new CampaignDetailModel(app.context, campaign.id());
        robot.interact(model::load);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.campaign.get() != null);

        Path all = dir.resolve(CampaignExport.fileName(campaign));
        robot.interact(() -> model.export(all, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.notice.get().isEmpty());
        assertThat(model.notice.get()).isEqualTo("Exported 2 devices to export-quoted-devices.csv.");
        byte[] bytes = Files.readAllBytes(all);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("campaign,imei,phase,state,attempts,resultCode,result,progress,updatedAt");
        for (int i = 0; i < 2; i++) {
            assertThat(lines.get(i + 1)).matches("\"Export, \"\"quoted\"\"\"," + imeis.get(i)
                    + ",1,waiting,0,,,,\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        }

        Path one = dir.resolve("one.csv");
        robot.interact(() -> model.export(one, List.of(model.devices.get(1))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(one));
        assertThat(Files.readAllLines(one)).hasSize(2).last().asString().contains(model.devices.get(1).imei());
    }
}
