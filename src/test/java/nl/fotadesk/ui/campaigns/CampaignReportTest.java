package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.PhaseState;
import nl.fotadesk.protocol.api.PhaseView;
import nl.fotadesk.protocol.api.ProgressPoint;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable campaign report as HTML, without a screen: complete, self-contained, escaped, in both languages. */
class CampaignReportTest {
    static final Instant NOW = Instant.parse("2026-12-01T11:00:00Z");

    static CampaignView campaign(String name) {
        return new CampaignView("c1", name, "f1", "2.0.0", "tracker-x", CampaignState.PAUSED,
                "phase 1: 1 of 2 devices failed, above the error threshold of 10 %",
                new CampaignTarget(null, "tracker-x", null, null, null, null), 90, 10, 3600, 1, false, null,
                "2026-12-01T09:59:00Z", "2026-12-01T10:00:00Z", null, 3,
                Map.of("succeeded", 1, "failed", 1, "waiting", 1), 0,
                List.of(new PhaseView(0, 2, PhaseState.RUNNING, Map.of("succeeded", 1, "failed", 1), "2026-12-01T10:00:00Z", null),
                        new PhaseView(1, 1, PhaseState.WAITING, Map.of("waiting", 1), null, null)));
    }

    static final List<ProgressPoint> HISTORY = List.of(
            new ProgressPoint("2026-12-01T10:00:00Z", CampaignState.RUNNING, Map.of("pending", 2, "waiting", 1)),
            new ProgressPoint("2026-12-01T10:05:00Z", CampaignState.RUNNING, Map.of("succeeded", 1, "failed", 1, "waiting", 1)),
            new ProgressPoint("2026-12-01T10:05:01Z", CampaignState.PAUSED, Map.of("succeeded", 1, "failed", 1, "waiting", 1)));

    static final List<CampaignDeviceView> DEVICES = List.of(
            new CampaignDeviceView("356938035643809", 0, ActionState.SUCCEEDED, 1, null, 100, "2026-12-01T10:04:00Z"),
            new CampaignDeviceView("356938035643817", 0, ActionState.FAILED, 3, 5, 40, "2026-12-01T10:05:00Z"),
            new CampaignDeviceView("356938035643825", 1, ActionState.WAITING, 0, null, null, null));

    String report(java.util.Locale locale, CampaignView c) {
        return new CampaignReport(new CampaignTexts(new I18n(locale))).html(c, Map.of(), HISTORY, DEVICES, NOW);
    }

    @Test
    void holdsTheSummaryPhasesChartAndEveryDevice() {
        String html = report(I18n.ENGLISH, campaign("Trackers to 2.0.0"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("<h1>Trackers to 2.0.0</h1>")
                .contains("3 in total: 1 updated, 1 failed, 0 cancelled, 1 not done yet")
                .contains("Phase 1").contains("Phase 2")
                .contains("<svg").contains("<polyline").contains("Results per device (3)")
                .contains("356938035643809").contains("356938035643817").contains("356938035643825")
                .contains("5 \u2013 integrity check failed");
        assertThat(html.split("<polyline", -1)).as("a line for succeeded and one for failed").hasSize(3);
        assertThat(html).as("self-contained: nothing fetched, nothing run")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("http://e")
                .contains("@media print");
    }

    @Test
    void theChartEndsWhereTheCampaignStandsNow() {
        String html = report(I18n.ENGLISH, campaign("c"));
        assertThat(html).as("the time axis runs to now: an hour after the start").contains(">1:00:00</text>");
    }

    @Test
    void escapesTheCampaignsName() {
        String html = report(I18n.ENGLISH, campaign("<b>A&B</b> \"x\""));
        assertThat(html).contains("<h1>&lt;b&gt;A&amp;B&lt;/b&gt; &quot;x&quot;</h1>").doesNotContain("<b>A&B");
    }

    @Test
    void speaksDutch() {
        String html = report(I18n.DUTCH, campaign("Trackers"));
        assertThat(html).contains("<html lang=\"nl\">").contains("Overzicht").contains("Resultaat per apparaat (3)")
                .contains("1 bijgewerkt, 1 mislukt");
    }

    @Test
    void fileNameComesFromTheCampaignsName() {
        assertThat(CampaignReport.fileName(campaign("Trackers to 2.0.0!"))).isEqualTo("trackers-to-2.0.0-report.html");
    }
}
