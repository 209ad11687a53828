#!/usr/bin/env bash
# Keep-alive over a simulated month (refresh tokens lapse after 60 s): ORGS organizations granted at once, then
# PROCESSES JVMs sharing PostgreSQL keep them alive for SECONDS without a call of their own. Prints one line, exits 1
# if a goal is missed (none lapsed, none renewed twice, no new grant, no failure). Needs Java 17+ and Maven.
#   benchmarks/keep-alive.sh [ORGS] [PROCESSES] [SECONDS]      (1000 3 150 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp_file=$(mktemp)
log=$(mktemp)
trap 'rm -f "$cp_file" "$log"' EXIT
# One reactor run: the modules' own jars come from this checkout, not from a local repository. benchmarks is
# built last, so its class path (servers and drivers, provided-scoped, included) is what the file holds.
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath -pl benchmarks -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >"$log" 2>&1) || { cat "$log" >&2; exit 1; }
exec java -cp "$root/benchmarks/target/classes:$(cat "$cp_file")" dev.waasj.benchmarks.keepalive.KeepAliveSoak "$@"
