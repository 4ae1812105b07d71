package nl.fotadesk.ui.campaigns;

import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.Forecast;
import nl.fotadesk.protocol.api.ProgressPoint;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast's chart: the devices updated over time (median and band), the running phase's failures
 * against the error threshold, the mark where the campaign would pause, what actually happened over it,
 * in English and Dutch.
 */
@ExtendWith(ApplicationExtension.class)
class ForecastChartTest {
    static final int POINTS = 61;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 700));
        stage.getScene().getStylesheets().add(ForecastChartTest.class.getResource("/ui/fota-desk.css").toExternalForm());
        stage.show();
    }

    /** 100 devices over 10 minutes; 3 of 7 runs pause after 400 s, above the error threshold of 10 %. */
    static Forecast forecast() {
        return forecast(null);
    }

    static Forecast forecast(Forecast.Window window) {
        List<Double> seconds = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> median = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            seconds.add(i * 10.0);
            median.add((double) Math.min(100, i * 2));
            low.add((double) Math.min(100, i * 3 / 2));
            high.add((double) Math.min(100, i * 5 / 2));
            failed.add(i < 30 ? i * 0.4 : 5.0);
        }
        Forecast.Timeline t = new Forecast.Timeline(seconds, new Forecast.Band(low, median, high),
                new Forecast.Band(failed, failed, failed.stream().map(f -> f * 1.5).toList()), 10);
        Forecast.PartSizeOption option = new Forecast.PartSizeOption(512, 128, 80_000, 30);
        return new Forecast(100, 7, 1, 1, 512, "2.0.0", 65_536, Map.of("tracker-x", "LTE_M"), 0, List.of(),
                new Forecast.Spread(600.0, 640.0), 4, 88, 9, 3,
                new Forecast.Pause(3, 3 / 7.0, Map.of(1, 3), new Forecast.Spread(400.0, 420.0)),
                new Forecast.Data(6_553_600, 900_000, 300_000, 100_000, 7_753_600, 77_536, 0, 0),
                new Forecast.PartSizeAdvice(option, option, option), List.of(), t, window, null);
    }

    ForecastChart show(FxRobot robot, Locale language) {
        CampaignTexts texts = new CampaignTexts(new I18n(language));
        Forecast f = forecast();
        ForecastChart chart = fx(() -> ForecastChart.of(texts, f));
        robot.interact(() -> stage.getScene().setRoot(new StackPane(ForecastPane.of(texts, f, chart))));
        return chart;
    }

    @Test
    void theChartShowsTheUpdatesTheirSpreadAndTheFailuresAgainstTheThreshold(FxRobot robot) throws Exception {
        show(robot, I18n.ENGLISH);
        BandChart updated = robot.lookup("#forecast-chart-updated").queryAs(BandChart.class);
        BandChart failures = robot.lookup("#forecast-chart-failures").queryAs(BandChart.class);

        XYChart.Series<Number, Number> median = series(updated, "Updated (median run)");
        assertThat(fx(() -> median.getData().size())).isEqualTo(POINTS);
        assertThat(fx(() -> median.getData().get(POINTS - 1).getYValue().doubleValue())).isEqualTo(100);
        assertThat(fx(() -> ((Path) updated.lookup(".forecast-band-updated")).getElements().size()))
                .as("the band: along the 90th percentile and back along the 10th").isEqualTo(2 * POINTS + 1);

        XYChart.Series<Number, Number> threshold = series(failures, "Error threshold (10%)");
        assertThat(fx(() -> threshold.getData().stream().map(d -> d.getYValue().doubleValue()).toList()))
                .containsOnly(10.0);
        assertThat(fx(() -> threshold.getData().get(threshold.getData().size() - 1).getXValue().doubleValue()))
                .as("across the whole forecast").isEqualTo(600.0);
        assertThat(fx(() -> series(failures, "Failed in the running phase (median run)").getData().size()))
                .isEqualTo(POINTS);
        assertThat(fx(() -> ((NumberAxis) failures.getYAxis()).getUpperBound())).as("the threshold in view")
                .isGreaterThan(10);

        assertThat(fx(() -> updated.markerAt(ForecastChart.PAUSE))).as("where the campaign would pause").isEqualTo(400.0);
        assertThat(fx(() -> updated.lookup(".forecast-pause-marker").isVisible())).isTrue();
        assertThat(fx(() -> updated.getXAxis().getLabel())).isEqualTo("Time since the start");
        assertThat(fx(() -> updated.getYAxis().getLabel())).isEqualTo("Updated");
        assertThat(legend(robot)).contains("Updated (median run)", "8 in 10 runs", "Error threshold (10%)",
                "Would pause (3 of 7 runs)");

        // hovering says the figures at that moment
        robot.moveTo(updated);
        Tooltip tip = fx(() -> (Tooltip) updated.getProperties().get("javafx.scene.control.Tooltip"));
        await(5, () -> tip.getText() != null && tip.getText().startsWith("After "));
        assertThat(fx(tip::getText)).contains("devices updated (8 in 10 runs:", "the campaign pauses above 10%");
    }

    @Test
    void whatActuallyHappenedIsDrawnOverTheForecast(FxRobot robot) {
        ForecastChart chart = show(robot, I18n.ENGLISH);
        Instant start = Instant.parse("2026-12-03T10:00:00Z");
        CampaignView c = new CampaignView("c1", "Trackers", "f1", "2.0.0", "tracker-x", CampaignState.COMPLETED, null,
                null, 90, 10, 3600, 1, false, null, start.toString(), start.toString(),
                start.plusSeconds(660).toString(), 100, Map.of("succeeded", 97, "failed", 3), 1, List.of());
        List<ProgressPoint> history = List.of(
                new ProgressPoint(start.plusSeconds(120).toString(), CampaignState.RUNNING, Map.of("succeeded", 20)),
                new ProgressPoint(start.plusSeconds(400).toString(), CampaignState.RUNNING, Map.of("succeeded", 80)));
        robot.interact(() -> chart.actual(c, history));

        BandChart updated = robot.lookup("#forecast-chart-updated").queryAs(BandChart.class);
        XYChart.Series<Number, Number> actual = series(updated, "Actually updated");
        assertThat(fx(() -> actual.getData().stream().map(d -> d.getXValue().doubleValue() + "=" + d.getYValue())
                .toList())).containsExactly("0.0=0", "120.0=20", "400.0=80", "660.0=97");
        assertThat(fx(() -> ((NumberAxis) updated.getXAxis()).getUpperBound())).as("it took longer than forecast")
                .isGreaterThanOrEqualTo(660);
        assertThat(legend(robot)).contains("Actually updated");
    }

    @Test
    void inDutch(FxRobot robot) {
        show(robot, I18n.DUTCH);
        BandChart updated = robot.lookup("#forecast-chart-updated").queryAs(BandChart.class);
        assertThat(fx(() -> updated.getXAxis().getLabel())).isEqualTo("Tijd sinds de start");
        assertThat(fx(() -> updated.getYAxis().getLabel())).isEqualTo("Bijgewerkt");
        assertThat(legend(robot)).contains("Bijgewerkt (mediane run)", "8 op 10 runs", "Foutdrempel (10%)",
                "Zou pauzeren (3 van 7 runs)");
    }

    @Test
    void theForecastSaysWhenTheMaintenanceWindowClosesOnTheCampaign(FxRobot robot) {
        CampaignTexts texts = new CampaignTexts(new I18n(I18n.ENGLISH));
        Forecast f = forecast(new Forecast.Window(new CampaignWindow("UTC", null, "22:00", "23:00"),
                "2026-12-03T22:00:00Z", "2026-12-03T22:05:00Z", 300.0, 5, new Forecast.Spread(82_800.0, 82_800.0)));
        ForecastChart chart = fx(() -> ForecastChart.of(texts, f));
        robot.interact(() -> stage.getScene().setRoot(new StackPane(ForecastPane.of(texts, f, chart))));
        assertThat(text(robot, "#forecast-window")).startsWith("The maintenance window closes on it at ")
                .contains("5 min after the start, in 5 of 7 runs", "wait 23 h 0 min in all");
        BandChart failures = robot.lookup("#forecast-chart-failures").queryAs(BandChart.class);
        assertThat(fx(() -> failures.markerAt(ForecastChart.WINDOW_CLOSES))).isEqualTo(300.0);
        assertThat(legend(robot)).contains("Maintenance window closes (in 5 of 7 runs still running)");
    }

    private static XYChart.Series<Number, Number> series(BandChart chart, String name) {
        return fx(() -> chart.getData().stream().filter(s -> name.equals(s.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no series \"" + name + "\" in "
                        + chart.getData().stream().map(XYChart.Series::getName).toList())));
    }

    private static String legend(FxRobot robot) {
        return fx(() -> robot.lookup("#forecast-chart-legend").lookup(".legend-label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).collect(Collectors.joining(" | ")));
    }
}
