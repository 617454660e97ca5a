#!/usr/bin/env bash
# npm run bench: the benchmarks (DESIGN.md "bench/"). Speed is measured only
# here, never in the tests. Builds what is missing first, then runs the
# retention sweep benchmark: native, wasm through the package, and the plain
# JavaScript baseline side by side, plus the package's size.
# Extra arguments go to run.mjs (e.g. --recordings 100000 for a quick run).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -f scripts/bootstrap.sh ]]; then bash scripts/bootstrap.sh; fi
if [[ -f scripts/build.sh ]]; then bash scripts/build.sh; fi

# The JS baseline holds a million plain objects: give node room.
# First the sweep's rules over every recording with the first 100 due listed
# (what a backend pages through and the page shows), then with all of them
# listed (the answer is then ~110 MB of JSON, and serialising it dominates).
node --max-old-space-size=8192 bench/retention/run.mjs --limit 100 "$@"
node --max-old-space-size=8192 bench/retention/run.mjs --repeats 3 "$@"
node bench/signals/run.mjs
