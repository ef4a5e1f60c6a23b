#!/usr/bin/env bash
# Builds the release app, precompresses it, and prints the performance benchmark (not a test:
# it reports figures and whether each budget is met).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
# One build: Trunk runs scripts/release.mjs after compiling (see Trunk.toml).
trunk build --release
node scripts/bench.mjs dist "${1:-7}"
