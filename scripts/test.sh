#!/usr/bin/env bash
# `npm test`: set up, build, then every suite: the doctest suite natively
# (ctest, with the property test), the package's JS tests, the package and
# the C++ library used from outside (README example, workerd, find_package,
# the four bundlers), and the browser tests. Fails if any suite fails.
# Two more runs of their own, each rebuilding the core (too long for npm
# test's 20 minutes on 2 cores): `npm run test:sanitize` (the doctest suite
# under AddressSanitizer + UndefinedBehaviorSanitizer) and `npm run fuzz`
# (a bounded libFuzzer run per parser).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
bash scripts/build.sh

# The native doctest suite (its 10,000-sequence property test is about two
# minutes on one core) runs beside the node suites, which use about one core
# too: on a 2-core machine that keeps npm test within its 20 minutes.
echo "== doctest (native, property test included), in the background beside node --test"
mkdir -p build
( ctest --test-dir build --output-on-failure >build/ctest.log 2>&1; echo $? >build/ctest.rc ) &
ctest_job=$!

echo "== node --test (package API, vectors, types, tarball; README example, workerd, find_package; bundlers; then the page in Chromium)"
node --test --test-concurrency=1 tests/js/ tests/consumer/ tests/bundlers/ tests/e2e/ | tee build/node-test.tap

wait "$ctest_job"
echo "== doctest (native)"
cat build/ctest.log
exit "$(cat build/ctest.rc)"
