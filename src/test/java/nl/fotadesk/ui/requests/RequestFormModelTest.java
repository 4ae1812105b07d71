package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFormModelTest {
    private final FakeFotaDeskClient client = new FakeFotaDeskClient();
    @TempDir
    Path dir;

    @Test
    void checksFileNamesAndDevicesAsAnUploadDoesThenFilesTheRequest() throws Exception {
        client.maxFirmwareBytes = 10;
        RequestFormModel form = new RequestFormModel(FakeFotaDeskClient.context(client));
        form.file.set(Files.write(dir.resolve("big.bin"), new byte[11]));
        assertThat(form.problem.get()).contains("big.bin");
        form.file.set(Files.write(dir.resolve("tracker-2.0.0.bin"), new byte[10]));
        form.deviceType.set("tracker/x");
        assertThat(form.problem.get()).contains("tracker/x");
        form.deviceType.set("tracker");
        form.version.set("2.0.0");
        form.devices.set(RequestFormModel.Devices.IMEIS);
        form.imeis.set("356938035643809\n12345");
        assertThat(form.problem.get()).isEqualTo("Line 2: \u201c12345\u201d is not an IMEI.");
        form.devices.set(RequestFormModel.Devices.ALL);
        form.useImeisOf("imei,client\r\n356938035643809,acme\r\n");
        assertThat(form.devices.get()).isEqualTo(RequestFormModel.Devices.IMEIS);
        assertThat(form.imeis.get()).isEqualTo("356938035643809");
        form.from.set("02:00");
        form.to.set("05:00");
        form.days.set("mon, tue");
        assertThat(form.problem.get()).isEmpty();

        List<RequestView> filed = new ArrayList<>();
        form.submit(filed::add);

        assertThat(filed).hasSize(1);
        assertThat(client.calls).contains("fileRequest tracker 2.0.0 tracker-2.0.0.bin");
        NewRequest sent = form.toRequest();
        assertThat(sent.target().imeis()).containsExactly("356938035643809");
        assertThat(sent.window().days()).containsExactly("MON", "TUE");
        assertThat(sent.window().earliestStart()).isNull();
        assertThat(form.message.get()).isEqualTo("Request filed for 1 devices.");
    }
}
