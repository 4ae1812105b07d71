package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.PhaseView;
import nl.fotadesk.protocol.api.ProgressPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A campaign as one self-contained HTML page to keep or print from a browser: the summary, the phases,
 * the progress chart (inline SVG, drawn from the server's progress history) and every device's result,
 * in the user's language. No scripts, no external files; a print style keeps the tables readable on paper.
 */
final class CampaignReport {
    private static final int CHART_WIDTH = 720;
    private static final int CHART_HEIGHT = 240;
    private static final int MARGIN_LEFT = 56;
    private static final int MARGIN_BOTTOM = 28;
    private static final int MARGIN_TOP = 12;
    private static final int MARGIN_RIGHT = 16;
    private static final String SUCCEEDED_COLOUR = "#2e7d32";
    private static final String FAILED_COLOUR = "#c62828";
    private static final String STYLE = """
            body{font-family:"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;margin:32px;font-size:13px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            .muted{color:#57606a}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e5e9ee}
            th{background:#f3f5f7;font-weight:600}td.num,th.num{text-align:right}dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:0}
            dt{color:#57606a}dd{margin:0}.legend span{display:inline-block;margin-right:16px}.legend i{display:inline-block;width:16px;height:3px;margin-right:6px;vertical-align:middle}
            svg text{font-size:11px;fill:#57606a}thead{display:table-header-group}tr{page-break-inside:avoid}
            @media print{body{margin:12mm}h2{page-break-after:avoid}}
            """;

    private final CampaignTexts texts;

    CampaignReport(CampaignTexts texts) {
        this.texts = texts;
    }

    /** The report of {@code c} at {@code now}, with its progress history and all its devices. */
    String html(CampaignView c, Map<String, String> groupNames, List<ProgressPoint> history,
                List<CampaignDeviceView> devices, Instant now) {
        StringBuilder h = new StringBuilder(4096 + devices.size() * 160);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(texts.i18n().locale().getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(esc(texts.text("campaigns.report.title", c.name())))
                .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(c.name())).append("</h1>\n<p class=\"muted\">")
                .append(esc(texts.text("campaigns.report.generated", texts.dateTime(now.toString())))).append("</p>\n");
        summary(h, c, groupNames);
        phases(h, c);
        chart(h, c, history, now);
        devices(h, devices);
        return h.append("</body>\n</html>\n").toString();
    }

    private void summary(StringBuilder h, CampaignView c, Map<String, String> groupNames) {
        Counts n = Counts.of(c.counts(), c.devices());
        h.append("<h2>").append(esc(texts.text("campaigns.report.summary"))).append("</h2>\n<dl>\n");
        String reason = StateReasons.explainNow(texts.i18n(), c);
        row(h, texts.text("campaigns.report.state"), texts.state(c.state()) + (reason.isEmpty() ? "" : " \u2013 " + reason));
        row(h, texts.text("campaigns.report.firmware"), texts.firmware(c));
        row(h, texts.text("campaigns.report.target"), texts.target(c.target(), groupNames));
        row(h, texts.text("campaigns.report.devices"), texts.text("campaigns.report.outcome", c.devices(), n.succeeded(),
                n.failed(), n.cancelled(), n.waiting() + n.inFlight()));
        row(h, texts.text("campaigns.report.rules"), texts.text("campaigns.detail.thresholds", c.successThreshold(),
                c.errorThreshold()) + " \u00b7 " + texts.text("campaigns.detail.timeout",
                texts.duration(c.deviceTimeoutSeconds())) + " \u00b7 " + texts.text("campaigns.detail.retries", c.maxRetries()));
        row(h, texts.text("campaigns.report.created"), texts.dateTime(c.createdAt()));
        if (c.startedAt() != null) {
            row(h, texts.text("campaigns.report.started"), texts.dateTime(c.startedAt()));
        }
        if (c.finishedAt() != null) {
            row(h, texts.text("campaigns.report.finished"), texts.dateTime(c.finishedAt()));
        }
        h.append("</dl>\n");
    }

    private static void row(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private void phases(StringBuilder h, CampaignView c) {
        h.append("<h2>").append(esc(texts.text("campaigns.phases.title"))).append("</h2>\n<table>\n<thead><tr>");
        header(h, "campaigns.report.phase", "campaigns.report.phaseState", "campaigns.report.phaseDevices",
                "campaigns.chart.succeeded", "campaigns.chart.failed", "campaigns.report.started", "campaigns.report.finished");
        h.append("</tr></thead>\n<tbody>\n");
        for (PhaseView p : c.phases() == null ? List.<PhaseView>of() : c.phases()) {
            Counts n = Counts.of(p.counts(), p.devices());
            h.append("<tr><td>").append(esc(texts.text("campaigns.phase.name", p.index() + 1))).append("</td><td>")
                    .append(esc(PhasesPane.stateText(texts, c, p))).append("</td>");
            cell(h, texts.number(p.devices()));
            cell(h, texts.number(n.succeeded()));
            cell(h, texts.number(n.failed()));
            h.append("<td>").append(esc(p.startedAt() == null ? "" : texts.dateTime(p.startedAt()))).append("</td><td>")
                    .append(esc(p.finishedAt() == null ? "" : texts.dateTime(p.finishedAt()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void header(StringBuilder h, String... keys) {
        for (String key : keys) {
            h.append("<th>").append(esc(texts.text(key))).append("</th>");
        }
    }

    private static void cell(StringBuilder h, String number) {
        h.append("<td class=\"num\">").append(esc(number)).append("</td>");
    }

    /** Succeeded and failed devices over time since the start, as the app's chart draws them. */
    private void chart(StringBuilder h, CampaignView c, List<ProgressPoint> history, Instant now) {
        h.append("<h2>").append(esc(texts.text("campaigns.chart.title"))).append("</h2>\n");
        if (c.startedAt() == null) {
            h.append("<p class=\"muted\">").append(esc(texts.text("campaigns.chart.notStarted"))).append("</p>\n");
            return;
        }
        Instant origin = Instant.parse(c.startedAt());
        Instant end = c.finishedAt() != null ? Instant.parse(c.finishedAt()) : now;
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, 0, 0});
        for (ProgressPoint p : history) {
            Counts n = Counts.of(p.counts(), c.devices());
            points.add(new double[]{seconds(origin, Instant.parse(p.at())), n.succeeded(), n.failed()});
        }
        Counts last = Counts.of(c.counts(), c.devices());
        points.add(new double[]{seconds(origin, end), last.succeeded(), last.failed()});
        double span = Math.max(1, points.stream().mapToDouble(p -> p[0]).max().orElse(1));
        double top = Math.max(1, c.devices());
        int w = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
        int plot = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        h.append("<p class=\"legend\"><span><i style=\"background:").append(SUCCEEDED_COLOUR).append("\"></i>")
                .append(esc(texts.text("campaigns.chart.succeeded"))).append("</span><span><i style=\"background:")
                .append(FAILED_COLOUR).append("\"></i>").append(esc(texts.text("campaigns.chart.failed")))
                .append("</span></p>\n");
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(CHART_HEIGHT)
                .append("\" role=\"img\">\n");
        for (int i = 0; i <= 4; i++) {
            double y = MARGIN_TOP + plot - plot * i / 4.0;
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e9ee\"/>",
                    MARGIN_LEFT, y, MARGIN_LEFT + w, y));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    MARGIN_LEFT - 6, y + 4, esc(texts.number(Math.round(top * i / 4)))));
        }
        for (int i = 0; i <= 4; i++) {
            double x = MARGIN_LEFT + w * i / 4.0;
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, CHART_HEIGHT - 8, CampaignTexts.elapsed(Math.round(span * i / 4))));
        }
        for (int series = 1; series <= 2; series++) {
            StringBuilder line = new StringBuilder();
            double previous = 0;
            for (double[] p : points) {
                double x = MARGIN_LEFT + w * p[0] / span;
                double y = MARGIN_TOP + plot - plot * p[series] / top;
                if (line.length() > 0) {
                    // a step: the count holds until it changes
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, MARGIN_TOP + plot - plot * previous / top));
                }
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                previous = p[series];
            }
            h.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(series == 1 ? SUCCEEDED_COLOUR : FAILED_COLOUR).append("\" points=\"")
                    .append(line.toString().trim()).append("\"/>\n");
        }
        h.append("</svg>\n");
    }

    private static double seconds(Instant origin, Instant at) {
        return Math.max(0, (at.toEpochMilli() - origin.toEpochMilli()) / 1000.0);
    }

    private void devices(StringBuilder h, List<CampaignDeviceView> devices) {
        h.append("<h2>").append(esc(texts.text("campaigns.report.deviceResults", devices.size()))).append("</h2>\n");
        h.append("<table>\n<thead><tr>");
        header(h, "campaigns.devices.imei", "campaigns.devices.phase", "campaigns.devices.state",
                "campaigns.devices.progress", "campaigns.devices.attempts", "campaigns.devices.result",
                "campaigns.devices.updated");
        h.append("</tr></thead>\n<tbody>\n");
        for (CampaignDeviceView d : devices) {
            h.append("<tr><td>").append(esc(d.imei())).append("</td>");
            cell(h, texts.number(d.phase() + 1L));
            h.append("<td>").append(esc(texts.deviceState(d.state()))).append("</td>");
            cell(h, d.progress() == null || d.state() == ActionState.SUCCEEDED ? "" : texts.percent(d.progress()));
            cell(h, d.attempts() == 0 ? "" : texts.number(d.attempts()));
            h.append("<td>").append(esc(texts.result(d.resultCode()))).append("</td><td>")
                    .append(esc(d.updatedAt() == null ? "" : texts.dateTime(d.updatedAt()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** A file name for the report, from the campaign's name. */
    static String fileName(CampaignView campaign) {
        return CampaignExport.baseName(campaign) + "-report.html";
    }

    /** Text as HTML: the five characters that could be markup escaped. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
