package io.rafka.server.http;

import io.rafka.server.raft.GroupProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this node is ready to take traffic, and if not why: it is registered in the metadata group, and every
 * Raft group it hosts knows its leader and has applied all but at most {@code maxLag} entries of what that
 * leader committed. Kubernetes routes clients and rolls the next pod only once a node is ready, so a node still
 * catching up after a restart holds a rolling restart back instead of leaving a partition one failure from
 * losing its majority. Thread-safe.
 */
public final class Readiness {
  private final BooleanSupplier registered;
  private final Supplier<List<GroupProgress>> groups;
  private final long maxLag;

  public Readiness(BooleanSupplier registered, Supplier<List<GroupProgress>> groups, long maxLag) {
    this.registered = registered;
    this.groups = groups;
    this.maxLag = maxLag;
  }

  /** Why the node is not ready, one reason per line; empty when it is ready. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!registered.getAsBoolean()) {
      problems.add("not registered in the metadata group yet");
    }
    List<GroupProgress> progress = groups.get();
    if (progress.stream().noneMatch(g -> g.group().equals("metadata"))) {
      problems.add("metadata: not hosted yet");
    }
    for (GroupProgress g : progress) {
      if (!g.leaderKnown()) {
        problems.add(g.group() + ": no leader known");
      } else if (g.lag() > maxLag) {
        problems.add(g.group() + ": " + g.lag() + " entries behind its leader (applied " + g.appliedIndex()
            + ", leader committed " + g.leaderCommitIndex() + "; ready at " + maxLag + " or fewer)");
      }
    }
    return problems;
  }

  public boolean ready() {
    return problems().isEmpty();
  }
}
