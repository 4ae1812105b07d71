package nl.fotadesk.backend.ingest;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.FotaState;
import nl.fotadesk.protocol.SenmlPack;
import nl.fotadesk.protocol.SenmlRecord;
import nl.fotadesk.protocol.UpdateResult;
import nl.fotadesk.protocol.UplinkRecords;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A device's state after an uplink: what it reports, and where its update stands (docs/protocol.md §5).
 * An update succeeds when the reported firmware equals the desired version, and fails on a
 * {@code fotaResult} from 2 to 9.
 */
record UplinkState(String reportedFirmware, DeviceStatus status, Integer progress, String fotaState,
                   Integer fotaResult, boolean finished) {

    /**
     * @throws Invalid {@code invalid_record} naming the record whose value does not fit, before
     *                   anything is stored
     */
    static UplinkState of(DeviceRow device, SenmlPack pack) {
        String firmware = text(pack, UplinkRecords.FIRMWARE, Limits.VERSION).orElse(device.reported().firmware());
        String fotaState = text(pack, UplinkRecords.FOTA_STATE, Limits.FOTA_STATE).orElse(device.reported().fotaState());
        Integer progress = number(pack, UplinkRecords.FOTA_PROGRESS, Limits.PERCENT_MIN, Limits.PERCENT_MAX)
                .map(p -> (int) Math.round(p)).orElse(device.progress());
        Integer reportedResult = number(pack, UplinkRecords.FOTA_RESULT, 0, Limits.FOTA_RESULT_MAX)
                .map(r -> (int) Math.round(r)).orElse(null);
        Integer fotaResult = reportedResult != null ? reportedResult : device.reported().fotaResult();

        DeviceStatus status = device.status();
        boolean finished = false;
        if (status.isActive()) {
            if (device.desired().version() != null && Objects.equals(firmware, device.desired().version())) {
                status = DeviceStatus.SUCCEEDED;
                progress = 100;
                finished = true;
            } else if (reportedResult != null && UpdateResult.isFailure(reportedResult)) {
                status = DeviceStatus.FAILED;
                finished = true;
            } else {
                status = stateFrom(pack, status);
                if (status == DeviceStatus.DOWNLOADED) {
                    progress = 100;
                } else if (status == DeviceStatus.PENDING && device.download().id() != null) {
                    status = DeviceStatus.NOTIFIED; // this uplink is answered with the download URL
                }
            }
        }
        return new UplinkState(firmware, status, progress, fotaState, fotaResult, finished);
    }

    /** The uplink's news, for the device's history. */
    EventDetail describe() {
        return switch (status) {
            case SUCCEEDED -> EventCode.REPORTS_FIRMWARE.detail("reports firmware " + reportedFirmware, reportedFirmware);
            case FAILED -> EventCode.REPORTS_FAILURE.detail("reports fotaResult " + fotaResult, fotaResult);
            case NOTIFIED -> EventCode.DOWNLOAD_URL_SENT.detail("sent the download URL");
            default -> progress != null
                    ? EventCode.REPORTS_PROGRESS.detail(reported() + (fotaState == null ? " " : ", ") + progress + " %",
                    progress)
                    : fotaState != null ? EventCode.REPORTS_STATE.detail(reported(), fotaState)
                    : EventCode.REPORTS_STATUS.detail(reported());
        };
    }

    private String reported() {
        return fotaState == null ? "reports" : "reports fotaState " + fotaState;
    }

    private static DeviceStatus stateFrom(SenmlPack pack, DeviceStatus current) {
        return string(pack, UplinkRecords.FOTA_STATE).flatMap(FotaState::fromWire).map(s -> switch (s) {
            case DOWNLOADING -> DeviceStatus.DOWNLOADING;
            case DOWNLOADED -> DeviceStatus.DOWNLOADED;
            case UPDATING -> DeviceStatus.UPDATING;
            case IDLE, REBOOTING -> current;
        }).orElse(current);
    }

    private static Optional<String> string(SenmlPack pack, String name) {
        return pack.findField(name).map(SenmlRecord::stringValue);
    }

    /** The record's {@code vs}, when it is 1 to {@code max} characters the device's columns can hold. */
    private static Optional<String> text(SenmlPack pack, String name, int max) {
        Optional<SenmlRecord> record = pack.findField(name);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        String value = record.get().stringValue();
        if (value == null) {
            refuse(name, "must have a string value (vs)");
        }
        String problem = Limits.textProblem(value, max);
        if (problem != null) {
            refuse(name, problem);
        }
        return Optional.of(value);
    }

    /** The record's {@code v}, when it is in {@code min..max}. */
    private static Optional<Double> number(SenmlPack pack, String name, double min, double max) {
        Optional<SenmlRecord> record = pack.findField(name);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Double value = record.get().value();
        if (value == null) {
            refuse(name, "must have a numeric value (v)");
        }
        if (value < min || value > max) {
            refuse(name, "must be from " + number(min) + " to " + number(max) + "; got "
                    + number(value));
        }
        return Optional.of(value);
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void refuse(String name, String rule) {
        throw new Invalid("invalid_record", "record \"" + name + "\": " + rule);
    }
}
