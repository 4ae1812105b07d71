package nl.fotadesk.ui.devices;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Versions sort the way operators read them. */
class DeviceTextsTest {
    @Test
    void ordersVersionsByTheirNumbers() {
        assertThat(DeviceTexts.compareVersions("1.10.0", "1.9.2")).isPositive();
        assertThat(DeviceTexts.compareVersions("2.1.0", "2.1.0")).isZero();
        assertThat(DeviceTexts.compareVersions("0.9.5", "1.0.0")).isNegative();
        assertThat(DeviceTexts.compareVersions("1.0", "1.0.1")).isNegative();
        assertThat(DeviceTexts.compareVersions("1.0.0-rc1", "1.0.0-RC2")).isNegative();
    }
}
