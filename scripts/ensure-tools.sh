#!/usr/bin/env bash
# Installs what building and testing need, idempotently: quick when all is present.
# Only the package registries are reachable, so everything comes from crates.io, npm or Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen crate version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
# The splitter Leptos' lazy loading is built for (as cargo-leptos uses it).
WASM_SPLIT_VERSION=0.2.4

want_rust=1 want_browser=0 want_npm=1
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
  esac
done

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [ "$want_rust" = 1 ]; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "installing wasm_split_cli_support $WASM_SPLIT_VERSION (the splitter for on-demand modules, about 2 minutes)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
    # Not --locked: a locked dependency of the CLI is missing from the registry copy here.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
fi

if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
  fi
  # The other engines the core journeys run in: Firefox, and WebKit's MiniBrowser with its
  # WebDriver (under a virtual display). About a minute.
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ]; then
    log "installing Debian's firefox-esr, webkit2gtk-driver and xvfb"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb
  fi
fi

if [ "$want_npm" = 1 ]; then
  stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
  # The ECharts bundle is generated from npm; rebuild only when its inputs change.
  if [ ! -f public/vendor/echarts.min.js ] || [ scripts/echarts-entry.js -nt public/vendor/echarts.min.js ] \
     || [ package-lock.json -nt public/vendor/echarts.min.js ]; then
    log "building the custom ECharts bundle"
    node scripts/build-echarts.mjs
  fi
fi
