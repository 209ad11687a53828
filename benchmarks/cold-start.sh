#!/usr/bin/env bash
# Cold start, whole processes: a fresh JVM builds a client, gets one verified org token from the emulator (running
# in its own process) and exits; median of RUNS runs (9 by default), candidates alternating. Compares this checkout
# with BASELINE (a git revision, default b773c13: main when the cold-start work began), and this checkout with the
# start-up flags users can add themselves (AppCDS archive, C1 only).
#   benchmarks/cold-start.sh [BASELINE]
# Needs Java 17+, Maven and /usr/bin/time (Debian: apt-get install time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
baseline=${1:-b773c13}
runs=${RUNS:-9}
work=$(mktemp -d)
cleanup() { git -C "$root" worktree remove --force "$work/baseline" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# The SDK's runtime class path as built in checkout $1: sdk-auth's jar and everything it needs at run time.
sdk_classpath() {
  (cd "$1" && mvn -q -B -DskipTests package -pl sdk-auth -am dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$work/cp.txt" >/dev/null)
  local jar deps
  jar=$(ls "$1"/sdk-auth/target/sdk-auth-*.jar | grep -v -e sources -e javadoc -e original | head -1)
  deps=$(cat "$work/cp.txt")
  # A jar that carries Bouncy Castle relocated inside needs no bcprov: users do not get it (the POM drops it).
  if unzip -l "$jar" | grep -q 'dev/waasj/internal/bouncycastle/'; then
    deps=$(tr ':' '\n' <<<"$deps" | grep -v bouncycastle | paste -sd: -)
  fi
  echo "$jar:$deps"
}

echo "building the harness and this checkout's SDK" >&2
(cd "$root" && mvn -q -B -DskipTests package -pl benchmarks -am >/dev/null)
# The probe alone in a jar: class-data sharing archives only class paths of jars.
(cd "$root/benchmarks/target/classes" && jar cf "$work/probe.jar" dev/waasj/benchmarks/coldstart/ColdStartProbe.class)
head_cp="$work/probe.jar:$(sdk_classpath "$root")"

echo "building the SDK at $baseline" >&2
git -C "$root" worktree add -q --detach "$work/baseline" "$baseline"
base_cp="$work/probe.jar:$(sdk_classpath "$work/baseline")"

# An application class-data sharing archive, as a user would make one: one training run of the same job.
echo "recording an AppCDS archive" >&2
java -cp "$root/benchmarks/target/benchmarks.jar" dev.waasj.testkit.EmulatorMain 0 > "$work/emulator.env" 2>/dev/null &
emulator=$!
for _ in $(seq 100); do grep -q COBO_ORG_ID "$work/emulator.env" 2>/dev/null && break; sleep 0.1; done
(set -a; eval "$(sed -e 's/^export //' -e 's/ *#.*$//' "$work/emulator.env" | grep '^COBO_')"; set +a
  java -XX:ArchiveClassesAtExit="$work/app.jsa" -cp "$head_cp" dev.waasj.benchmarks.coldstart.ColdStartProbe >/dev/null 2>&1)
kill "$emulator"

java -cp "$root/benchmarks/target/benchmarks.jar" dev.waasj.benchmarks.coldstart.ColdStart --runs "$runs" \
  "baseline@$baseline=$base_cp" \
  "this checkout=$head_cp" \
  "this checkout + AppCDS=$head_cp|-XX:SharedArchiveFile=$work/app.jsa" \
  "this checkout + C1 only=$head_cp|-XX:TieredStopAtLevel=1"
