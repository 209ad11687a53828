#!/usr/bin/env bash
# Reproducible builds, checked: builds one commit twice, each time in a fresh clone in its own directory (so neither
# an absolute path nor a leftover of an earlier build can hide a difference), with the release profile and without
# tests, then compares byte for byte every file each published module publishes: its jar, sources jar, Javadoc jar,
# SBOMs (JSON and XML) and, where the shade plugin rewrote it, its POM. A published module is one that made an SBOM.
#
#   benchmarks/reproducible-build.sh [REVISION]      # default HEAD; uncommitted changes are not built
#
# MVN_ARGS adds Maven arguments to both builds (e.g. -Dmaven.repo.local=...); KEEP=1 keeps the two trees.
# Exits 0 when every file is identical, 1 when one differs (listing the jar entries that do), 2 when a build fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$root" rev-parse "${1:-HEAD}^{commit}")
work=$(mktemp -d "${TMPDIR:-/tmp}/waasj-reproducible.XXXXXX")
trap '[ "${KEEP:-0}" = 1 ] && echo "trees kept in $work" || rm -rf "$work"' EXIT
read -r -a extra <<<"${MVN_ARGS:-}"

start=$SECONDS
for side in first second; do
  git clone --quiet --no-checkout "$root" "$work/$side"
  git -C "$work/$side" checkout --quiet --detach "$commit"
  echo "=== build $side of ${commit:0:12} in $work/$side"
  if ! (cd "$work/$side" && mvn -B -q -Prelease -DskipTests "${extra[@]}" package >"$work/$side.log" 2>&1); then
    tail -40 "$work/$side.log"
    echo "build $side failed (log above)" >&2
    exit 2
  fi
done
built=$((SECONDS - start))

# Every published module made ARTIFACT-VERSION-cyclonedx.json; its other files share that ARTIFACT-VERSION prefix.
compared=0 differing=0 missing=0
while IFS= read -r sbom; do
  dir=$(dirname "$sbom")
  prefix=$(basename "$sbom" -cyclonedx.json)
  files=("$prefix-cyclonedx.json" "$prefix-cyclonedx.xml")
  if [ -n "$(find "$work/first/$dir" -maxdepth 1 -name "$prefix.jar")" ]; then
    files+=("$prefix.jar" "$prefix-sources.jar" "$prefix-javadoc.jar")
  fi
  [ -f "$work/first/$dir/dependency-reduced-pom.xml" ] && files+=(dependency-reduced-pom.xml)
  for f in "${files[@]}"; do
    a="$work/first/$dir/$f" b="$work/second/$dir/$f"
    if [ ! -f "$a" ] || [ ! -f "$b" ]; then
      printf '%-9s  %s\n' MISSING "$dir/$f"
      missing=$((missing + 1))
      continue
    fi
    compared=$((compared + 1))
    if cmp -s "$a" "$b"; then
      printf '%-9s  %s  %s  %s bytes\n' identical "$(sha256sum "$a" | cut -c1-16)" "$dir/$f" "$(stat -c %s "$a")"
    else
      printf '%-9s  %s\n' DIFFERENT "$dir/$f"
      differing=$((differing + 1))
      if [[ $f == *.jar ]] && command -v unzip >/dev/null; then
        diff <(unzip -lv "$a" | awk 'NF>=8 {print $7, $8, $5, $6}') \
             <(unzip -lv "$b" | awk 'NF>=8 {print $7, $8, $5, $6}') | head -20 || true
      else
        diff "$a" "$b" | head -20 || true
      fi
    fi
  done
done < <(cd "$work/first" && find . -path '*/target/*-cyclonedx.json' -not -path '*/target/*/*' | sort)

echo "two clean builds of ${commit:0:12} in ${built}s: $compared files compared, $differing different, $missing missing"
[ "$compared" -gt 0 ] && [ "$differing" -eq 0 ] && [ "$missing" -eq 0 ]  || exit 1
