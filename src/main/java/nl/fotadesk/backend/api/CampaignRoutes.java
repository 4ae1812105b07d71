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

import static nl.fotadesk.backend.accounts.Access.OPERATOR;

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
        router.add("POST", "/api/v1/campaigns/preview", OPERATOR, x -> x.json(200, campaigns.preview(x.body(NewCampaign.class))))
                .add("POST", "/api/v1/campaigns", OPERATOR, x -> x.json(201, campaigns.create(x.principal(), x.body(NewCampaign.class))))
                .add("GET", "/api/v1/campaigns", OPERATOR, x -> x.json(200, campaigns.list()))
                .add("GET", "/api/v1/campaigns/{id}", OPERATOR, x -> x.json(200, campaigns.get(x.path("id"))))
                .add("GET", "/api/v1/campaigns/{id}/progress", OPERATOR, x -> x.json(200, progress.of(existing(x))))
                .add("GET", "/api/v1/campaigns/{id}/devices", OPERATOR, x -> x.json(200, campaigns.devices(x.path("id"),
                        x.query("phase") == null ? null : x.intQuery("phase", 0, Limits.PHASES, 0), states(x.query("state")),
                        x.intQuery("offset", 0, Integer.MAX_VALUE, 0), x.intQuery("limit", 1, Limits.PAGE, 50))))
                .add("POST", "/api/v1/campaigns/{id}/start", OPERATOR, x -> {
                    engine.start(x.principal(), existing(x));
                    x.json(200, campaigns.get(x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/pause", OPERATOR, x -> {
                    engine.pause(x.principal(), existing(x));
                    x.json(200, campaigns.get(x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/resume", OPERATOR, x -> {
                    engine.resume(x.principal(), existing(x));
                    x.json(200, campaigns.get(x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/cancel", OPERATOR, x -> {
                    engine.cancel(x.principal(), existing(x));
                    x.json(200, campaigns.get(x.path("id")));
                })
                .add("POST", "/api/v1/campaigns/{id}/retry", OPERATOR, x -> {
                    int retried = engine.retryFailed(x.principal(), existing(x));
                    x.json(200, new RetryResult(retried, campaigns.get(x.path("id"))));
                });
    }

    /** The id of the path, when it names a campaign; else a 404 before the engine is asked. */
    private String existing(Router.Exchange x) {
        return campaigns.get(x.path("id")).id();
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
