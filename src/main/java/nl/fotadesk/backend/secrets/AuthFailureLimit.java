package nl.fotadesk.backend.secrets;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per source: after {@code failures} within a window that starts at the first
 * one, the source is refused until the window ends. An IPv6 source is its /64 (one subscriber's
 * prefix), so changing the low bits of the address does not buy new tries.
 */
public final class AuthFailureLimit {
    /** Above this many tracked sources, ended windows are dropped on the next failure. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int failures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {
    }

    public AuthFailureLimit(int failures, Duration window, Clock clock) {
        this.failures = failures;
        this.window = window;
        this.clock = clock;
    }

    public int limit() {
        return failures;
    }

    public Duration window() {
        return window;
    }

    /** How long {@code source} must wait before it may try again; empty when it may now. */
    public Optional<Duration> blockedFor(String source) {
        Instant now = clock.instant();
        Window w = windows.get(source);
        if (w == null || w.failures < failures || !now.isBefore(w.start.plus(window))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start.plus(window)));
    }

    /** Counts a failure of {@code source}; @return the failures in its current window, this one included */
    public int failed(String source) {
        Instant now = clock.instant();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.start.plus(window)));
        }
        return windows.compute(source, (k, w) -> w == null || !now.isBefore(w.start.plus(window))
                ? new Window(now, 1) : new Window(w.start, w.failures + 1)).failures;
    }

    /** The source a remote address counts as: the address itself, or its /64 for IPv6. */
    public static String source(String remoteAddress) {
        if (remoteAddress == null || !remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            // An IPv6 literal: parsed without a name lookup.
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
