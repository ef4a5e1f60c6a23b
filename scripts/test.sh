#!/usr/bin/env bash
# Runs the tests. Installs whatever is missing first.
#
#   scripts/test.sh          everything, as CI runs it: lint, native tests, component tests, the
#                            release build packaged as its archive (scripts/package.sh) and
#                            unpacked with its checksums verified, then every browser journey in
#                            Chromium and the core journeys in Firefox and WebKit (tests/engines/)
#                            against that unpacked folder
#   scripts/test.sh fast     format, lint and the native tests (the domain): the quick loop
#   scripts/test.sh ui       component tests and browser journeys against a quicker build of the
#                            same code (no link-time optimisation, no wasm-opt); Chromium only
#
# Journeys can be narrowed: CMM_E2E="tests/e2e/trust2.test.mjs" scripts/test.sh ui
set -euo pipefail
cd "$(dirname "$0")/.."
lane="${1:-all}"
case "$lane" in all|fast|ui) ;; *) echo "usage: scripts/test.sh [fast|ui]" >&2; exit 2 ;; esac
if [ "$lane" = fast ]; then scripts/ensure-tools.sh; else scripts/ensure-tools.sh --browser; fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
start=$(date +%s)

if [ "$lane" != ui ]; then
  step "format and lint"
  cargo fmt --check
  cargo clippy --all-targets -- -D warnings
  cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

  step "licence notice and register are up to date"
  node scripts/licences.mjs --check
  node scripts/build-register.mjs --check

  step "native tests (domain, chart options)"
  cargo test
fi

if [ "$lane" != fast ]; then
  step "component tests (wasm-bindgen-test in headless Chromium)"
  cargo test --target wasm32-unknown-unknown --test wasm

  if [ "$lane" = ui ]; then
    step "quick build (the release's code without link-time optimisation)"
    CMM_CARGO_PROFILE=ui trunk build --release --cargo-profile ui
  else
    step "release build and archive"
    # One build: Trunk runs scripts/release.mjs after compiling (see Trunk.toml).
    trunk build --release
    # The journeys run against the archive a council would host, unpacked and checked.
    scripts/package.sh dist
    unpacked="$(mktemp -d)"
    version="$(node -e "import('./scripts/release.mjs').then((m) => console.log(m.crateVersion()))")"
    (cd release && sha256sum -c --quiet SHA256SUMS)
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
      "release/cm-maturity-$version.zip" "$unpacked"
    export DIST_DIR="$unpacked/cm-maturity-$version"
    (cd "$DIST_DIR" && sha256sum -c --quiet SHA256SUMS)
    echo "checksums verified; the journeys below run against $DIST_DIR"
  fi

  step "browser journeys (Playwright + axe-core)"
  mkdir -p test-results
  # shellcheck disable=SC2086
  node --test --test-concurrency=1 ${CMM_E2E:-tests/e2e/}

  if [ "$lane" = all ]; then
    step "the core journeys in Firefox and WebKit"
    node --test --test-concurrency=1 tests/engines/
  fi
fi

echo
echo "All tests ($lane) passed in $(( $(date +%s) - start )) s."
