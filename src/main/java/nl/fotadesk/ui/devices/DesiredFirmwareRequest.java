package nl.fotadesk.ui.devices;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.client.ConflictException;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setting one device's desired firmware from the detail pane: one request at a time, and the server's
 * answer in words (set, runs it already, held by a campaign, failed). The answer for a device the pane
 * no longer shows is dropped.
 */
final class DesiredFirmwareRequest {
    private static final Pattern CAMPAIGN_NAME = Pattern.compile("campaign \"(.+)\" \\(");

    /** How the message under the firmware choice reads. */
    enum Tone { INFO, SUCCESS, ERROR }

    /** The answer: the device, or the campaign that holds it. */
    private record Outcome(DeviceView device, String campaign) {
    }

    private final UiContext context;
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(Tone.INFO);
    private final BooleanProperty busy = new SimpleBooleanProperty();

    DesiredFirmwareRequest(UiContext context) {
        this.context = context;
    }

    StringProperty messageProperty() {
        return message;
    }

    ObjectProperty<Tone> toneProperty() {
        return tone;
    }

    /** True while a request is on its way. */
    BooleanProperty busyProperty() {
        return busy;
    }

    /** Another device is shown: nothing said, nothing on its way. */
    void reset() {
        message.set("");
        busy.set(false);
    }

    /**
     * Sets {@code firmware} as the desired firmware of the device with this IMEI, unless a request is on
     * its way; {@code set} gets the device as the server now has it. Nothing is said or set once
     * {@code stillShown} is false.
     */
    void send(String imei, FirmwareView firmware, BooleanSupplier stillShown, Consumer<DeviceView> set) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tone.set(Tone.INFO);
        message.set(context.text("devices.detail.setting", firmware.version()));
        context.run(() -> {
            try {
                return new Outcome(context.client().setDesiredFirmware(imei, firmware.id()), null);
            } catch (ConflictException e) {
                if (!"device_in_campaign".equals(e.error())) {
                    throw e;
                }
                Matcher m = CAMPAIGN_NAME.matcher(String.valueOf(e.detail()));
                return new Outcome(null, m.find() ? m.group(1) : "");
            }
        }, outcome -> {
            if (!stillShown.getAsBoolean()) {
                return;
            }
            busy.set(false);
            if (outcome.device() == null) {
                tone.set(Tone.ERROR);
                message.set(outcome.campaign().isEmpty() ? context.text("apierror.device_in_campaign")
                        : context.text("devices.detail.inCampaign", outcome.campaign()));
                return;
            }
            set.accept(outcome.device());
            tone.set(Tone.SUCCESS);
            message.set(outcome.device().status() == DeviceStatus.IN_SYNC
                    ? context.text("devices.detail.alreadyRuns", firmware.version())
                    : context.text("devices.detail.desiredSet", firmware.version()));
        }, failure -> {
            if (!stillShown.getAsBoolean()) {
                return;
            }
            busy.set(false);
            tone.set(Tone.ERROR);
            message.set(context.text("devices.detail.setFailed", failure));
        });
    }
}
