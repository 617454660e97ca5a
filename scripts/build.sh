#!/usr/bin/env bash
# Builds what is missing or stale: the native library, tests and benchmark
# (build/), the WebAssembly module (build-wasm/), and the package (dist/).
# Every output stays out of the source tree (all three folders are ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=2
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$jobs"

if [ ! -f build-wasm/CMakeCache.txt ]; then
  # emcmake's own emulator flag breaks Node 20 (TOOLCHAIN.md), so name node.
  emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
fi
cmake --build build-wasm -j"$jobs"

node scripts/dist.mjs
