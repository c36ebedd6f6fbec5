package io.rafka.chaos.check;

/**
 * Someone's evidence that {@code value} sits at {@code offset} of {@code partition}: a read, a final read or a
 * produce acknowledgement. Immutable.
 *
 * @param source who saw it and when, for anomaly examples
 */
record Observation(int partition, long offset, String value, String source) {}
