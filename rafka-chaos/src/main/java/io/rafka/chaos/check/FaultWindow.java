package io.rafka.chaos.check;

/**
 * One fault the nemesis injected, from its start to its end. Immutable.
 *
 * @param fault the nemesis's description of it
 * @param start when it started, ms since the run started
 * @param end when it was healed, or when the history ended if it never was
 * @param healed whether the nemesis recorded its end
 */
public record FaultWindow(String fault, long start, long end, boolean healed) {
  /** Whether the fault was active at some time in {@code [from, to]}. */
  public boolean overlaps(long from, long to) {
    return start <= to && end >= from;
  }
}
