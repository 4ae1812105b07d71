package nl.fotadesk.backend.rehearsal;

import java.time.Duration;

/**
 * The radio link a device downloads over, with the figures a rehearsal assumes for it: round-trip time,
 * usable throughput (bytes per second, both directions alike) and bit error rate. The defaults are
 * typical field values for a device in fair coverage, not guarantees; an operator who knows better sets
 * the bearer per device type in the request.
 */
public enum Bearer {
    /** NB-IoT: about 1.6 s round trip, ~20 kbit/s usable. */
    NB_IOT(Duration.ofMillis(1600), 2_500, 1e-6),
    /** LTE-M (Cat-M1): about 200 ms round trip, ~240 kbit/s usable. */
    LTE_M(Duration.ofMillis(200), 30_000, 1e-7),
    /** 2G (GPRS/EDGE): about 700 ms round trip, ~32 kbit/s usable. */
    GSM_2G(Duration.ofMillis(700), 4_000, 1e-6),
    /** 4G (LTE Cat-1 and up): about 50 ms round trip, ~12 Mbit/s usable. */
    LTE_4G(Duration.ofMillis(50), 1_500_000, 1e-8),
    /**
     * A local network, as the simulator on the backend's machine uses: no errors, and a round trip that is
     * the backend's own time to answer (each uplink and part waits for a database commit).
     */
    LAN(Duration.ofMillis(10), 100_000_000, 0);

    /** For device types the request names no bearer for: the common M2M bearer. */
    public static final Bearer DEFAULT = LTE_M;

    public final Duration rtt;
    public final long bytesPerSecond;
    public final double bitErrorRate;

    Bearer(Duration rtt, long bytesPerSecond, double bitErrorRate) {
        this.rtt = rtt;
        this.bytesPerSecond = bytesPerSecond;
        this.bitErrorRate = bitErrorRate;
    }

    /** Milliseconds one exchange of {@code bytes} (both ways, headers included) takes: a round trip plus the transfer. */
    double exchangeMillis(long bytes) {
        return rtt.toNanos() / 1e6 + bytes * 1000.0 / bytesPerSecond;
    }

    /** The chance that a part of {@code bytes} arrives with at least one flipped bit: 1 − (1 − ber)^(8·bytes). */
    double corruptChance(long bytes) {
        return bitErrorRate == 0 ? 0 : -Math.expm1(8.0 * bytes * Math.log1p(-bitErrorRate));
    }
}
