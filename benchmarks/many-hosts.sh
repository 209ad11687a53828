#!/usr/bin/env bash
# Many hosts, one organization: PROCESSES JVMs (4 by default) share its token state through PostgreSQL or Redis
# for SECONDS (60 by default) while org tokens expire every 6 s; prints one line and exits 1 if a goal is missed
# (0 errors, 0 invalid_grant, at most one refresh per expiry). KILL_LEASE_HOLDER=1 kills one process (SIGKILL)
# while it holds the refresh lease. Starts the store server (Maven-provided binaries) and the emulator itself, and
# stops them. Needs Java 17+ and Maven.
#   benchmarks/many-hosts.sh postgres|redis [PROCESSES] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp_file=$(mktemp)
log=$(mktemp)
trap 'rm -f "$cp_file" "$log"' EXIT
# One reactor run: the modules' own jars come from this checkout, not from a local repository. benchmarks is
# built last, so its class path (servers and drivers, provided-scoped, included) is what the file holds.
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath -pl benchmarks -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >"$log" 2>&1) || { cat "$log" >&2; exit 1; }
exec java -cp "$root/benchmarks/target/classes:$(cat "$cp_file")" dev.waasj.benchmarks.manyhosts.ManyHosts "$@"
