#!/usr/bin/env bash
# Makes the release archive a council web team hosts: release/cm-maturity-<version>.zip, one
# folder cm-maturity-<version>/ holding the built release and its SHA256SUMS (every file's
# checksum, checked after unpacking with `sha256sum -c SHA256SUMS`), and release/SHA256SUMS
# beside it for the archive itself. The version is Cargo.toml's.
#
#   scripts/package.sh          builds the release first (installing what is missing)
#   scripts/package.sh dist     packages a release already built in that folder
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
dist="${1:-}"
if [ -z "$dist" ]; then
  scripts/ensure-tools.sh
  trunk build --release
  dist=dist
fi
[ -f "$dist/sw.js" ] && [ -f "$dist/embed.js" ] || { echo "$dist is not a built release" >&2; exit 1; }
version="$(node -e "import('./scripts/release.mjs').then((m) => console.log(m.crateVersion()))")"
name="cm-maturity-$version"
mkdir -p release
python3 - "$dist" "$name" "release/$name.zip" <<'PY'
import hashlib, os, sys, zipfile
dist, name, out = sys.argv[1:]
files = sorted(
    os.path.relpath(os.path.join(d, f), dist)
    for d, _, fs in os.walk(dist) for f in fs if f != "SHA256SUMS"
)
sums = "".join(
    f"{hashlib.sha256(open(os.path.join(dist, f), 'rb').read()).hexdigest()}  {f}\n" for f in files
)
# The same bytes for the same release: fixed times, sorted names, no owner or mode quirks.
def entry(path, data):
    info = zipfile.ZipInfo(f"{name}/{path}", date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info, data
with zipfile.ZipFile(out, "w") as z:
    for f in files:
        z.writestr(*entry(f, open(os.path.join(dist, f), "rb").read()))
    z.writestr(*entry("SHA256SUMS", sums.encode()))
print(f"{out}: {len(files)} files")
PY
(cd release && sha256sum "$name.zip" > SHA256SUMS)
echo "release/$name.zip and release/SHA256SUMS ($(cut -c1-16 release/SHA256SUMS)…)"
