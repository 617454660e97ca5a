#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for `npm test` and `npm start`:
# the Debian packages (apt-get, only when one is missing) and the npm dev
# dependencies (npm ci, only when the lock file is newer than the install).
# Quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake make g++ emscripten nlohmann-json3-dev doctest-dev libhowardhinnant-date-dev
          chromium clang-14 libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  # dpkg -s also succeeds for a removed package whose config files remain.
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp=node_modules/.family-privacy-bootstrap
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "bootstrap: installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
