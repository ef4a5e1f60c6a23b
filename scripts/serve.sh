#!/usr/bin/env bash
# Builds the release app with the default framework and benchmarks, and serves it on loopback.
# Usage: scripts/serve.sh [port]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
port="${1:-8080}"
# One build: Trunk runs scripts/release.mjs after compiling (see Trunk.toml).
trunk build --release
echo
echo "The self-assessment is at http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec node tests/e2e/server.mjs dist "$port"
