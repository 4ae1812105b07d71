package nl.fotadesk.ui.campaigns;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.Forecast;
import nl.fotadesk.protocol.api.ForecastVsActual;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** A rehearsal's forecast as an operator reads it, and the forecast beside what the campaign did. */
final class ForecastPane {
    private ForecastPane() {
    }

    /**
     * Duration, pause, failures, the chart over time ({@code chart}: none for a forecast without a
     * timeline), data and its cost (or that no price was set), the part-size advice, and what was assumed.
     */
    static VBox of(CampaignTexts texts, Forecast f, ForecastChart chart) {
        VBox box = new VBox(6);
        box.setId("forecast");
        Forecast.Spread d = f.durationSeconds();
        box.getChildren().add(line("forecast-duration", d.median() == null ? texts.text("campaigns.forecast.neverCompletes")
                : texts.text("campaigns.forecast.duration", texts.roughDuration(d.median()), texts.roughDuration(d.p90()))));
        Forecast.Pause p = f.pause();
        box.getChildren().add(line("forecast-pause", p.runs() == 0 ? texts.text("campaigns.forecast.noPause", f.runs())
                : texts.text("campaigns.forecast.pauses", p.runs(), f.runs(), mostOften(p.runsByPhase()) + 1,
                texts.roughDuration(p.atSeconds().median()))));
        if (f.window() != null) {
            box.getChildren().add(line("forecast-window", window(texts, f.window(), f.runs())));
        }
        box.getChildren().add(line("forecast-failures", texts.text("campaigns.forecast.failures",
                texts.decimal(f.expectedFailed()), texts.decimal(f.expectedTimedOut()), texts.number(f.devices()))));
        if (chart != null) {
            box.getChildren().add(chart.node());
        }
        Forecast.Data data = f.data();
        box.getChildren().add(line("forecast-data", texts.text("campaigns.forecast.data", texts.bytes(data.totalBytes()),
                texts.bytes(data.perDeviceBytes()), texts.bytes(data.payloadBytes()),
                texts.bytes(data.httpOverheadBytes() + data.tcpOverheadBytes()))));
        // a price of 0 is no price set: a cost of 0 would read as free data
        box.getChildren().add(line("forecast-cost", f.pricePerMb() > 0 ? texts.text("campaigns.forecast.cost",
                texts.money(data.cost()), texts.money(f.pricePerMb()), texts.money(data.costPerDevice()))
                : texts.text("campaigns.forecast.noPrice")));
        Forecast.PartSizeAdvice a = f.partSizeAdvice();
        box.getChildren().add(line("forecast-part-size", texts.text("campaigns.forecast.partSize",
                texts.bytes(a.current().partSize()), texts.bytes(a.current().bytesPerDevice()),
                texts.bytes(a.leastData().partSize()), texts.bytes(a.leastData().bytesPerDevice()),
                texts.bytes(a.fastest().partSize()), texts.roughDuration(a.fastest().secondsPerDevice()))));
        for (Forecast.FailureChance c : f.failureChances()) {
            String bearers = f.bearers().entrySet().stream().map(e -> e.getKey() + " " + texts.bearer(e.getValue()))
                    .collect(Collectors.joining(", "));
            Label assumed = Forms.help(texts.text("campaigns.forecast.assumed", bearers,
                    texts.percent(Math.round((c.failed() + c.silent()) * 100)),
                    texts.text("campaigns.forecast.source." + c.source())));
            box.getChildren().add(assumed);
        }
        return box;
    }

    /** The forecast and what happened, side by side: duration, failed, timed out, bytes served. */
    static GridPane versus(CampaignTexts texts, ForecastVsActual v) {
        GridPane grid = Forms.grid();
        grid.setId("forecast-versus");
        Forecast f = v.forecast();
        ForecastVsActual.Actual a = v.actual();
        String notStarted = texts.text("campaigns.forecast.notStarted");
        row(grid, "", texts.text("campaigns.forecast.versusForecast"), texts.text("campaigns.forecast.versusActual"));
        row(grid, texts.text("campaigns.forecast.versusDuration"), f.durationSeconds().median() == null
                ? "\u2013" : texts.roughDuration(f.durationSeconds().median()),
                a == null ? notStarted : texts.roughDuration(a.durationSeconds()));
        row(grid, texts.text("campaigns.forecast.versusFailed"), texts.decimal(f.expectedFailed()),
                a == null ? notStarted : texts.number(a.failed()));
        row(grid, texts.text("campaigns.forecast.versusTimedOut"), texts.decimal(f.expectedTimedOut()),
                a == null ? notStarted : texts.number(a.timedOut()));
        row(grid, texts.text("campaigns.forecast.versusBytes"), texts.bytes(f.data().payloadBytes()),
                a == null ? notStarted : texts.bytes(a.bytesServed()));
        return grid;
    }

    /** When the maintenance window closes on the campaign, or that it does not. */
    private static String window(CampaignTexts texts, Forecast.Window w, int runs) {
        double waits = w.waitSeconds().median() == null ? 0 : w.waitSeconds().median();
        if (w.closesOnItRuns() > 0) {
            return texts.text("campaigns.forecast.windowCloses", texts.dateTime(w.closesAt()),
                    texts.roughDuration(w.closesAtSeconds()), w.closesOnItRuns(), runs, texts.roughDuration(waits));
        }
        return waits > 0 ? texts.text("campaigns.forecast.windowWaits", texts.roughDuration(waits))
                : texts.text("campaigns.forecast.windowOpen");
    }

    private static int mostOften(Map<Integer, Integer> runsByPhase) {
        return runsByPhase.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(0);
    }

    private static Label line(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE); // every line it wraps to, also where the pane is short of height
        return l;
    }

    private static void row(GridPane grid, String... cells) {
        int r = grid.getRowCount();
        for (int c = 0; c < cells.length; c++) {
            Label l = new Label(cells[c]);
            l.getStyleClass().add(r == 0 || c == 0 ? "field-label" : "detail-value");
            grid.add(l, c, r);
        }
    }
}
