#!/usr/bin/env bash
# Many organizations of one app in one JVM, the emulator in its own process: heap per organization, the cost of a
# view, round-robin throughput over every organization against one organization's, thread count. Prints a table and
# exits 1 if a goal is missed. Needs Java 17+ and Maven.
#   benchmarks/many-orgs.sh [ORGS] [SECONDS_PER_ROUND]      (10000 and 5 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cp_file=$(mktemp)
log=$(mktemp)
trap 'rm -f "$cp_file" "$log"' EXIT
# One reactor run: the modules' own jars come from this checkout, not from a local repository. benchmarks is
# built last, so its class path (servers and drivers, provided-scoped, included) is what the file holds.
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath -pl benchmarks -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >"$log" 2>&1) || { cat "$log" >&2; exit 1; }
exec java -cp "$root/benchmarks/target/classes:$(cat "$cp_file")" dev.waasj.benchmarks.manyorgs.ManyOrgs "$@"
