package nl.fotadesk.ui.campaigns;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.client.NotFoundException;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.ForecastVsActual;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.protocol.api.ProgressPoint;
import nl.fotadesk.ui.CsvFile;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.WholeFile;
import nl.fotadesk.ui.UiContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One campaign as the detail view shows it: the campaign, one page of its devices (filtered by phase
 * and state), and for the chart, the campaign's progress history as the server keeps it. Loads off the FX
 * thread; a load asked for while one runs follows it, so refreshes never pile up.
 */
final class CampaignDetailModel {
    static final int PAGE_SIZE = 100;

    /** What one load brings. */
    record Snapshot(CampaignView campaign, Page<CampaignDeviceView> devices, List<ProgressPoint> history,
                    Map<String, String> groupNames) {
    }

    /** A forecast beside what the campaign did, with its progress over time once it started (for the chart). */
    record Rehearsed(ForecastVsActual versus, CampaignView campaign, List<ProgressPoint> progress) {
    }

    private final UiContext context;
    private final String id;
    final ObjectProperty<CampaignView> campaign = new SimpleObjectProperty<>();
    /** The campaign's rehearsal beside what it did; null when it was never rehearsed. */
    final ObjectProperty<Rehearsed> forecast = new SimpleObjectProperty<>();
    final ObservableList<CampaignDeviceView> devices = FXCollections.observableArrayList();
    final LongProperty total = new SimpleLongProperty();
    final ObjectProperty<Integer> phase = new SimpleObjectProperty<>();
    final ObjectProperty<DeviceStateChoice> filter = new SimpleObjectProperty<>(DeviceStateChoice.ALL);
    final StringProperty error = new SimpleStringProperty("");
    final StringProperty notice = new SimpleStringProperty("");
    final StringProperty actionError = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Map<String, String> groupNames = new HashMap<>();
    private BiConsumer<CampaignView, List<ProgressPoint>> historyListener = (c, h) -> { };
    private int offset;
    private boolean loading;
    private boolean again;
    private boolean historyLoaded;

    CampaignDetailModel(UiContext context, String id) {
        this.context = context;
        this.id = id;
        phase.addListener((o, a, b) -> firstPage());
        filter.addListener((o, a, b) -> firstPage());
    }

    String id() {
        return id;
    }

    int offset() {
        return offset;
    }

    Map<String, String> groupNames() {
        return groupNames;
    }

    /** Told once, with the campaign's progress history, when the campaign is first loaded. */
    void onHistory(BiConsumer<CampaignView, List<ProgressPoint>> listener) {
        this.historyListener = listener;
    }

    /** Whether this user may rehearse the campaign and read its forecast (the server refuses anyone else). */
    boolean mayRehearse() {
        return context.may(Permission.REHEARSE);
    }

    /**
     * Loads the forecast beside what happened, and the progress of {@code c} since it started (a campaign
     * never rehearsed has no forecast: not an error); none for a user who may not read forecasts.
     */
    void loadForecast(CampaignView c) {
        if (!mayRehearse()) {
            return;
        }
        ServerCall.run(context, () -> {
            try {
                ForecastVsActual versus = context.client().campaignForecast(id);
                return new Rehearsed(versus, c, c.startedAt() == null ? List.of() : context.client().campaignProgress(id));
            } catch (NotFoundException e) {
                return null;
            }
        }, forecast::set, message -> forecast.set(null));
    }

    void load() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        boolean withHistory = !historyLoaded;
        Integer onlyPhase = phase.get();
        List<ActionState> states = filter.get() == null ? List.of() : filter.get().states();
        int from = offset;
        ServerCall.run(context, () -> fetch(withHistory, onlyPhase, states, from), snapshot -> {
            loading = false;
            error.set("");
            if (snapshot.groupNames() != null) {
                groupNames.putAll(snapshot.groupNames());
            }
            if (snapshot.history() != null) {
                historyLoaded = true;
                historyListener.accept(snapshot.campaign(), snapshot.history());
            }
            total.set(snapshot.devices().total());
            devices.setAll(snapshot.devices().items());
            campaign.set(snapshot.campaign());
            if (again) {
                again = false;
                load();
            }
        }, message -> {
            loading = false;
            error.set(message);
            again = false;
        });
    }

    private Snapshot fetch(boolean withHistory, Integer onlyPhase, List<ActionState> states, int from) {
        FotaDeskClient client = context.client();
        CampaignView c = client.campaign(id);
        Page<CampaignDeviceView> page = client.campaignDevices(id, onlyPhase, states, from, PAGE_SIZE);
        List<ProgressPoint> history = null;
        Map<String, String> groups = null;
        if (withHistory) {
            history = client.campaignProgress(id);
            if (c.target() != null && c.target().groupId() != null) {
                groups = new HashMap<>();
                for (GroupView g : client.groups()) {
                    groups.put(g.id(), g.name());
                }
            }
        }
        return new Snapshot(c, page, history, groups);
    }

    void firstPage() {
        offset = 0;
        load();
    }

    void nextPage() {
        if (offset + PAGE_SIZE < total.get()) {
            offset += PAGE_SIZE;
            load();
        }
    }

    void previousPage() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE_SIZE);
            load();
        }
    }

    /**
     * Writes devices to {@code target} as CSV, off the FX thread: {@code selection}, or when it is null
     * every device of the phase and state chosen. Says how it went in {@link #notice} or {@link #actionError}.
     */
    void export(Path target, List<CampaignDeviceView> selection) {
        CampaignView c = campaign.get();
        if (c == null) {
            return;
        }
        Integer onlyPhase = phase.get();
        List<ActionState> states = filter.get() == null ? List.of() : filter.get().states();
        CampaignTexts texts = new CampaignTexts(context.i18n());
        notice.set("");
        actionError.set("");
        ServerCall.run(context, () -> {
            List<CampaignDeviceView> devices = selection != null ? selection : all(onlyPhase, states);
            try {
                CsvFile.write(target, context.i18n().locale(), CampaignExport.HEADER, CampaignExport.rows(c, devices, texts));
                return new Written(devices.size(), null);
            } catch (IOException e) {
                return new Written(devices.size(), e);
            }
        }, written -> tell(target, written, "campaigns.export.done", written.devices()), actionError::set);
    }

    /**
     * Writes the campaign's report ({@link CampaignReport}) to {@code target}, off the FX thread, from the
     * campaign as it is now, its progress history and every device; says how it went like {@link #export}.
     */
    void report(Path target) {
        Map<String, String> groups = Map.copyOf(groupNames);
        CampaignTexts texts = new CampaignTexts(context.i18n());
        notice.set("");
        actionError.set("");
        ServerCall.run(context, () -> {
            CampaignView c = context.client().campaign(id);
            List<CampaignDeviceView> devices = all(null, List.of());
            String html = new CampaignReport(texts).html(c, groups, context.client().campaignProgress(id), devices,
                    Instant.now());
            try {
                WholeFile.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
                return new Written(devices.size(), null);
            } catch (IOException e) {
                return new Written(devices.size(), e);
            }
        }, written -> tell(target, written, "campaigns.report.done", written.devices()), actionError::set);
    }

    /** Says how writing {@code target} went: the text of {@code doneKey} (with the count and the file's name), or why not. */
    private void tell(Path target, Written written, String doneKey, int count) {
        String file = String.valueOf(target.getFileName());
        if (written.failure() == null) {
            notice.set(context.text(doneKey, count, file));
        } else {
            actionError.set(context.text("campaigns.export.failed", file, String.valueOf(written.failure().getMessage())));
        }
    }

    /** How an export went: the devices written, or why the file could not be written. */
    private record Written(int devices, IOException failure) {
    }

    private List<CampaignDeviceView> all(Integer onlyPhase, List<ActionState> states) {
        List<CampaignDeviceView> all = new ArrayList<>();
        for (int from = 0; ; from += 1000) {
            Page<CampaignDeviceView> page = context.client().campaignDevices(id, onlyPhase, states, from, 1000);
            all.addAll(page.items());
            if (page.items().size() < 1000 || all.size() >= page.total()) {
                return all;
            }
        }
    }

    // Operator actions: each answers with the campaign as it is now.

    /**
     * Rehearses this draft at the price and bearer last set in a rehearsal card; its forecast is kept with it,
     * and shown beside what it does once it runs.
     */
    void rehearse() {
        busy.set(true);
        actionError.set("");
        RehearsalRequest request = RehearsalModel.assuming(context.settings(), campaign.get().deviceType(),
                new RehearsalRequest(null, id, null, null, null, null, null, null, null, null));
        ServerCall.run(context, () -> context.client().rehearseCampaign(request), f -> {
            busy.set(false);
            loadForecast(campaign.get());
        }, this::actionFailed);
    }

    void start() {
        steer(() -> context.client().startCampaign(id));
    }

    void pause() {
        steer(() -> context.client().pauseCampaign(id));
    }

    void resume() {
        steer(() -> context.client().resumeCampaign(id));
    }

    void cancel() {
        steer(() -> context.client().cancelCampaign(id));
    }

    void retryFailed() {
        busy.set(true);
        notice.set("");
        actionError.set("");
        ServerCall.run(context, () -> context.client().retryFailed(id), retried -> {
            busy.set(false);
            notice.set(context.text("campaigns.detail.retried", retried));
            load();
        }, this::actionFailed);
    }

    private void steer(UiContext.Work<CampaignView> action) {
        busy.set(true);
        notice.set("");
        actionError.set("");
        ServerCall.run(context, action, c -> {
            busy.set(false);
            campaign.set(c);
            load();
        }, this::actionFailed);
    }

    private void actionFailed(String message) {
        busy.set(false);
        actionError.set(message);
        load();
    }
}
