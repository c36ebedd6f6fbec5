#!/usr/bin/env bash
# Prints the records of a topic to standard output; run with --help for the flags.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/rafka-run-class.sh" io.rafka.tools.ConsoleConsumerCommand "$@"
