#!/usr/bin/env bash
# `npm run test:sanitize`: the doctest suite and the property test (300
# sequences: the Release run in npm test has the 10,000) under
# AddressSanitizer + UndefinedBehaviorSanitizer, on the checked core.
# Not part of npm test: it compiles the core once more (about 6 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
# Configured every time: a build-asan/ made before a target existed would
# otherwise not know it (make reads the old Makefile before regenerating).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPRIVACY_SANITIZE=ON >/dev/null
cmake --build build-asan -j2 --target privacy_tests privacy_property
PRIVACY_PROPERTY_SEQUENCES=300 ctest --test-dir build-asan --output-on-failure
