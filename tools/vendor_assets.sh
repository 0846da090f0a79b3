#!/usr/bin/env bash
# Vendor the query editor into the package, so that users never run npm and the page needs no CDN.
#
# Installs the version of @triply/yasgui that tools/frontend/package-lock.json pins (npm ci:
# exact versions and integrity hashes) and copies its built, self-contained bundle into
# server/static/vendor/yasgui/ with its licence and third-party notices. Run it (or
# `make vendor`) after changing the pin, then commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

frontend=tools/frontend
dest=server/static/vendor/yasgui
(cd "$frontend" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

src=$frontend/node_modules/@triply/yasgui
version=$(node -p "require('./$src/package.json').version")
rm -rf "$dest"
mkdir -p "$dest"
# The bundle carries YASQE, YASR and their dependencies; the stylesheet references no other file.
cp "$src/build/yasgui.min.js" "$src/build/yasgui.min.css" "$dest/"
cp "$src/build/yasgui.min.js.LICENSE.txt" "$dest/THIRD-PARTY-NOTICES.txt"
cp "$src/LICENSE.txt" "$dest/LICENSE.txt"
# The source map (4 MB) is left out: drop its reference so browsers do not ask for it.
sed -i '$ s|//# sourceMappingURL=yasgui\.min\.js\.map$||' "$dest/yasgui.min.js"
cat > "$dest/VERSION" <<END
@triply/yasgui $version
from tools/frontend/package-lock.json by tools/vendor_assets.sh; do not edit these files
END
echo "vendored @triply/yasgui $version into $dest:"
ls -l "$dest"
