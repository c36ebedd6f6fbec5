#!/usr/bin/env bash
# Runs a Rafka node.
#
#   bin/rafka-server.sh start  [config] [--foreground]   start a node (builds the project first if needed)
#   bin/rafka-server.sh stop   [config]                  stop it cleanly (SIGTERM, waits for exit)
#   bin/rafka-server.sh status [config]                  exit 0 if running, 3 if not
#
# config defaults to conf/server.properties. The node runs in the background with a pid file and a log
# file under logs/ (RAFKA_LOG_DIR), named after the config file. Environment:
#   JAVA_HOME, RAFKA_HEAP_OPTS (default -Xmx1g -XX:MaxDirectMemorySize=1g), RAFKA_JVM_OPTS,
#   RAFKA_LOG_DIR (default <repo>/logs), RAFKA_START_TIMEOUT (seconds, default 120).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LOG_DIR="${RAFKA_LOG_DIR:-$ROOT/logs}"
JAR="$ROOT/rafka-server/target/rafka-server.jar"

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
COMMAND="$1"; shift
CONFIG="$ROOT/conf/server.properties"
FOREGROUND=false
for arg in "$@"; do
  case "$arg" in
    --foreground) FOREGROUND=true ;;
    -*) echo "rafka-server: unknown option $arg" >&2; usage ;;
    *) CONFIG="$arg" ;;
  esac
done
case "$CONFIG" in /*) ;; *) CONFIG="$(pwd)/$CONFIG" ;; esac
[ -f "$CONFIG" ] || { echo "rafka-server: no config file at $CONFIG" >&2; exit 2; }

NAME="$(basename "$CONFIG" .properties)"
PID_FILE="$LOG_DIR/rafka-$NAME.pid"
LOG_FILE="$LOG_DIR/rafka-$NAME.log"

config_value() { # key default
  local v
  v="$(grep -E "^[[:space:]]*$1[[:space:]]*=" "$CONFIG" | tail -n 1 | cut -d= -f2- | tr -d '[:space:]' || true)"
  echo "${v:-$2}"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

build_if_needed() {
  if [ ! -f "$JAR" ] || [ ! -d "$ROOT/rafka-server/target/lib" ]; then
    echo "rafka-server: building Rafka (first start; this takes a few minutes)..." >&2
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package) >&2
  fi
}

java_command() {
  # Relative data.dir values resolve against the repository root.
  echo "$JAVA" ${RAFKA_HEAP_OPTS:--Xmx1g -XX:MaxDirectMemorySize=1g} -XX:+UseG1GC \
    -Dlogback.configurationFile="$ROOT/conf/logback.xml" ${RAFKA_JVM_OPTS:-} \
    -cp "$JAR:$ROOT/rafka-server/target/lib/*" io.rafka.server.RafkaServerMain "$CONFIG"
}

port_open() { # host:port
  local host="${1%:*}" port="${1##*:}"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

start() {
  if pid="$(running_pid)"; then
    echo "rafka-server: already running (pid $pid) with $CONFIG" >&2
    exit 1
  fi
  build_if_needed
  mkdir -p "$LOG_DIR"
  cd "$ROOT"
  if $FOREGROUND; then
    # shellcheck disable=SC2046
    exec $(java_command)
  fi
  # shellcheck disable=SC2046
  nohup $(java_command) >>"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local api node timeout waited=0
  api="$(config_value api.address 127.0.0.1:9092)"
  node="$(config_value node.id '?')"
  timeout="${RAFKA_START_TIMEOUT:-120}"
  # Ready = the client API listens and the node has registered in the metadata group.
  until port_open "$api" && grep -q "\[node=$node\] registered in metadata" "$LOG_FILE"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      echo "rafka-server: node $node exited during start; last log lines ($LOG_FILE):" >&2
      tail -n 20 "$LOG_FILE" >&2
      exit 1
    fi
    if [ "$waited" -ge $((timeout * 10)) ]; then
      echo "rafka-server: node $node (pid $pid) is not ready after ${timeout}s; still starting? see $LOG_FILE" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "Rafka node $node started (pid $pid); client API on $api; log $LOG_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "rafka-server: not running ($CONFIG)" >&2
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 600 ]; then
      echo "rafka-server: pid $pid did not exit within 60s of SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  echo "Rafka node stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid) with $CONFIG"
    exit 0
  fi
  echo "not running ($CONFIG)"
  exit 3
}

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
