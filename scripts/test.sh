#!/usr/bin/env bash
# `npm test`: set up, build, then every suite: the doctest suite natively
# (ctest, with the property test), the package's JS tests, the package and
# the C++ library used from outside (README example, workerd, find_package,
# the four bundlers), and the browser tests; then the JS suite again against
# the small build browsers get (dist/; plain Node gets dist/node/). Fails if
# any suite fails.
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

# Node gets the fast build (dist/node/); browsers and bundlers the small one
# (dist/), which the bundler and page tests use. The JS suite, vectors
# included, runs against the small one too, so both prove the same bytes.
# Left out: what does not depend on the build (the tarball, docs, generated
# files, types).
echo "== node --test against the small build (--conditions=browser)"
mapfile -t small < <(ls tests/js/*.test.mjs | grep -v -E '/(pack|docs|generated|types)\.test\.mjs$')
NODE_OPTIONS=--conditions=browser node --test --test-concurrency=1 "${small[@]}" | tee build/node-test-small.tap

wait "$ctest_job"
echo "== doctest (native)"
cat build/ctest.log
exit "$(cat build/ctest.rc)"
