#!/usr/bin/env bash
# Runs a Java main class of the Rafka tools: rafka-run-class.sh <main-class> [args...]
#
# Environment:
#   JAVA_HOME         the JDK/JRE to use (default: the java on PATH)
#   RAFKA_TOOLS_OPTS  extra JVM flags, split on spaces (default when unset or empty: -Xmx256m)
#
# Builds the project first if the tools jar is missing. Logging is configured by
# $ROOT/conf/tools-logback.xml when it exists, else by the logback.xml inside the jar (warnings to stderr).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "Usage: $(basename "$0") <main-class> [args...]" >&2
  exit 2
fi
main_class="$1"
shift

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_JAR="$ROOT/rafka-tools/target/rafka-tools.jar"

if [[ ! -f "$TOOLS_JAR" ]]; then
  echo "$(basename "$0"): $TOOLS_JAR is missing; building Rafka (mvnw package -DskipTests)..." >&2
  # Build output goes to stderr: stdout belongs to the tool (a consumer's records, say).
  if ! (cd "$ROOT" && "$ROOT/mvnw" -B -q -DskipTests package) >&2; then
    echo "$(basename "$0"): the build failed; see the messages above." >&2
    exit 1
  fi
fi

if [[ -n "${JAVA_HOME:-}" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
  if [[ ! -x "$java_cmd" ]]; then
    echo "$(basename "$0"): JAVA_HOME is $JAVA_HOME but $java_cmd is not an executable" >&2
    exit 1
  fi
elif command -v java > /dev/null; then
  java_cmd="java"
else
  echo "$(basename "$0"): no java on PATH; install Java 17+ or set JAVA_HOME" >&2
  exit 1
fi

read -r -a jvm_opts <<< "${RAFKA_TOOLS_OPTS:--Xmx256m}"
log_opts=()
if [[ -f "$ROOT/conf/tools-logback.xml" ]]; then
  log_opts=("-Dlogback.configurationFile=$ROOT/conf/tools-logback.xml")
fi

# The classpath's "lib/*" is expanded by java itself, so it stays quoted. The ${a[@]+...} form keeps
# empty arrays from tripping `set -u` on bash before 4.4 (macOS ships 3.2).
exec "$java_cmd" ${jvm_opts[@]+"${jvm_opts[@]}"} ${log_opts[@]+"${log_opts[@]}"} \
  -cp "$TOOLS_JAR:$ROOT/rafka-tools/target/lib/*" \
  "$main_class" "$@"
