package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.CampaignWindow;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns' maintenance windows, as checked when the campaign was created; a campaign without one has no row,
 * a window with only an end has no hours.
 */
public final class CampaignWindowStore {
    private final Jdbc jdbc;

    public CampaignWindowStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String campaignId, CampaignWindow w) {
        jdbc.update("INSERT INTO campaign_windows (campaign_id, time_zone, days, from_time, to_time, ends_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", campaignId, w.timeZone(),
                w.days() == null ? null : String.join(",", w.days()), w.from(), w.to(),
                w.endsAt() == null ? null : Instant.parse(w.endsAt()));
    }

    public Optional<CampaignWindow> find(String campaignId) {
        return jdbc.one("SELECT * FROM campaign_windows WHERE campaign_id = ?", rs -> {
            String days = rs.getString("days");
            Instant endsAt = Jdbc.instant(rs, "ends_at");
            return new CampaignWindow(rs.getString("time_zone"),
                    days == null ? null : List.copyOf(Arrays.asList(days.split(","))), rs.getString("from_time"),
                    rs.getString("to_time"), endsAt == null ? null : endsAt.toString());
        }, campaignId);
    }
}
