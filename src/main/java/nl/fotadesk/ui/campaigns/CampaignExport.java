package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignView;

import java.util.List;
import java.util.Locale;

/**
 * A campaign's device results as CSV rows: the machine-readable values (state and result code as the
 * API names them, times in ISO-8601) beside the result in the user's words.
 */
final class CampaignExport {
    static final List<String> HEADER = List.of("campaign", "imei", "phase", "state", "attempts", "resultCode",
            "result", "progress", "updatedAt");

    private CampaignExport() {
    }

    static List<List<String>> rows(CampaignView campaign, List<CampaignDeviceView> devices, CampaignTexts texts) {
        return devices.stream().map(d -> List.of(campaign.name(), d.imei(), String.valueOf(d.phase() + 1),
                d.state().wireName(), String.valueOf(d.attempts()), d.resultCode() == null ? "" : d.resultCode().toString(),
                texts.result(d.resultCode()), d.progress() == null ? "" : d.progress().toString(),
                d.updatedAt() == null ? "" : d.updatedAt())).toList();
    }

    /** A file name for the export, from the campaign's name. */
    static String fileName(CampaignView campaign) {
        return baseName(campaign) + "-devices.csv";
    }

    /** The campaign's name as the start of a file name: lower case, letters, digits, dots and dashes. */
    static String baseName(CampaignView campaign) {
        String name = campaign.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "campaign" : name;
    }
}
