package io.rafka.chaos.check;

/** A place in the log: an offset of a partition. Immutable; ordered by partition, then offset. */
record Location(int partition, long offset) implements Comparable<Location> {
  static Location of(Observation observation) {
    return new Location(observation.partition(), observation.offset());
  }

  @Override
  public int compareTo(Location other) {
    int byPartition = Integer.compare(partition, other.partition);
    return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
  }

  @Override
  public String toString() {
    return "partition " + partition + " offset " + offset;
  }
}
