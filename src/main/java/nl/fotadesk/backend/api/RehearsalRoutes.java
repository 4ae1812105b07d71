package nl.fotadesk.backend.api;

import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.rehearsal.RehearsalService;
import nl.fotadesk.protocol.api.RehearsalRequest;

import static nl.fotadesk.backend.accounts.Access.OPERATOR;

/** Rehearsing a campaign before it runs, and its forecast beside what it did. */
public final class RehearsalRoutes implements Routes {
    private final RehearsalService rehearsals;

    public RehearsalRoutes(RehearsalService rehearsals) {
        this.rehearsals = rehearsals;
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/v1/campaigns/rehearsals", OPERATOR,
                        x -> x.json(200, rehearsals.rehearse(x.principal(), x.body(RehearsalRequest.class))))
                .add("GET", "/api/v1/campaigns/{id}/forecast", OPERATOR,
                        x -> x.json(200, rehearsals.forecastVsActual(x.principal(), x.path("id"))));
    }
}
