#!/usr/bin/env bash
# Vendor the front-end libraries into the package, so that users never run npm and the pages need
# no CDN: the query editor (/sparql), the graph library of /explore and the charts of /overview.
#
# Installs the versions that tools/frontend/package-lock.json pins (npm ci: exact versions and
# integrity hashes) and copies the built, self-contained bundles with their licences:
# @triply/yasgui into server/static/vendor/yasgui/ (with its third-party notices) and cytoscape
# into server/static/vendor/cytoscape/. Run it (or `make vendor`) after changing a pin, then
# commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

frontend=tools/frontend
(cd "$frontend" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

# The query editor.
dest=server/static/vendor/yasgui
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

# Cytoscape.js, the core library only (its built-in layouts; no extensions). The minified bundle
# has no dependencies and no source-map reference.
dest=server/static/vendor/cytoscape
src=$frontend/node_modules/cytoscape
version=$(node -p "require('./$src/package.json').version")
rm -rf "$dest"
mkdir -p "$dest"
cp "$src/dist/cytoscape.min.js" "$dest/"
cp "$src/LICENSE" "$dest/LICENSE.txt"
cat > "$dest/VERSION" <<END
cytoscape $version
from tools/frontend/package-lock.json by tools/vendor_assets.sh; do not edit these files
END
echo "vendored cytoscape $version into $dest:"
ls -l "$dest"

# The charts of /overview: Vega, Vega-Lite and vega-embed (each a self-contained UMD bundle,
# loaded in that order), and the world's countries from Natural Earth (1:110m) as TopoJSON
# (world-atlas), for the map.
dest=server/static/vendor/vega
rm -rf "$dest"
mkdir -p "$dest"
versions=""
for package in vega vega-lite vega-embed; do
  src=$frontend/node_modules/$package
  cp "$src/build/$package.min.js" "$dest/"
  sed -i 's|//# sourceMappingURL=[^ ]*\.map$||' "$dest/$package.min.js"
  cp "$src/LICENSE" "$dest/LICENSE-$package.txt"
  versions+="$package $(node -p "require('./$src/package.json').version")"$'\n'
done
# Vega compiles expressions with `new Function` unless given its interpreter, which the pages'
# Content-Security-Policy (script-src 'self', no 'unsafe-eval') requires: vega-interpreter is an
# ES module importing vega-util, which the vega bundle carries; made a classic script that
# takes vega-util from the `vega` global and adds `vega.expressionInterpreter` to it.
src=$frontend/node_modules/vega-interpreter
{
  echo "(() => {  // vega-interpreter, made a classic script by tools/vendor_assets.sh"
  sed -e "s|^import { \(.*\) } from 'vega-util';$|const { \1 } = globalThis.vega;|" \
      -e 's|^export { expression as expressionInterpreter };$|globalThis.vega.expressionInterpreter = expression;|' \
      -e '/^\/\/# sourceMappingURL=/d' \
      "$src/build/vega-interpreter.js"
  echo "})();"
} > "$dest/vega-interpreter.js"
grep -q "globalThis.vega.expressionInterpreter" "$dest/vega-interpreter.js"
! grep -qE "^(import|export) " "$dest/vega-interpreter.js"
cp "$src/LICENSE" "$dest/LICENSE-vega-interpreter.txt"
versions+="vega-interpreter $(node -p "require('./$src/package.json').version")"$'\n'
src=$frontend/node_modules/world-atlas
cp "$src/countries-110m.json" "$dest/"
cp "$src/LICENSE" "$dest/LICENSE-world-atlas.txt"
versions+="world-atlas $(node -p "require('./$src/package.json').version") (Natural Earth, public domain)"$'\n'
cat > "$dest/VERSION" <<END
${versions}from tools/frontend/package-lock.json by tools/vendor_assets.sh; do not edit these files
END
echo "vendored the charts' libraries into $dest:"
ls -l "$dest"
