#!/usr/bin/env bash
# Keep-alive over a simulated month (refresh tokens lapse after 60 s): ORGS organizations granted at once, then
# PROCESSES JVMs sharing PostgreSQL keep them alive for SECONDS without a call of their own. Prints one line, exits 1
# if a goal is missed (none lapsed, none renewed twice, no new grant, no failure). Needs Java 17+ and Maven.
#   benchmarks/keep-alive.sh [ORGS] [PROCESSES] [SECONDS]      (1000 3 150 by default)
set -euo pipefail
exec "$(dirname "$0")/run-main.sh" dev.waasj.benchmarks.keepalive.KeepAliveSoak "$@"
