package nl.fotadesk.backend.domain;

import java.time.Duration;

/** Too many failed attempts (sign-ins) from this source or for this name: refused until {@link #retryAfter()} passes. */
public final class TooManyAttempts extends DomainError {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too_many_attempts", "too many failed attempts; try again in " + Math.max(1, retryAfter.toSeconds())
                + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
