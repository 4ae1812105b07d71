package nl.fotadesk.ui.campaigns;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.fotadesk.protocol.api.Forecast;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A rehearsal as the operator asks for it: what it assumes (the price of 1 MB of cellular data and the bearer
 * of the campaign's device type, both remembered in the app's settings), and its forecast once it is in. The
 * forecast of a campaign not created yet carries the token that keeps it with the campaign created from it.
 */
public final class RehearsalModel {
    /** The bearers the server models, as it names them. */
    public static final List<String> BEARERS = List.of("NB_IOT", "LTE_M", "GSM_2G", "LTE_4G", "LAN");
    /** The server's own default, for a device type never chosen. */
    static final String DEFAULT_BEARER = "LTE_M";
    static final double MAX_PRICE = 1_000_000;

    /** The price of 1 MB as typed ("0.25" or "0,25"); empty: no price, so no cost. */
    public final StringProperty price = new SimpleStringProperty("");
    /** The bearer assumed for the device type, one of {@link #BEARERS}. */
    public final ObjectProperty<String> bearer = new SimpleObjectProperty<>(DEFAULT_BEARER);
    /** The forecast shown; null before a rehearsal, and once what it was made for changed. */
    public final ObjectProperty<Forecast> forecast = new SimpleObjectProperty<>();
    public final BooleanProperty running = new SimpleBooleanProperty();
    /** Why the last rehearsal gave no forecast, in the user's words; empty when it did. */
    public final StringProperty problem = new SimpleStringProperty("");

    private final UiContext context;
    private String deviceType;
    private int generation;

    public RehearsalModel(UiContext context) {
        this.context = context;
    }

    /**
     * Readies a rehearsal of a campaign for {@code type}: the price remembered (another card may have set it
     * since), and the bearer remembered for the type, else the server's default.
     */
    public void forDeviceType(String type) {
        deviceType = type;
        price.set(context.settings().rehearsalPricePerMb().map(RehearsalModel::priceText).orElse(""));
        bearer.set(type == null ? DEFAULT_BEARER : context.settings().rehearsalBearer(type).orElse(DEFAULT_BEARER));
    }

    /** Forgets the forecast (and an answer still to come): what it was made for changed. */
    public void clear() {
        generation++;
        forecast.set(null);
        problem.set("");
        running.set(false);
    }

    /** The token of the forecast shown, to keep it with the campaign created from the same plan; null when none. */
    public String forecastToken() {
        return forecast.get() == null ? null : forecast.get().forecastToken();
    }

    /**
     * Rehearses what {@code subject} names (a campaign, a draft, or an update request with its plan) at the price
     * and bearer chosen, and remembers them. A subject or price that is not valid is told in {@link #problem}.
     */
    public void rehearse(Supplier<RehearsalRequest> subject) {
        clear();
        RehearsalRequest request;
        try {
            Optional<Double> pricePerMb = parsedPrice();
            context.settings().setRehearsalPricePerMb(pricePerMb);
            if (deviceType != null) {
                context.settings().setRehearsalBearer(deviceType, bearer.get());
            }
            request = assuming(context.settings(), deviceType, subject.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        int mine = generation;
        running.set(true);
        ServerCall.run(context, () -> context.client().rehearseCampaign(request), f -> {
            if (mine == generation) {
                running.set(false);
                forecast.set(f);
            }
        }, message -> {
            if (mine == generation) {
                running.set(false);
                problem.set(context.text("campaigns.forecast.failed", message));
            }
        });
    }

    /** {@code subject} with what the settings remember: the price per MB, and the bearer of {@code deviceType}. */
    static RehearsalRequest assuming(Settings settings, String deviceType, RehearsalRequest subject) {
        Map<String, String> bearers = deviceType == null ? null
                : settings.rehearsalBearer(deviceType).map(b -> Map.of(deviceType, b)).orElse(null);
        return new RehearsalRequest(subject.campaign(), subject.campaignId(), bearers, null,
                settings.rehearsalPricePerMb().orElse(null), null, null, null, null, null, subject.requestId(),
                subject.plan());
    }

    private Optional<Double> parsedPrice() {
        String typed = price.get() == null ? "" : price.get().strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            double p = Double.parseDouble(typed.replace(',', '.'));
            if (p >= 0 && p <= MAX_PRICE) {
                return Optional.of(p);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(context.text("campaigns.forecast.badPrice", typed));
    }

    private static String priceText(double p) {
        return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }
}
