#!/usr/bin/env bash
# Many hosts, one organization: PROCESSES JVMs (4 by default) share its token state through PostgreSQL or Redis
# for SECONDS (60 by default) while org tokens expire every 6 s; prints one line and exits 1 if a goal is missed
# (0 errors, 0 invalid_grant, at most one refresh per expiry). KILL_LEASE_HOLDER=1 kills one process (SIGKILL)
# while it holds the refresh lease. Starts the store server (Maven-provided binaries) and the emulator itself, and
# stops them. Needs Java 17+ and Maven.
#   benchmarks/many-hosts.sh postgres|redis [PROCESSES] [SECONDS]
set -euo pipefail
exec "$(dirname "$0")/run-main.sh" dev.waasj.benchmarks.manyhosts.ManyHosts "$@"
