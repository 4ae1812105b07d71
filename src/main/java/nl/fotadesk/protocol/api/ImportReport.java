package nl.fotadesk.protocol.api;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a CSV import: how many data lines were read and imported, each refused line with
 * its line number (in {@code index}) and reason, and the secrets generated for lines without one.
 * With {@code dryRun} nothing was stored.
 */
public record ImportReport(int lines, int imported, List<ItemError> errors, Map<String, String> generatedSecrets,
                           boolean dryRun) {
}
