package nl.fotadesk.ui.accounts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.CsvFile;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.UiContext;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail, newest first, a page at a time: filtered by actor, action, object (a prefix such as
 * {@code device/}) and days, and exported whole (every page the filter selects) to CSV.
 */
public final class ActivityModel {
    public static final int PAGE = 50;
    /** The actions the server records (docs/api.md, GET /api/v1/audit), for the action filter. */
    public static final List<String> ACTIONS = List.of("session.create", "session.delete", "user.create",
            "user.change", "user.password", "user.delete", "token.create", "token.delete", "device.register",
            "device.import", "device.desired.set", "firmware.upload", "firmware.delete", "campaign.create",
            "campaign.start", "campaign.pause", "campaign.resume", "campaign.cancel", "campaign.retry",
            "client.create", "device-type.create", "group.create", "group.change", "group.delete");
    static final List<String> CSV_HEADER = List.of("time", "actor", "role", "action", "object", "detail", "source",
            "outcome");
    /** Export pages of the most the server gives at once. */
    private static final int EXPORT_PAGE = 500;

    public final StringProperty actor = new SimpleStringProperty("");
    /** One action, or null for all. */
    public final ObjectProperty<String> action = new SimpleObjectProperty<>();
    public final StringProperty object = new SimpleStringProperty("");
    /** From this day on (inclusive), or null. */
    public final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    /** Up to and including this day, or null. */
    public final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    public final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    public final IntegerProperty offset = new SimpleIntegerProperty();
    public final LongProperty total = new SimpleLongProperty();
    public final BooleanProperty exporting = new SimpleBooleanProperty();
    /** What the export did, or why it failed. */
    public final StringProperty exportMessage = new SimpleStringProperty("");
    public final BooleanProperty loading;
    public final StringProperty loadError;

    private final UiContext context;
    private final ZoneId zone;
    private final Loader<Page<AuditEntry>> loader;
    /** The filter of the page shown (what was applied, not what is being typed). */
    private AuditQuery applied = AuditQuery.ALL;

    public ActivityModel(UiContext context, ZoneId zone) {
        this.context = context;
        this.zone = zone;
        loader = new Loader<>(context, () -> context.client().audit(applied, offset.get(), PAGE), page -> {
            entries.setAll(page.items());
            total.set(page.total());
        });
        loading = loader.loading;
        loadError = loader.error;
    }

    /** Loads the page shown again (newest lines first). */
    public void load() {
        loader.load();
    }

    /** Shows the first page of what the filter fields select. */
    public void apply() {
        applied = query();
        offset.set(0);
        load();
    }

    /** Empties the filter and shows everything. */
    public void clear() {
        actor.set("");
        action.set(null);
        object.set("");
        from.set(null);
        to.set(null);
        apply();
    }

    public void next() {
        if (offset.get() + PAGE < total.get()) {
            offset.set(offset.get() + PAGE);
            load();
        }
    }

    public void previous() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - PAGE));
            load();
        }
    }

    /** The filter fields as a query: days in the user's time zone, the last one whole. */
    AuditQuery query() {
        Instant since = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant until = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditQuery(blankToNull(actor.get()), action.get(), blankToNull(object.get()), since, until);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** "1–50 of 120". */
    public String range() {
        long n = total.get();
        return n == 0 ? context.text("activity.none")
                : context.text("activity.range", offset.get() + 1, Math.min(n, offset.get() + (long) PAGE), n);
    }

    /** Writes every line the applied filter selects, all pages, to {@code target} in the background. */
    public void export(Path target) {
        AuditQuery query = applied;
        exporting.set(true);
        exportMessage.set("");
        context.run(() -> {
            List<List<String>> rows = new ArrayList<>();
            int at = 0;
            Page<AuditEntry> page;
            do {
                page = context.client().audit(query, at, EXPORT_PAGE);
                page.items().forEach(e -> rows.add(row(e)));
                at += page.items().size();
            } while (!page.items().isEmpty() && at < page.total());
            CsvFile.write(target, context.i18n().locale(), CSV_HEADER, rows);
            return rows.size();
        }, lines -> {
            exporting.set(false);
            exportMessage.set(context.text("activity.exported", lines, target.getFileName().toString()));
        }, problem -> {
            exporting.set(false);
            exportMessage.set(problem);
        });
    }

    static List<String> row(AuditEntry e) {
        return List.of(e.time(), e.actor(), e.role() == null ? "" : e.role().wireName(), e.action(),
                nullToEmpty(e.object()), nullToEmpty(e.detail()), nullToEmpty(e.source()), e.outcome());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
