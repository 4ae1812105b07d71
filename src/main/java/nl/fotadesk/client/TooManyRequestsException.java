package nl.fotadesk.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The server asks the caller to slow down (429): too many requests, or too many failed authentications
 * from this address. {@link #retryAfter()} is the wait it named in {@code Retry-After}, if it named one.
 */
public final class TooManyRequestsException extends ApiException {
    private final Duration retryAfter;

    public TooManyRequestsException(String error, String detail, Duration retryAfter, Throwable cause) {
        super(429, error, detail, List.of(), cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
