package nl.fotadesk.backend.ingest;

import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.protocol.SenmlPack;
import nl.fotadesk.protocol.SenmlRecord;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A device's state after an uplink: what it reports, and where its update stands (protocol.md §5).
 * An update succeeds when the reported firmware equals the desired version, and fails on a
 * {@code fotaResult} from 2 to 9.
 */
record UplinkState(String reportedFirmware, DeviceStatus status, Integer progress, String fotaState,
                   Integer fotaResult, boolean finished) {

    static UplinkState of(DeviceRow device, SenmlPack pack) {
        String firmware = string(pack, Ingestion.FIRMWARE).orElse(device.reportedFirmware());
        String fotaState = string(pack, Ingestion.FOTA_STATE).orElse(device.fotaState());
        Integer progress = number(pack, Ingestion.FOTA_PROGRESS)
                .map(p -> (int) Math.round(Math.max(0, Math.min(100, p)))).orElse(device.progress());
        Integer reportedResult = number(pack, Ingestion.FOTA_RESULT).map(r -> (int) Math.round(r)).orElse(null);
        Integer fotaResult = reportedResult != null ? reportedResult : device.fotaResult();

        DeviceStatus status = device.status();
        boolean finished = false;
        if (status.isActive()) {
            if (device.desiredVersion() != null && Objects.equals(firmware, device.desiredVersion())) {
                status = DeviceStatus.SUCCEEDED;
                progress = 100;
                finished = true;
            } else if (reportedResult != null && reportedResult >= 2 && reportedResult <= 9) {
                status = DeviceStatus.FAILED;
                finished = true;
            } else {
                status = stateFrom(pack, status);
                if (status == DeviceStatus.DOWNLOADED) {
                    progress = 100;
                }
            }
        }
        return new UplinkState(firmware, status, progress, fotaState, fotaResult, finished);
    }

    /** The uplink's news in words, for the device's history. */
    String describe() {
        return switch (status) {
            case SUCCEEDED -> "reports firmware " + reportedFirmware;
            case FAILED -> "reports fotaResult " + fotaResult;
            case NOTIFIED -> "sent the download URL";
            default -> "reports fotaState " + fotaState + (progress == null ? "" : ", " + progress + " %");
        };
    }

    private static DeviceStatus stateFrom(SenmlPack pack, DeviceStatus current) {
        return string(pack, Ingestion.FOTA_STATE).map(s -> switch (s) {
            case "downloading" -> DeviceStatus.DOWNLOADING;
            case "downloaded" -> DeviceStatus.DOWNLOADED;
            case "updating" -> DeviceStatus.UPDATING;
            default -> current;
        }).orElse(current);
    }

    private static Optional<String> string(SenmlPack pack, String name) {
        return pack.findField(name).map(SenmlRecord::stringValue);
    }

    private static Optional<Double> number(SenmlPack pack, String name) {
        return pack.findField(name).map(SenmlRecord::value);
    }
}
