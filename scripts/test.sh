#!/usr/bin/env bash
# Runs every test: lint, native domain tests, component tests in headless Chromium, and
# whole journeys in Chromium against the release build. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
start=$(date +%s)

step "format and lint"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "licence notice is up to date"
node scripts/licences.mjs --check

step "native tests (domain, chart options)"
cargo test

step "component tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test wasm

step "release build"
# One build: Trunk runs scripts/release.mjs after compiling (see Trunk.toml).
trunk build --release

step "browser journeys (Playwright + axe-core)"
mkdir -p test-results
node --test --test-concurrency=1 tests/e2e/

echo
echo "All tests passed in $(( $(date +%s) - start )) s."
