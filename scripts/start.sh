#!/usr/bin/env bash
# `npm start`: set up, build what is missing, serve the privacy page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
exec node scripts/serve.mjs
