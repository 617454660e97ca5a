#!/usr/bin/env bash
# `npm test`: set up, build, then every suite: the doctest suite natively and
# under AddressSanitizer + UndefinedBehaviorSanitizer (ctest), the package's
# JS tests, and the browser tests. Stops at the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
bash scripts/build.sh

echo "== doctest (native)"
ctest --test-dir build --output-on-failure

echo "== doctest (AddressSanitizer + UndefinedBehaviorSanitizer)"
if [ ! -f build-asan/CMakeCache.txt ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPRIVACY_SANITIZE=ON >/dev/null
fi
cmake --build build-asan -j2 --target privacy_tests
ctest --test-dir build-asan --output-on-failure

echo "== node --test (package API, vectors, types, tarball; then the page in Chromium)"
mkdir -p build
node --test --test-concurrency=1 tests/js/ tests/e2e/ | tee build/node-test.tap
