package nl.fotadesk.ui.devices;

import nl.fotadesk.ui.UiContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail line of a history entry in the operator's language. The server describes each device
 * event in English; the descriptions it is known to use are put in words here (or left out where
 * the state says it all), anything else is shown as the server wrote it.
 */
final class HistoryText {
    private static final Pattern FIRMWARE = Pattern.compile("reports firmware (\\S+)");
    private static final Pattern RESULT = Pattern.compile("reports fotaResult (\\d+)");
    private static final Pattern FOTA_STATE = Pattern.compile("reports fotaState \\w+(?:, (\\d+) %)?");
    private static final Pattern DESIRED = Pattern.compile("desired firmware set to (\\S+)(; it runs \\S+ already)?");

    private final UiContext context;
    private final DeviceTexts texts;

    HistoryText(UiContext context, DeviceTexts texts) {
        this.context = context;
        this.texts = texts;
    }

    /** The line to show under the state, or null when the state says it all. */
    String detail(String state, String serverText) {
        if (serverText == null || serverText.isBlank()) {
            return null;
        }
        String text = serverText.trim();
        Matcher m;
        if ((m = FIRMWARE.matcher(text)).matches()) {
            return context.text("devices.history.reportsFirmware", m.group(1));
        }
        if ((m = RESULT.matcher(text)).matches()) {
            return texts.result(Integer.parseInt(m.group(1)));
        }
        if ((m = FOTA_STATE.matcher(text)).matches()) {
            return "downloading".equals(state) && m.group(1) != null
                    ? context.text("devices.history.progress", Integer.parseInt(m.group(1))) : null;
        }
        if ("sent the download URL".equals(text)) {
            return null;
        }
        if ((m = DESIRED.matcher(text)).matches()) {
            return m.group(2) == null ? context.text("devices.history.desired", m.group(1))
                    : context.text("devices.history.desiredRuns", m.group(1));
        }
        return text;
    }
}
