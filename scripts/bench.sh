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

# The programme's benchmark builder on about 10,000 synthetic returns (5,050 councils, one to
# three returns each): read, de-duplicate, aggregate and write, with its throughput and memory.
echo
echo "Benchmark builder (cm-benchmarks), synthetic returns"
cargo build --release --quiet --bin cm-benchmarks
rm -rf target/bench-returns
target/release/cm-benchmarks synthetic --out target/bench-returns --councils 5050 --seed 1
target/release/cm-benchmarks build target/bench-returns --out target/bench-benchmarks.json --allow-synthetic | tail -2


# The Programme page reading 1,000 and 10,000 return files in the browser.
node scripts/bench-programme.mjs dist 1000,10000
