package nl.fotadesk.backend;

import nl.fotadesk.backend.accounts.Passwords;
import nl.fotadesk.backend.secrets.ApiKeyHash;

/**
 * How slow a server makes the hashes it stores: bcrypt's cost for user passwords and PBKDF2's
 * iterations for the API key. Every server uses {@link #DEFAULT}; tests, which start hundreds of
 * backends, may pass lower ones (the hashes are checked the same way, only faster).
 */
public record HashCosts(int passwordCost, int apiKeyIterations) {
    public static final HashCosts DEFAULT = new HashCosts(Passwords.COST, ApiKeyHash.ITERATIONS);
}
