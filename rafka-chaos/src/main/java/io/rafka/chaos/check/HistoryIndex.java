package io.rafka.chaos.check;

import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OffsetValue;
import io.rafka.chaos.history.OperationKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A history and its final reads, indexed once for all checks: operations by kind, fault windows, and every
 * observation of a value at an offset. Immutable after construction.
 */
final class HistoryIndex {
  private final List<HistoryEvent> events;
  private final FinalReads finalReads;
  private final long endTime;
  private final Map<OperationKind, List<Operation>> operations = new HashMap<>();
  private final List<FaultWindow> faults = new ArrayList<>();
  private final Set<String> invokedValues = new HashSet<>();
  private final SortedSet<Integer> writtenPartitions = new TreeSet<>();
  private final Map<Integer, Map<Long, Set<String>>> finalValues = new HashMap<>();
  private final Map<Integer, Set<String>> finalValueSets = new HashMap<>();

  HistoryIndex(List<HistoryEvent> history, FinalReads finalReads) {
    this.events = List.copyOf(history);
    this.finalReads = finalReads;
    this.endTime = history.stream().mapToLong(HistoryEvent::time).max().orElse(0);
    for (OperationKind kind : OperationKind.values()) {
      operations.put(kind, new ArrayList<>());
    }
    for (Operation operation : OperationPairing.pair(history)) {
      operations.get(operation.invoke().f()).add(operation);
    }
    for (Operation produce : produces()) {
      invokedValues.add(produce.invoke().value());
      writtenPartitions.add(produce.partition());
    }
    for (Operation fault : operations.get(OperationKind.FAULT)) {
      boolean healed = fault.completion() != null;
      faults.add(new FaultWindow(fault.invoke().fault(), fault.invoke().time(),
          healed ? fault.completion().time() : endTime, healed));
    }
    for (FinalRead read : finalReads.all()) {
      Map<Long, Set<String>> byOffset = finalValues.computeIfAbsent(read.partition(), p -> new HashMap<>());
      for (OffsetValue record : read.records()) {
        byOffset.computeIfAbsent(record.offset(), o -> new HashSet<>()).add(record.value());
        finalValueSets.computeIfAbsent(read.partition(), p -> new HashSet<>()).add(record.value());
      }
    }
  }

  List<HistoryEvent> events() {
    return events;
  }

  FinalReads finalReads() {
    return finalReads;
  }

  /** The time of the last event: the length of the run as far as the history knows. */
  long endTime() {
    return endTime;
  }

  List<Operation> produces() {
    return operations.get(OperationKind.PRODUCE);
  }

  List<Operation> reads() {
    return operations.get(OperationKind.READ);
  }

  List<Operation> commits() {
    return operations.get(OperationKind.COMMIT);
  }

  /** The faults in the order they started. */
  List<FaultWindow> faults() {
    return Collections.unmodifiableList(faults);
  }

  OptionalLong firstFaultStart() {
    return faults.stream().mapToLong(FaultWindow::start).min();
  }

  OptionalLong lastFaultEnd() {
    return faults.stream().mapToLong(FaultWindow::end).max();
  }

  /** Whether some produce was invoked with {@code value}: a value nobody sent cannot be read. */
  boolean wasInvoked(String value) {
    return invokedValues.contains(value);
  }

  /** The partitions some produce was invoked on, ascending. */
  SortedSet<Integer> writtenPartitions() {
    return Collections.unmodifiableSortedSet(writtenPartitions);
  }

  /** The values any replica holds at {@code offset} of {@code partition} in its final read; empty if none. */
  Set<String> finalValuesAt(int partition, long offset) {
    return finalValues.getOrDefault(partition, Map.of()).getOrDefault(offset, Set.of());
  }

  /** Whether any replica's final read of {@code partition} holds {@code value}. */
  boolean finallyHolds(int partition, String value) {
    return finalValueSets.getOrDefault(partition, Set.of()).contains(value);
  }

  /** Every record every successful read returned. */
  List<Observation> readObservations() {
    List<Observation> observations = new ArrayList<>();
    for (Operation read : reads()) {
      if (read.isOk()) {
        String source = read.invoke().process() + "'s read at " + read.completion().time() + " from node "
            + read.completion().node();
        for (OffsetValue record : read.completion().reads()) {
          observations.add(new Observation(read.partition(), record.offset(), record.value(), source));
        }
      }
    }
    return observations;
  }

  /** Every record of every replica's final read. */
  List<Observation> finalObservations() {
    List<Observation> observations = new ArrayList<>();
    for (FinalRead read : finalReads.all()) {
      String source = "the final read of node " + read.node();
      for (OffsetValue record : read.records()) {
        observations.add(new Observation(read.partition(), record.offset(), record.value(), source));
      }
    }
    return observations;
  }

  /** Every acknowledged produce, as the offset the cluster said it wrote the value at. */
  List<Observation> ackObservations() {
    List<Observation> observations = new ArrayList<>();
    for (Operation produce : produces()) {
      if (produce.isOk()) {
        observations.add(new Observation(produce.partition(), produce.offset(), produce.invoke().value(),
            "the ack to " + produce.invoke().process() + " at " + produce.completion().time()));
      }
    }
    return observations;
  }

  /** The final read of each replica of {@code partition} as offset to value, by node. */
  Map<Integer, TreeMap<Long, String>> replicaLogs(int partition) {
    Map<Integer, TreeMap<Long, String>> logs = new TreeMap<>();
    for (FinalRead read : finalReads.ofPartition(partition)) {
      TreeMap<Long, String> log = new TreeMap<>();
      for (OffsetValue record : read.records()) {
        log.putIfAbsent(record.offset(), record.value());
      }
      logs.put(read.node(), log);
    }
    return logs;
  }
}
