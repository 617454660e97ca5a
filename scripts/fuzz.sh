#!/usr/bin/env bash
# `npm run fuzz`: libFuzzer on the TC-string, GPP-string and JSON-command
# parsers, 15 s each by default (FUZZ_SECONDS), with clang-14. New inputs go
# to build-fuzz/corpus/<target>; the committed seeds (tests/fuzz/corpus/)
# stay as they are, and tests/js/fuzz-parity.test.mjs replays them through
# wasm and native in every npm test. Not part of npm test: it compiles the
# core once more with clang.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
seconds="${FUZZ_SECONDS:-15}"
if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "clang++-14 not found: the fuzzers need it (apt-get install clang-14)" >&2
  exit 1
fi
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRIVACY_FUZZ=ON >/dev/null
fi
cmake --build build-fuzz -j2 --target tcf_fuzz gpp_fuzz command_fuzz
for target in tcf gpp command; do
  mkdir -p "build-fuzz/corpus/$target"
  if ! "build-fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=4096 \
      "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target" >"build-fuzz/$target.log" 2>&1; then
    tail -40 "build-fuzz/$target.log"
    exit 1
  fi
  echo "${target}_fuzz: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "build-fuzz/$target.log")"
done
