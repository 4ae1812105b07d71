package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.CampaignWindow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Campaigns' maintenance windows, as checked when the campaign was created; a campaign without one has no row. */
public final class CampaignWindowStore {
    private final Jdbc jdbc;

    public CampaignWindowStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String campaignId, CampaignWindow w) {
        jdbc.update("INSERT INTO campaign_windows (campaign_id, time_zone, days, from_time, to_time) VALUES (?, ?, ?, ?, ?)",
                campaignId, w.timeZone(), String.join(",", w.days()), w.from(), w.to());
    }

    public Optional<CampaignWindow> find(String campaignId) {
        return jdbc.one("SELECT * FROM campaign_windows WHERE campaign_id = ?", rs -> new CampaignWindow(
                rs.getString("time_zone"), List.copyOf(Arrays.asList(rs.getString("days").split(","))),
                rs.getString("from_time"), rs.getString("to_time")), campaignId);
    }
}
