package nl.fotadesk.backend.api;

import nl.fotadesk.backend.campaign.CampaignService;
import nl.fotadesk.backend.campaign.ProgressHistory;
import nl.fotadesk.backend.campaign.RolloutEngine;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.RetryResult;

import java.util.Arrays;
import java.util.List;

import static nl.fotadesk.backend.accounts.Access.CHANGE;
import static nl.fotadesk.backend.accounts.Access.READ;

/** {@code /api/v1/campaigns}: preview, create, show and steer campaigns. */
public final class CampaignRoutes implements Routes {
    private final CampaignService campaigns;
    private final RolloutEngine engine;
    private final ProgressHistory progress;

    public CampaignRoutes(CampaignService campaigns, RolloutEngine engine, ProgressHistory progress) {
        this.campaigns = campaigns;
        this.engine = engine;
        this.progress = progress;
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/v1/campaigns/preview", CHANGE, x -> x.json(200, campaigns.preview(x.principal(), x.body(NewCampaign.class),
                        x.intQuery("offset", 0, Integer.MAX_VALUE, 0), x.intQuery("limit", 0, Limits.PAGE, 50))))
                .add("POST", "/api/v1/campaigns", CHANGE, x -> x.json(201, campaigns.create(x.principal(), x.body(NewCampaign.class))))
                .add("GET", "/api/v1/campaigns", READ, x -> x.json(200, campaigns.list(x.principal())))
                .add("GET", "/api/v1/campaigns/{id}", READ, x -> x.json(200, campaigns.get(x.principal(), x.path("id"))))
                .add("GET", "/api/v1/campaigns/{id}/progress", READ, x -> x.json(200,
                        campaigns.seesWhole(x.principal(), x.path("id")) ? progress.of(x.path("id")) : List.of()))
                .add("GET", "/api/v1/campaigns/{id}/devices", READ, x -> x.json(200, campaigns.devices(x.principal(), x.path("id"),
                        x.query("phase") == null ? null : x.intQuery("phase", 0, Limits.PHASES, 0), states(x.query("state")),
                        x.intQuery("offset", 0, Integer.MAX_VALUE, 0), x.intQuery("limit", 1, Limits.PAGE, 50))))
                .add("POST", "/api/v1/campaigns/{id}/start", CHANGE, x -> {
                    engine.start(x.principal(), steerable(x, "start"));
                    x.json(200, campaigns.get(x.principal(), x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/pause", CHANGE, x -> {
                    engine.pause(x.principal(), steerable(x, "pause"));
                    x.json(200, campaigns.get(x.principal(), x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/resume", CHANGE, x -> {
                    engine.resume(x.principal(), steerable(x, "resume"));
                    x.json(200, campaigns.get(x.principal(), x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/cancel", CHANGE, x -> {
                    engine.cancel(x.principal(), steerable(x, "cancel"));
                    x.json(200, campaigns.get(x.principal(), x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/retry", CHANGE, x -> {
                    int retried = engine.retryFailed(x.principal(), steerable(x, "retry"));
                    x.json(200, new RetryResult(retried, campaigns.get(x.principal(), x.path("id"))));
                });
    }

    /** The id of the path, when it names a campaign the caller may steer; else a 404 or 403 before the engine is asked. */
    private String steerable(Router.Exchange x, String act) {
        return campaigns.steerable(x.principal(), x.path("id"), act);
    }

    /** A comma-separated list of action states, e.g. {@code failed,timed_out}. */
    private static List<ActionState> states(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Arrays.stream(value.split(",")).map(String::trim).map(ActionState::fromWire).toList();
        } catch (IllegalArgumentException e) {
            throw new Invalid("invalid_state", e.getMessage());
        }
    }
}
