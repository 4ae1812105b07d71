package nl.fotadesk.backend.rehearsal;

/**
 * One device of the simulated twin: how often it checks in, what its update costs over its bearer, and
 * how likely an attempt fails. The twin's devices are in the order the campaign's phases take them.
 */
record Twin(long checkinMillis, UpdateCost cost, FailureChances chances) {
}
