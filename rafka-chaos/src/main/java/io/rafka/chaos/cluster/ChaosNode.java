package io.rafka.chaos.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Rafka node run the way an operator runs it: {@code bin/rafka-server.sh start <config> --foreground} (the
 * script execs the JVM, so the process we hold is the node itself). The harness signals it like a failing
 * machine would: SIGKILL, SIGSTOP/SIGCONT, SIGTERM. Not thread-safe; {@link ChaosCluster} serialises calls.
 */
public final class ChaosNode {
  /** How long a clean stop may take before the harness calls it a failure (issue: 30 s). */
  public static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(30);

  private final NodeLayout layout;
  private final Path repoRoot;
  private final Map<String, String> environment;
  private final List<String> launcher;
  private Process process;
  private boolean paused;
  private long readyLinesBeforeStart;
  private boolean everStarted;
  private boolean retired;

  /**
   * @param launcher a command prefix the start script runs under (e.g. {@code ip netns exec <ns>}), which must
   *     exec it so that the pid stays the node's; empty to run the script directly
   */
  ChaosNode(NodeLayout layout, Path repoRoot, Map<String, String> environment, List<String> launcher) {
    this.layout = layout;
    this.repoRoot = repoRoot;
    this.environment = Map.copyOf(environment);
    this.launcher = List.copyOf(launcher);
  }

  public int id() {
    return layout.nodeId();
  }

  public NodeLayout layout() {
    return layout;
  }

  /** The node's process id, or -1 when it is not running. */
  public long pid() {
    return running() ? process.pid() : -1;
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  /** Whether this node has run in this cluster (a spare for membership changes has not). */
  public boolean everStarted() {
    return everStarted;
  }

  /** Whether the node was removed from the cluster and stopped for good (no heal restarts it). */
  public boolean retired() {
    return retired;
  }

  /** Stops a node that has left the cluster; it stays stopped. */
  public void retire() throws InterruptedException {
    retired = true;
    terminate();
  }

  public boolean paused() {
    return paused && running();
  }

  /** Starts the node on its config and data dir (the same ones on every restart); returns without waiting. */
  public void start() throws IOException {
    if (running()) {
      throw new IllegalStateException("node " + id() + " is already running (pid " + process.pid() + ")");
    }
    Files.createDirectories(layout.logFile().getParent());
    readyLinesBeforeStart = ChaosCluster.countLines(layout.logFile(), readyMarker());
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(repoRoot.resolve("bin/rafka-server.sh").toString(), "start",
        layout.configFile().toString(), "--foreground"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(repoRoot.toFile());
    pb.environment().putAll(environment);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile().toFile()));
    process = pb.start();
    paused = false;
    everStarted = true;
  }

  /** The log line that says this node has registered in metadata and serves. */
  String readyMarker() {
    return "[node=" + id() + "] registered in metadata";
  }

  /** How many ready lines the log had before the current run started. */
  long readyLinesBeforeStart() {
    return readyLinesBeforeStart;
  }

  /** SIGKILL: no flush, no snapshot, no goodbye. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + id() + " survived SIGKILL for 30 s");
      }
    }
    paused = false;
  }

  /** SIGSTOP: the node freezes mid-flight, sockets open, as in a long GC pause or a hung VM. */
  public void pause() throws IOException, InterruptedException {
    requireRunning("pause");
    signal("STOP");
    paused = true;
  }

  /** SIGCONT after {@link #pause()}. */
  public void resume() throws IOException, InterruptedException {
    requireRunning("resume");
    signal("CONT");
    paused = false;
  }

  /**
   * SIGTERM and wait for a clean exit.
   *
   * @throws IllegalStateException if the node did not exit within {@link #TERMINATE_TIMEOUT} (it is then killed)
   */
  public void terminate() throws InterruptedException {
    if (!running()) {
      return;
    }
    if (paused) {
      try {
        resume();
      } catch (IOException e) {
        throw new IllegalStateException("could not resume node " + id() + " before stopping it", e);
      }
    }
    process.destroy();
    if (!process.waitFor(TERMINATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new IllegalStateException("node " + id() + " did not exit within " + TERMINATE_TIMEOUT.toSeconds()
          + " s of SIGTERM");
    }
  }

  /** The exit code if the node has exited on its own, else empty. */
  public java.util.OptionalInt exitCode() {
    return process != null && !process.isAlive() ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  private void requireRunning(String what) {
    if (!running()) {
      throw new IllegalStateException("cannot " + what + " node " + id() + ": it is not running");
    }
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " failed");
    }
  }
}
