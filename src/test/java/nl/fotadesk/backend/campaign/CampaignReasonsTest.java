package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.store.StateReason;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's reason as a user who sees only part of it gets it: nothing counted over others' devices. */
class CampaignReasonsTest {
    private static final Map<ActionState, Integer> PART = Map.of(ActionState.SUCCEEDED, 3, ActionState.TIMED_OUT, 1);

    @Test
    void reasonsThatNameTheActorOrTheStartAreKept() {
        Principal cora = new Principal("cora", "Cora de Vries", Role.CUSTOMER, Scope.ofClient("acme"), null);
        for (EventDetail reason : new EventDetail[]{CampaignReasons.pausedBy(cora), CampaignReasons.resumedBy(cora),
                CampaignReasons.cancelledBy(cora), CampaignReasons.startsAt(Instant.parse("2026-12-01T06:00:00Z"))}) {
            assertThat(CampaignReasons.forPart(CampaignState.PAUSED, StateReason.of(reason), PART, 0))
                    .isEqualTo(StateReason.of(reason));
        }
        assertThat(CampaignReasons.pausedBy(cora).english()).isEqualTo("paused by Cora de Vries (customer)");
        assertThat(CampaignReasons.pausedBy(cora).args())
                .containsExactly(Map.entry("actorName", "Cora de Vries"), Map.entry("actorRole", "customer"));
        assertThat(CampaignReasons.pausedBy(Principal.apiKey(null)).args()).containsEntry("actorRole", "api_key");
        assertThat(CampaignReasons.forPart(CampaignState.RUNNING, null, PART, 0)).isNull();
        StateReason started = StateReason.of(CampaignReasons.started());
        assertThat(CampaignReasons.forPart(CampaignState.RUNNING, started, PART, 0)).isEqualTo(started);
    }

    @Test
    void reasonsThatCountTheWholeCampaignAreToldOverThePartOrWithoutNumbers() {
        assertThat(CampaignReasons.forPart(CampaignState.PAUSED, StateReason.of(CampaignReasons.errorThreshold(1,
                new RolloutRules.PhaseCounts(200, 170, 30, 0), 10)), PART, 1))
                .isEqualTo(new StateReason("phase 2 paused the campaign at its thresholds, which count all of its devices",
                        "threshold_of_all", Map.of("phase", 2)));
        assertThat(CampaignReasons.forPart(CampaignState.COMPLETED, new StateReason("190 devices updated, 10 failed",
                null, null), PART, -1)).as("given before codes were")
                .isEqualTo(new StateReason("3 devices updated, 1 failed", "campaign_completed",
                        Map.of("succeeded", 3, "failed", 1)));
        assertThat(CampaignReasons.forPart(CampaignState.RUNNING, StateReason.of(CampaignReasons.retrying(10)), PART, 2))
                .isNull();
    }
}
