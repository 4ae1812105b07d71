package nl.fotadesk.protocol.api;

import java.util.List;
import java.util.Map;

/**
 * What a rehearsal expects of a campaign, over {@code runs} simulated runs: its duration per phase and in
 * total (over the runs that completed), the devices expected to fail and time out, whether the
 * thresholds pause it, the cellular data it costs, and a part-size advice; with what it assumed, and the
 * runs over time for a chart ({@code timeline}: null in forecasts made before it was added); and for a
 * campaign with a maintenance window, when the window closes on it ({@code window}, null without one).
 * {@code forecastToken}, in the answer to a rehearsal of a campaign not created yet (or of an update request),
 * keeps this forecast with the campaign when it is created (or the request approved) with it; null otherwise.
 */
public record Forecast(int devices, int runs, long seed, double tickSeconds, int partSize, String firmwareVersion,
                       long imageBytes, Map<String, String> bearers, double pricePerMb, List<Phase> phases,
                       Spread durationSeconds, int completedRuns, double expectedSucceeded, double expectedFailed,
                       double expectedTimedOut, Pause pause, Data data, PartSizeAdvice partSizeAdvice,
                       List<FailureChance> failureChances, Timeline timeline, Window window,
                       String forecastToken) {

    /** This forecast with the token that keeps it with the campaign created from its plan. */
    public Forecast withForecastToken(String token) {
        return new Forecast(devices, runs, seed, tickSeconds, partSize, firmwareVersion, imageBytes, bearers, pricePerMb,
                phases, durationSeconds, completedRuns, expectedSucceeded, expectedFailed, expectedTimedOut, pause, data,
                partSizeAdvice, failureChances, timeline, window, token);
    }

    /** The median and 90th percentile of a quantity over the runs it was seen in; null in none. */
    public record Spread(Double median, Double p90) {
    }

    /** One phase: its devices, in how many runs it was done, and how long it took from its start. */
    public record Phase(int index, int devices, int doneRuns, Spread durationSeconds) {
    }

    /**
     * How many runs a threshold paused, the share of runs, the runs paused in each phase (by index), and
     * when (seconds after the start).
     */
    public record Pause(int runs, double share, Map<Integer, Integer> runsByPhase, Spread atSeconds) {
    }

    /**
     * Cellular data, the mean of the runs: firmware bytes (retried parts included), HTTP overhead
     * (request and status lines, headers, uplinks and downlinks), TCP/IP overhead (segment headers,
     * handshakes); {@code retryBytes} is the part of the total spent on retried parts and attempts. MB is
     * 1,000,000 bytes.
     */
    public record Data(long payloadBytes, long httpOverheadBytes, long tcpOverheadBytes, long retryBytes,
                       long totalBytes, long perDeviceBytes, double cost, double costPerDevice) {
    }

    /** The part size asked for, and the ones that take the least data and the least time for this fleet. */
    public record PartSizeAdvice(PartSizeOption current, PartSizeOption leastData, PartSizeOption fastest) {
    }

    /** One part size: the parts per download and the expected bytes and seconds of one device's download. */
    public record PartSizeOption(int partSize, int parts, long bytesPerDevice, double secondsPerDevice) {
    }

    /**
     * The chances a rehearsal assumed for one device type and firmware: that an attempt fails, that the
     * device goes silent (and times out), and that a retry fails again; {@code source} says where they
     * come from ({@code history}, {@code device_type}, {@code default}).
     */
    public record FailureChance(String deviceType, String firmware, double failed, double silent, double again,
                                int attemptsSeen, String source) {
    }

    /**
     * The runs over time: at each of {@code seconds} (at most 200, from the start until the last run ended),
     * the devices updated so far and the share (in percent) of the running phase's devices that failed or
     * timed out, which is what the campaign's {@code errorThreshold} is checked against; each as the 10th
     * percentile, the median and the 90th percentile over the runs. A run that ended keeps its last values.
     */
    public record Timeline(List<Double> seconds, Band updated, Band phaseFailedPercent, int errorThreshold) {
    }

    /** One quantity over time: its 10th percentile, median and 90th percentile over the runs, point by point. */
    public record Band(List<Double> p10, List<Double> median, List<Double> p90) {
    }

    /**
     * A campaign's maintenance window in its rehearsal: the {@code window}, the start the rehearsal assumed
     * ({@code startsAt}: when it is scheduled, or the time of the rehearsal), when the window first closes
     * on the running campaign ({@code closesAt}, and seconds after the start; null when it stays open until
     * the end in every run), in how many runs the campaign was still running then, and how long phases and
     * retries wait for the window to open in a run.
     */
    public record Window(CampaignWindow window, String startsAt, String closesAt, Double closesAtSeconds,
                         int closesOnItRuns, Spread waitSeconds) {
    }
}
