package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.domain.TooManyAttempts;
import nl.fotadesk.backend.secrets.AuthFailureLimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Wrong passwords, wherever one is given (signing in, changing one's own), counted per username and per
 * source address in one {@link AuthFailureLimit}: past the limit either is refused for a while, whatever
 * the password, so guessing is as slow on one route as on the other.
 */
final class PasswordGuesses {
    private final AuthFailureLimit limit;

    PasswordGuesses(AuthFailureLimit limit) {
        this.limit = limit;
    }

    /** @throws TooManyAttempts when {@code username} or {@code source} guessed wrong too often */
    void checkAllowed(String username, String source) {
        for (String key : new String[]{userKey(username), AuthFailureLimit.source(source)}) {
            Optional<Duration> blocked = key == null ? Optional.empty() : limit.blockedFor(key);
            if (blocked.isPresent()) {
                throw new TooManyAttempts(blocked.get());
            }
        }
    }

    void wrong(String username, String source) {
        limit.failed(userKey(username));
        if (source != null) {
            limit.failed(AuthFailureLimit.source(source));
        }
    }

    private static String userKey(String username) {
        return "user:" + username;
    }
}
