#!/usr/bin/env bash
# Builds the release app, precompresses it, and prints the performance benchmark (not a test:
# it reports figures and whether each budget is met).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/postbuild.mjs dist
node scripts/compress.mjs dist
node scripts/bench.mjs dist "${1:-7}"
