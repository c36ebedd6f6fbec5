#!/usr/bin/env bash
# Sends each line of standard input as a record; run with --help for the flags.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/rafka-run-class.sh" io.rafka.tools.ConsoleProducerCommand "$@"
