#!/usr/bin/env bash
# npm run bench: the benchmarks of issue 10 (DESIGN.md "bench/"). Speed is
# measured only here, never in the tests. Builds what is missing first, then
# runs each bench (each prints its figures beside its baseline, measured in the
# same run, and checks that the builds give the same answers), and ends with
# one table of every target, measured value, aim and MET or MISSED
# (bench/summary.mjs). A bench that fails (a disagreement included) is
# reported, the others still run, and the script exits 1.
#   npm run bench                  everything (about 10 minutes on 2 cores)
#   bash scripts/bench.sh signals state    only these benches (then the table)
#   bash scripts/bench.sh bigstate         a million-recording round trip (not in the default run)
# BENCH_DIST: another package dist/ to measure (the native programs are build/'s).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -f scripts/bootstrap.sh ]]; then bash scripts/bootstrap.sh || exit 1; fi
if [[ -f scripts/build.sh ]]; then bash scripts/build.sh || exit 1; fi

export BENCH_RESULTS="${BENCH_RESULTS:-$PWD/build/bench-results}"
all=(signals state retention size coldstart page)
if [[ $# -eq 0 ]]; then
  benches=("${all[@]}")
  rm -rf "$BENCH_RESULTS"
else
  benches=("$@")
fi
mkdir -p "$BENCH_RESULTS"

failed=()
for bench in "${benches[@]}"; do
  echo
  echo "================================================================ bench/$bench ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -f "$BENCH_RESULTS/$bench.json"
  case "$bench" in
    # The sweep's households hold a million recordings (the JS baseline's as plain objects): give node room.
    retention) node --max-old-space-size=8192 bench/retention/run.mjs ;;
    state) node --max-old-space-size=4096 bench/state/run.mjs ;;
    # Not in the default run (minutes): a million-recording round trip, no target of its own.
    bigstate) node --max-old-space-size=8192 bench/bigstate/run.mjs ;;
    *) node "bench/$bench/run.mjs" ;;
  esac || failed+=("$bench")
done

node bench/summary.mjs --failed "$(IFS=,; echo "${failed[*]:-}")"
