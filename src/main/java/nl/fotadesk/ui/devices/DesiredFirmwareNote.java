package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.FirmwareVersions;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;

/** What setting the chosen firmware as a device's desired one will do, as the detail pane says it. */
enum DesiredFirmwareNote {
    /** No device shown: nothing to say. */
    NONE,
    /** The device type has no firmware to choose. */
    NO_FIRMWARE,
    /** It runs that version already: nothing is downloaded. */
    RUNS,
    /** The version is older than the one it runs (in {@link FirmwareVersions} order). */
    DOWNGRADE,
    /** That update is under way: setting it again restarts the download. */
    RESTART,
    /** It downloads and installs it at its next check-in. */
    UPDATE;

    static DesiredFirmwareNote of(DeviceView device, FirmwareView chosen) {
        if (device == null) {
            return NONE;
        }
        if (chosen == null) {
            return NO_FIRMWARE;
        }
        if (chosen.version().equals(device.reportedFirmware())) {
            return RUNS;
        }
        String runs = device.reportedFirmware();
        if (runs != null && FirmwareVersions.compare(chosen.version(), runs) < 0) {
            return DOWNGRADE;
        }
        if (chosen.id().equals(device.desiredFirmwareId()) && device.status() != null && device.status().isActive()) {
            return RESTART;
        }
        return UPDATE;
    }
}
