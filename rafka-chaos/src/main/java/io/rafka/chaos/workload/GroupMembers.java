package io.rafka.chaos.workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The consumer group of a run: member processes ({@link GroupMemberMain}), each writing its own history file
 * under the run's directory. Members can be SIGKILLed and replaced; {@link #close()} stops the rest cleanly.
 * Thread-safe.
 */
public final class GroupMembers implements AutoCloseable {
  private final String bootstrap;
  private final String group;
  private final String topic;
  private final Path dir;
  private final long runStartEpochMillis;
  private final TreeMap<String, Process> members = new TreeMap<>();
  private final List<Path> historyFiles = new ArrayList<>();
  private int started;

  public GroupMembers(String bootstrap, String group, String topic, Path dir, long runStartEpochMillis) {
    this.bootstrap = bootstrap;
    this.group = group;
    this.topic = topic;
    this.dir = dir;
    this.runStartEpochMillis = runStartEpochMillis;
  }

  public String group() {
    return group;
  }

  /** Starts a new member; returns its name. */
  public synchronized String start() throws IOException {
    String name = "member-" + (++started);
    Path history = dir.resolve(name + ".history.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), GroupMemberMain.class.getName(), bootstrap, group, topic,
        history.toString(), Long.toString(runStartEpochMillis), name);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
    members.put(name, pb.start());
    historyFiles.add(history);
    return name;
  }

  /** SIGKILLs the oldest running member (its session must expire before its partitions move). */
  public synchronized String killOldest() throws InterruptedException {
    var oldest = members.pollFirstEntry();
    if (oldest == null) {
      throw new IllegalStateException("no group member is running");
    }
    oldest.getValue().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    return oldest.getKey();
  }

  /** The history files of every member ever started (killed ones included). */
  public synchronized List<Path> historyFiles() {
    return List.copyOf(historyFiles);
  }

  /** Stops every member with SIGTERM (commit and leave), SIGKILL after 30 s. */
  @Override
  public synchronized void close() throws InterruptedException {
    members.values().forEach(Process::destroy);
    for (Process p : members.values()) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    members.clear();
  }
}
