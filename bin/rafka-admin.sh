#!/usr/bin/env bash
# Shows and changes cluster membership: nodes, partition replicas and leaders, the metadata quorum, and plans
# for adding or removing a node; run with --help for the subcommands.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/rafka-run-class.sh" io.rafka.tools.AdminCommand "$@"
