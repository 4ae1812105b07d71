package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.UiContext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the CSV exports, in the operator's language: devices as the table shows them, and a
 * device's history. Times are local, as {@code 2026-12-03 14:05:09}, which spreadsheets read as a date.
 */
final class DeviceCsv {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final UiContext context;
    private final DeviceTexts texts;

    DeviceCsv(UiContext context) {
        this.context = context;
        this.texts = new DeviceTexts(context);
    }

    List<String> deviceHeader() {
        return texts("devices.column.imei", "devices.column.client", "devices.column.type", "devices.column.reported",
                "devices.column.desired", "devices.column.status", "devices.export.column.progress",
                "devices.export.column.result", "devices.column.lastSeen");
    }

    List<String> device(DeviceView d) {
        return Arrays.asList(d.imei(), d.client(), d.deviceType(), d.reportedFirmware(), d.desiredFirmware(),
                texts.status(d.status()), d.progress() == null ? "" : String.valueOf(d.progress()),
                d.fotaResult() == null ? "" : texts.result(d.fotaResult()), time(d.lastSeen()));
    }

    List<String> historyHeader() {
        return texts("devices.export.column.time", "devices.export.column.state", "devices.export.column.campaign",
                "devices.export.column.phase", "devices.export.column.detail");
    }

    /** One history entry; {@code campaignName} names a campaign by its id (null when not known). */
    List<String> history(EventView e, HistoryText history, Function<String, String> campaignName) {
        String campaign = e.campaignId() == null ? "" : campaignName.apply(e.campaignId());
        String detail = history.detail(e);
        return Arrays.asList(time(e.at()), texts.state(e.state()), campaign == null ? e.campaignId() : campaign,
                e.phase() == null ? "" : String.valueOf(e.phase() + 1), detail == null ? "" : detail);
    }

    private List<String> texts(String... keys) {
        List<String> header = new ArrayList<>();
        for (String key : keys) {
            header.add(context.text(key));
        }
        return header;
    }

    private static String time(String iso) {
        return iso == null ? "" : TIME.format(Instant.parse(iso));
    }
}
