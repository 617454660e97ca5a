#!/usr/bin/env bash
# Builds what is missing or stale: the native library, tests and benchmark
# (build/), the WebAssembly module twice (build-wasm/: -Oz, the small one
# browsers download; build-wasm-node/: -O2, the fast one Node gets through the
# package's "node" export condition; issue 10), and the package (dist/).
# Every output stays out of the source tree (all three folders are ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=2
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$jobs"

wasm_build() {  # folder, optimisation level
  if [ ! -f "$1/CMakeCache.txt" ]; then
    # emcmake's own emulator flag breaks Node 20 (TOOLCHAIN.md), so name node.
    emcmake cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Release -DPRIVACY_WASM_OPT="$2" \
      -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
  fi
  cmake --build "$1" -j"$jobs"
}
wasm_build build-wasm -Oz
wasm_build build-wasm-node -O2

node scripts/dist.mjs
