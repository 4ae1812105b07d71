package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.FirmwareVersions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The device shown in the detail pane: its state, its history, the firmware it may get, and setting
 * its desired firmware. Follows the device live: again after each of its events, and every few
 * seconds while it is updating (progress is not an event).
 */
final class DeviceDetailModel {
    static final int HISTORY = 50;
    /** As much history as the server gives in one answer, for the export. */
    static final int EXPORT_HISTORY = 1_000;
    static final long ACTIVE_POLL_MILLIS = 2_000;

    /** What one load brought; the history (oldest first) and its campaigns only when asked for. */
    private record Loaded(DeviceView device, List<EventView> history, HistoryCampaigns campaigns) {
    }

    private final UiContext context;
    private final ObservableList<FirmwareView> allFirmware;
    private final Runnable onChanged;
    private final ObjectProperty<DeviceView> device = new SimpleObjectProperty<>();
    private final ObservableList<EventView> history = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryCampaigns> campaigns = new SimpleObjectProperty<>(HistoryCampaigns.NONE);
    private final ObservableList<FirmwareView> firmwareChoices = FXCollections.observableArrayList();
    private final StringProperty loadError = new SimpleStringProperty("");
    private final DesiredFirmwareRequest request;
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final BooleanProperty selectedInList = new SimpleBooleanProperty();
    private String imei;
    private long ticket;
    private boolean dirty;
    private boolean loadingNow;
    private long lastLoad;

    /**
     * @param allFirmware every firmware image on the server (kept current by the screen)
     * @param onChanged   told when the operator changed the device, so the list shows it at once
     */
    DeviceDetailModel(UiContext context, ObservableList<FirmwareView> allFirmware, Runnable onChanged) {
        this.context = context;
        this.allFirmware = allFirmware;
        this.onChanged = onChanged;
        this.request = new DesiredFirmwareRequest(context);
        allFirmware.addListener((javafx.collections.ListChangeListener<FirmwareView>) c -> updateChoices());
        device.addListener((o, old, now) -> {
            if (old == null || now == null || !old.deviceType().equals(now.deviceType())) {
                updateChoices();
            }
        });
    }

    ObjectProperty<DeviceView> deviceProperty() {
        return device;
    }

    ObservableList<EventView> history() {
        return history;
    }

    /** The campaigns the history names, and the one that holds the device now. */
    ObjectProperty<HistoryCampaigns> campaignsProperty() {
        return campaigns;
    }

    /** The firmware images for this device's type, newest first. */
    ObservableList<FirmwareView> firmwareChoices() {
        return firmwareChoices;
    }

    StringProperty loadErrorProperty() {
        return loadError;
    }

    /** Setting the desired firmware of the device shown, and what the server answered. */
    DesiredFirmwareRequest request() {
        return request;
    }

    /** True while the pane shows a device (or is loading one). */
    BooleanProperty openProperty() {
        return open;
    }

    /**
     * True while the device table shows this device selected (the view keeps it so); nothing acts on the
     * device otherwise, e.g. while its line in a long list is still being fetched.
     */
    BooleanProperty selectedInListProperty() {
        return selectedInList;
    }

    String imei() {
        return imei;
    }

    /** Shows the device with this IMEI; {@code known} is what the list has of it already (may be null). */
    void show(String newImei, DeviceView known) {
        if (newImei == null || newImei.equals(imei)) {
            return;
        }
        imei = newImei;
        ticket++;
        device.set(known);
        campaigns.set(HistoryCampaigns.NONE);
        history.clear();
        request.reset();
        loadError.set("");
        open.set(true);
        load(true);
    }

    /** Shows nothing. */
    void clear() {
        imei = null;
        ticket++;
        device.set(null);
        campaigns.set(HistoryCampaigns.NONE);
        history.clear();
        request.messageProperty().set("");
        loadError.set("");
        open.set(false);
    }

    /** Fetches the device again, with its history when {@code withHistory}. */
    void load(boolean withHistory) {
        if (imei == null) {
            return;
        }
        String wanted = imei;
        long mine = ticket;
        loadingNow = true;
        dirty = dirty && !withHistory;
        lastLoad = System.currentTimeMillis();
        context.run(() -> {
                    DeviceView d = context.client().device(wanted);
                    if (!withHistory) {
                        return new Loaded(d, null, null);
                    }
                    List<EventView> events = context.client().deviceHistory(wanted, HISTORY);
                    return new Loaded(d, events, HistoryCampaigns.of(context.client(), events));
                },
                loaded -> {
                    loadingNow = false;
                    if (mine != ticket) {
                        return;
                    }
                    device.set(loaded.device());
                    if (loaded.history() != null) {
                        // the campaigns first: the history is drawn with their names
                        campaigns.set(loaded.campaigns());
                        List<EventView> events = new ArrayList<>(loaded.history());
                        Collections.reverse(events);
                        history.setAll(events);
                    }
                    loadError.set("");
                },
                failure -> {
                    loadingNow = false;
                    if (mine == ticket) {
                        loadError.set(failure);
                    }
                });
    }

    /**
     * The server told what happened: something about this device means its history grew; a campaign
     * its history names changed state (paused, resumed, cancelled, completed) as well.
     */
    void onEvents(List<EventView> events) {
        Map<String, ?> named = campaigns.get().byId();
        if (imei != null && events.stream().anyMatch(e -> imei.equals(e.imei())
                || e.imei() == null && e.campaignId() != null && named.containsKey(e.campaignId()))) {
            dirty = true;
        }
    }

    /** Something changed the device shown: fetch it and its history at the next tick. */
    void reloadSoon() {
        dirty = true;
    }

    /** Called every second while the screen is shown: follows the device without flooding the server. */
    void tick(long now) {
        if (imei == null || loadingNow) {
            return;
        }
        DeviceView d = device.get();
        if (dirty) {
            load(true);
        } else if (d != null && d.status() != null && d.status().isActive() && now - lastLoad >= ACTIVE_POLL_MILLIS) {
            load(false);
        }
    }

    /** What setting {@code chosen} as the desired firmware of the device shown will do. */
    DesiredFirmwareNote noteFor(FirmwareView chosen) {
        return DesiredFirmwareNote.of(device.get(), chosen);
    }

    /** Sets the firmware of the device shown (by its IMEI) that it should run, starting its update. */
    void setDesired(FirmwareView firmware) {
        DeviceView d = device.get();
        if (imei == null || d == null || !imei.equals(d.imei()) || firmware == null || !selectedInList.get()) {
            return;
        }
        long mine = ticket;
        request.send(imei, firmware, () -> mine == ticket, now -> {
            device.set(now);
            dirty = true;
            onChanged.run();
        });
    }

    private void updateChoices() {
        DeviceView d = device.get();
        if (d == null) {
            firmwareChoices.clear();
            return;
        }
        List<FirmwareView> matching = new ArrayList<>(allFirmware.stream()
                .filter(f -> f.deviceType().equals(d.deviceType())).toList());
        matching.sort((a, b) -> FirmwareVersions.compare(b.version(), a.version()));
        if (!matching.equals(firmwareChoices)) {
            firmwareChoices.setAll(matching);
        }
    }
}
