#!/usr/bin/env bash
# Creates, lists, describes and deletes topics; run with --help for the flags.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/rafka-run-class.sh" io.rafka.tools.TopicsCommand "$@"
