package nl.fotadesk.protocol;

/**
 * One SenML record with its base fields applied (RFC 8428 §4.6). Exactly one of {@code value},
 * {@code stringValue}, {@code booleanValue} and {@code dataValue} is non-null, unless {@code sum} is
 * set: then at most one is.
 *
 * @param name the base name followed by the name
 * @param time absolute time in epoch seconds: base time + time, with times below 2^28 taken as
 *             relative to the time of parsing
 * @param unit the unit, else the base unit; null when neither is given
 * @param value base value + value, when the record has a numeric value
 * @param sum   base sum + sum, when the record has a sum
 */
public record SenmlRecord(String name, double time, String unit, Double value, String stringValue,
                          Boolean booleanValue, String dataValue, Double sum) {
}
