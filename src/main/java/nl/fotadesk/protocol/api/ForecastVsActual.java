package nl.fotadesk.protocol.api;

/** A campaign's stored forecast beside what happened ({@code actual} null until it started). */
public record ForecastVsActual(String campaignId, String rehearsedAt, Forecast forecast, Actual actual) {

    /**
     * What the campaign did: its state, its duration so far or in all (seconds), its devices per outcome,
     * and the firmware bytes served for their last attempts.
     */
    public record Actual(String state, Double durationSeconds, int succeeded, int failed, int timedOut,
                         long bytesServed) {
    }
}
