package io.rafka.chaos.check;

/**
 * The kinds of misbehaviour the {@link Checker} looks for; each is one check of a run, which passes when it
 * found none. Immutable.
 */
public enum Anomaly {
  LOST("an acknowledged write is in no replica's final read of its partition"),
  DUPLICATE("a value is at two offsets (in reads, final reads or acks)"),
  CONFLICT("two values at one partition offset (in reads, final reads or acks)"),
  PHANTOM("a value was read that no producer ever sent"),
  REPLICA_DIVERGENCE("a replica's final read differs from the partition's longest one"),
  ORDER_DISAGREEMENT("two readers saw two values of a partition in opposite orders"),
  OFFSET_REGRESSION("a read went back or skipped ahead of where its reader stood"),
  ACK_ORDER("a write got a lower offset than one acknowledged before it was invoked"),
  UNCOMMITTED_READ("a value was read at an offset that holds something else, or nothing, in the final reads"),
  COMMIT_REGRESSION("a group commit stored a lower offset than one acknowledged before it was invoked"),
  GROUP_SKIP("an offset below a group's committed offset was read by none of its members"),
  FAILED_WRITE_VISIBLE("a write that definitely failed was read"),
  UNAVAILABLE_AFTER_HEAL("a written partition took no write within "
      + HealedWritesCheck.DEADLINE_MILLIS / 1000 + " s of the last heal, or a fault was never healed");

  private final String meaning;

  Anomaly(String meaning) {
    this.meaning = meaning;
  }

  /** What one count of this anomaly means, for the summary. */
  public String meaning() {
    return meaning;
  }
}
