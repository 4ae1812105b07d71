package nl.fotadesk.ui.requests;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.ui.UiContext;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rollout plan of an approval as the operator edits it: prefilled from the review's plan, each field
 * as typed text (phases as percentages "10, 100", days as "MON, TUE"); the server checks the ranges.
 */
public final class PlanModel {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty phases = new SimpleStringProperty("");
    public final StringProperty successThreshold = new SimpleStringProperty("");
    public final StringProperty errorThreshold = new SimpleStringProperty("");
    public final StringProperty timeoutSeconds = new SimpleStringProperty("");
    public final StringProperty maxRetries = new SimpleStringProperty("");
    public final StringProperty scheduledAt = new SimpleStringProperty("");
    public final StringProperty timeZone = new SimpleStringProperty("");
    public final StringProperty days = new SimpleStringProperty("");
    public final StringProperty from = new SimpleStringProperty("");
    public final StringProperty to = new SimpleStringProperty("");
    /** When the window closes for good (ISO-8601): the request's latest end, or earlier. */
    public final StringProperty endsAt = new SimpleStringProperty("");

    private final UiContext context;

    PlanModel(UiContext context) {
        this.context = context;
    }

    /** Every field, to follow changes of the plan. */
    List<StringProperty> fields() {
        return List.of(name, phases, successThreshold, errorThreshold, timeoutSeconds, maxRetries, scheduledAt, timeZone,
                days, from, to, endsAt);
    }

    /** Fills the fields from the server's prefilled plan. */
    void fill(RolloutPlan plan) {
        name.set(text(plan.name()));
        phases.set(plan.phases() == null ? "" : String.join(", ", plan.phases().stream()
                .map(p -> p.percent() != null ? p.percent() + "%" : String.valueOf(p.count())).toList()));
        successThreshold.set(text(plan.successThreshold()));
        errorThreshold.set(text(plan.errorThreshold()));
        timeoutSeconds.set(text(plan.deviceTimeoutSeconds()));
        maxRetries.set(text(plan.maxRetries()));
        scheduledAt.set(text(plan.scheduledAt()));
        CampaignWindow window = plan.window();
        timeZone.set(window == null ? "" : text(window.timeZone()));
        days.set(window == null || window.days() == null ? "" : String.join(", ", window.days()));
        from.set(window == null ? "" : text(window.from()));
        to.set(window == null ? "" : text(window.to()));
        endsAt.set(window == null ? "" : text(window.endsAt()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * The plan to approve with; an empty field is left to the server's prefilled value.
     * @throws IllegalArgumentException naming the field that is not a number
     */
    RolloutPlan toPlan() {
        boolean noWindow = blank(timeZone) && blank(days) && blank(from) && blank(to) && blank(endsAt);
        CampaignWindow window = noWindow ? null : new CampaignWindow(orNull(timeZone), blank(days) ? null
                : Arrays.stream(days.get().split("[,\\s]+")).filter(d -> !d.isEmpty())
                .map(d -> d.toUpperCase(Locale.ROOT)).toList(), orNull(from), orNull(to), orNull(endsAt));
        return new RolloutPlan(orNull(name), phases(), integer(successThreshold, "requests.plan.success"),
                integer(errorThreshold, "requests.plan.error"), number(timeoutSeconds, "requests.plan.timeout"),
                integer(maxRetries, "requests.plan.retries"), orNull(scheduledAt), window, null);
    }

    private List<PhaseSpec> phases() {
        if (blank(phases)) {
            return null;
        }
        return Arrays.stream(phases.get().split("[,;\\s]+")).filter(p -> !p.isEmpty()).map(p -> {
            boolean percent = p.endsWith("%");
            String digits = percent ? p.substring(0, p.length() - 1) : p;
            if (!digits.matches("\\d{1,9}")) {
                throw new IllegalArgumentException(context.text("requests.plan.badPhases", p));
            }
            int n = Integer.parseInt(digits);
            return percent ? new PhaseSpec(n, null) : new PhaseSpec(null, n);
        }).toList();
    }

    private Integer integer(StringProperty field, String labelKey) {
        Long n = number(field, labelKey);
        return n == null ? null : Math.toIntExact(n);
    }

    private Long number(StringProperty field, String labelKey) {
        if (blank(field)) {
            return null;
        }
        String digits = field.get().strip();
        if (!digits.matches("\\d{1,9}")) {
            throw new IllegalArgumentException(context.text("requests.plan.notANumber", context.text(labelKey), digits));
        }
        return Long.parseLong(digits);
    }

    private static boolean blank(StringProperty field) {
        return field.get() == null || field.get().isBlank();
    }

    private static String orNull(StringProperty field) {
        return blank(field) ? null : Objects.requireNonNull(field.get()).strip();
    }
}
