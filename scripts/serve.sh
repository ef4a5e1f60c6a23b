#!/usr/bin/env bash
# Builds the release app with the default framework and benchmarks, and serves it on loopback.
# Usage: scripts/serve.sh [port]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
port="${1:-8080}"
trunk build --release
node scripts/postbuild.mjs dist
node scripts/compress.mjs dist
echo
echo "The self-assessment is at http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec node tests/e2e/server.mjs dist "$port"
