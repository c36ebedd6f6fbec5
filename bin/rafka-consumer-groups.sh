#!/usr/bin/env bash
# Lists consumer groups, describes one, or resets its committed offsets; run with --help for the flags.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/rafka-run-class.sh" io.rafka.tools.ConsumerGroupsCommand "$@"
