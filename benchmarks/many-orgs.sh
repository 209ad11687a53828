#!/usr/bin/env bash
# Many organizations of one app in one JVM, the emulator in its own process: heap per organization, the cost of a
# view, round-robin throughput over every organization against one organization's, thread count. Prints a table and
# exits 1 if a goal is missed. Needs Java 17+ and Maven.
#   benchmarks/many-orgs.sh [ORGS] [SECONDS_PER_ROUND]      (10000 and 5 by default)
set -euo pipefail
exec "$(dirname "$0")/run-main.sh" dev.waasj.benchmarks.manyorgs.ManyOrgs "$@"
