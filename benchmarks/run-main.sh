#!/usr/bin/env bash
# Builds the benchmarks module and its modules from this checkout, then runs one of its main classes with the
# benchmarks' whole class path (servers and drivers, provided-scoped, included), for the soak and scale scripts.
#   benchmarks/run-main.sh MAIN_CLASS [ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
main=$1
shift
cp_file=$(mktemp)
log=$(mktemp)
trap 'rm -f "$cp_file" "$log"' EXIT
# One reactor run: the modules' own jars come from this checkout, not from a local repository. benchmarks is
# built last, so its class path is what the file holds.
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath -pl benchmarks -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >"$log" 2>&1) || { cat "$log" >&2; exit 1; }
class_path="$root/benchmarks/target/classes:$(cat "$cp_file")"
rm -f "$cp_file" "$log" # exec replaces this shell, so the trap would not run
exec java -cp "$class_path" "$main" "$@"
