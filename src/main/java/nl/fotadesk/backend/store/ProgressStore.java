package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Samples of campaigns' counts per action state over time ({@code campaign_progress}). */
public final class ProgressStore {
    /** One sample; {@code seq} orders a campaign's samples. */
    public record Sample(long seq, Instant at, CampaignState state, Map<ActionState, Integer> counts) {
    }

    private final Jdbc jdbc;

    public ProgressStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String campaignId, Sample s) {
        jdbc.update("INSERT INTO campaign_progress (campaign_id, seq, at, state, counts) VALUES (?, ?, ?, ?, ?)",
                campaignId, s.seq(), s.at(), s.state().wireName(), encode(s.counts()));
    }

    public Optional<Sample> last(String campaignId) {
        return jdbc.one("SELECT * FROM campaign_progress WHERE campaign_id = ? ORDER BY seq DESC LIMIT 1",
                ProgressStore::sample, campaignId);
    }

    /** A campaign's samples, oldest first. */
    public List<Sample> all(String campaignId) {
        return jdbc.list("SELECT * FROM campaign_progress WHERE campaign_id = ? ORDER BY seq", ProgressStore::sample,
                campaignId);
    }

    public long count(String campaignId) {
        return jdbc.count("SELECT COUNT(*) FROM campaign_progress WHERE campaign_id = ?", campaignId);
    }

    /** A campaign's sample numbers, oldest first. */
    public List<Long> seqs(String campaignId) {
        return jdbc.list("SELECT seq FROM campaign_progress WHERE campaign_id = ? ORDER BY seq", rs -> rs.getLong(1),
                campaignId);
    }

    public void delete(String campaignId, List<Long> seqs) {
        jdbc.batch("DELETE FROM campaign_progress WHERE campaign_id = ? AND seq = ?",
                seqs.stream().map(seq -> new Object[]{campaignId, seq}).toList());
    }

    /** {@code succeeded=3,failed=1}: the states with a count, in the order of {@link ActionState}. */
    static String encode(Map<ActionState, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(e -> e.getKey().wireName() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<ActionState, Integer> decode(String text) {
        Map<ActionState, Integer> counts = new EnumMap<>(ActionState.class);
        for (String pair : text.isEmpty() ? new String[0] : text.split(",")) {
            int eq = pair.indexOf('=');
            counts.put(ActionState.fromWire(pair.substring(0, eq)), Integer.parseInt(pair.substring(eq + 1)));
        }
        return counts;
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        return new Sample(rs.getLong("seq"), Jdbc.instant(rs, "at"), CampaignState.fromWire(rs.getString("state")),
                decode(rs.getString("counts")));
    }
}
