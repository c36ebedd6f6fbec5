#!/usr/bin/env bash
# Runs Rafka under injected faults and checks that nothing acknowledged was lost; run with --help.
#
#   bin/rafka-chaos.sh --nodes 5 --duration 30m --seed 42    # a soak: random, overlapping faults
#   bin/rafka-chaos.sh --nodes 3 --ci --seed 42              # the CI suite: every fault kind, one at a time
#
# Nodes run from this checkout's bin/rafka-server.sh (built first if needed). The run directory (default
# chaos-runs/<seed>) keeps the history, final reads, node configs, logs and data, summary.txt and result.json.
# Environment: JAVA_HOME, RAFKA_CHAOS_OPTS (JVM flags for the harness, default -Xmx1g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/rafka-chaos/target/rafka-chaos.jar"
if [[ ! -f "$JAR" || ! -f "$ROOT/rafka-server/target/rafka-server.jar" ]]; then
  echo "rafka-chaos: building Rafka (mvnw package -DskipTests)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a opts <<< "${RAFKA_CHAOS_OPTS:--Xmx1g}"
cd "$ROOT"
exec "$JAVA" "${opts[@]}" -cp "$JAR:$ROOT/rafka-chaos/target/lib/*" io.rafka.chaos.run.ChaosMain --repo "$ROOT" "$@"
