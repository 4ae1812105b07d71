package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.store.CampaignRow;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.ProgressStore;
import nl.fotadesk.backend.store.ProgressStore.Sample;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.ProgressPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's counts per action state over time, kept in the database so that its chart is complete
 * whenever and on whichever node it is asked for. A sample is taken on each change of the campaign's
 * state, and otherwise when its counts changed, at most every {@link #EVERY}; beyond {@link #MAX_SAMPLES}
 * every other sample of the older half is dropped, so a long campaign keeps its shape in bounded space.
 */
public final class ProgressHistory {
    static final Duration EVERY = Duration.ofSeconds(5);
    static final int MAX_SAMPLES = 2000;

    private final ProgressStore samples;
    private final CampaignStore campaigns;

    public ProgressHistory(ProgressStore samples, CampaignStore campaigns) {
        this.samples = samples;
        this.campaigns = campaigns;
    }

    /** Samples campaign {@code id} when it is due; called under the campaign's row lock, after each change. */
    void sample(String id, Instant now) {
        CampaignRow c = campaigns.lock(id).orElseThrow(); // locked already: this reads the change just made
        if (c.startedAt() == null) {
            return;
        }
        Optional<Sample> last = samples.last(id);
        if (last.isPresent() && last.get().state() == c.state() && now.isBefore(last.get().at().plus(EVERY))) {
            return;
        }
        Map<ActionState, Integer> counts = campaigns.counts(id, null);
        if (last.isPresent() && last.get().state() == c.state() && last.get().counts().equals(counts)) {
            return;
        }
        samples.append(id, new Sample(last.map(s -> s.seq() + 1).orElse(0L), now, c.state(), counts));
        if (samples.count(id) > MAX_SAMPLES) {
            samples.delete(id, thinned(samples.seqs(id)));
        }
    }

    /** Every other sample of the older half, the first kept: the older a stretch, the coarser it gets. */
    static List<Long> thinned(List<Long> seqs) {
        List<Long> dropped = new ArrayList<>();
        for (int i = 1; i < seqs.size() / 2; i += 2) {
            dropped.add(seqs.get(i));
        }
        return dropped;
    }

    /** The samples of campaign {@code id}, oldest first. */
    public List<ProgressPoint> of(String id) {
        return samples.all(id).stream().map(s -> new ProgressPoint(s.at().toString(), s.state(),
                CampaignService.wire(s.counts()))).toList();
    }
}
