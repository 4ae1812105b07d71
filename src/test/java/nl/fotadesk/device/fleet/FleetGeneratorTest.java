package nl.fotadesk.device.fleet;

import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.protocol.DeviceSecret;
import nl.fotadesk.protocol.Imei;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetGeneratorTest {
    @Test
    void makesValidUniqueRepeatableDevicesOfSeveralTypesAndClients() {
        List<DeviceIdentity> fleet = FleetGenerator.generate(3000, 9);
        assertThat(fleet).allSatisfy(d -> {
            assertThat(Imei.isValid(d.imei())).as(d.imei()).isTrue();
            assertThat(DeviceSecret.isValid(d.secret())).isTrue();
        });
        assertThat(fleet.stream().map(DeviceIdentity::imei).distinct()).hasSize(3000);
        assertThat(fleet.stream().map(DeviceIdentity::deviceType).distinct()).hasSize(3);
        assertThat(fleet.stream().map(DeviceIdentity::client).distinct()).hasSize(3);
        assertThat(FleetGenerator.generate(3000, 9)).isEqualTo(fleet);
        assertThat(FleetGenerator.generate(3000, 10)).isNotEqualTo(fleet);
    }

    @Test
    void writesAndReadsAFleetFile(@TempDir Path dir) throws Exception {
        List<DeviceIdentity> fleet = FleetGenerator.generate(50, 1);
        Path file = dir.resolve("fleet.csv");
        FleetFile.write(file, fleet);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("imei,secret,deviceType,client,firmware");
        assertThat(FleetFile.read(file)).isEqualTo(fleet);
    }

    @Test
    void namesTheLineOfABrokenRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fleet.csv");
        Files.writeString(file, "imei,secret,deviceType,client,firmware\n490154203237518,abc,t,c,1\n356938035643809\n");
        assertThatThrownBy(() -> FleetFile.read(file)).hasMessageContaining("line 3");
    }
}
