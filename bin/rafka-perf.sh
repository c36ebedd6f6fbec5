#!/usr/bin/env bash
# Measures producer or consumer throughput and latency: rafka-perf.sh produce|consume ...; run with --help.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/rafka-run-class.sh" io.rafka.tools.PerfCommand "$@"
