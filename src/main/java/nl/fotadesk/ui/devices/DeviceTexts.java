package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.EventTexts;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.ui.UiContext;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/** Devices in words: update status, LwM2M update results, telemetry values. */
final class DeviceTexts {
    private final UiContext context;

    DeviceTexts(UiContext context) {
        this.context = context;
    }

    String status(DeviceStatus status) {
        return status == null ? "" : context.text(StatusTerms.labelKey(status));
    }

    /** A state from the device's history: a device status, else the word the server used. */
    String state(String wireName) {
        DeviceStatus s = statusOf(wireName);
        return s != null ? status(s) : wireName == null ? "" : wireName;
    }

    /** The device status a history state names, or null for none this version knows. */
    static DeviceStatus statusOf(String wireName) {
        try {
            return wireName == null ? null : DeviceStatus.fromWire(wireName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Gives a status dot the colour of {@code s}. */
    static void tone(Node dot, DeviceStatus s) {
        if (!dot.getStyleClass().contains("status-dot")) {
            dot.getStyleClass().add("status-dot");
        }
        StatusTerms.applyTone(dot, StatusTerms.tone(s));
    }

    /** A moment from the API (ISO-8601) briefly: the time when it is today, else date and time. */
    String moment(String iso) {
        if (iso == null) {
            return "";
        }
        Instant t = Instant.parse(iso);
        ZoneId zone = ZoneId.systemDefault();
        boolean today = LocalDate.ofInstant(t, zone).equals(LocalDate.now(zone));
        DateTimeFormatter f = today ? DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
        return f.withLocale(context.i18n().locale()).withZone(zone).format(t);
    }

    /** The status with what it means now: progress while downloading, the reason when it failed. */
    String statusLine(DeviceView d) {
        if (d.status() == DeviceStatus.DOWNLOADING && d.progress() != null) {
            return context.text("devices.statusProgress", status(d.status()), d.progress());
        }
        if (d.status() == DeviceStatus.FAILED && d.fotaResult() != null) {
            return context.text("devices.statusReason", status(d.status()), result(d.fotaResult()));
        }
        return status(d.status());
    }

    /**
     * How much of its desired image the device was served: of the image's size when it is known
     * ({@code image} null: not), a dash before anything was served (also "0 B of 96 KiB" would read as a
     * download that started).
     */
    String served(DeviceView d, FirmwareView image) {
        if (d.bytesServed() == null || d.bytesServed() == 0) {
            return "\u2014";
        }
        String served = context.i18n().bytes(d.bytesServed());
        if (image == null) {
            return served;
        }
        // what was served counts retried parts again: more than the image is no progress past its end
        String size = context.i18n().bytes(image.size());
        return d.bytesServed() > image.size() ? context.text("devices.detail.servedRetries", size, served)
                : context.text("devices.detail.servedOf", served, size);
    }

    /** An LwM2M firmware update result code (object 5, resource 5) in words. */
    String result(int code) {
        return EventTexts.result(context.i18n(), code);
    }

    /** A telemetry name in words when it is a known one, else as the device sent it. */
    String telemetryName(String name) {
        String key = "devices.telemetryName." + name;
        return context.i18n().has(key) ? context.text(key) : name;
    }

    /** A SenML record's value with its unit, in the user's number format. */
    String telemetryValue(Object record) {
        if (!(record instanceof Map<?, ?> m)) {
            return String.valueOf(record);
        }
        Object unit = m.get("u");
        String suffix = unit == null ? "" : unit(unit.toString());
        if (m.get("v") instanceof Number n) {
            NumberFormat f = NumberFormat.getNumberInstance(context.i18n().locale());
            f.setMaximumFractionDigits(2);
            return f.format(n.doubleValue()) + suffix;
        }
        if (m.get("vs") != null) {
            return m.get("vs") + suffix;
        }
        if (m.get("vb") instanceof Boolean b) {
            return context.text(b ? "devices.telemetry.yes" : "devices.telemetry.no");
        }
        if (m.get("vd") != null) {
            return String.valueOf(m.get("vd"));
        }
        return m.get("s") == null ? "" : m.get("s") + suffix;
    }

    /** When the telemetry record was measured (ISO-8601), or null. */
    static String telemetryTime(Object record) {
        return record instanceof Map<?, ?> m && m.get("time") != null ? m.get("time").toString() : null;
    }

    private static String unit(String senml) {
        return switch (senml) {
            case "%EL", "%RH", "%" -> " %";
            case "Cel" -> " \u00b0C";
            default -> " " + senml;
        };
    }
}
