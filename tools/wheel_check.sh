#!/usr/bin/env bash
# Check the package as users install it, not as the editable install the tests use: build the
# wheel from a copy of the tree, install it into a fresh virtual environment (its dependencies
# from the package index, as its metadata declares them: no system site-packages, no project
# folder on the path), and run the CLI from there: every module imports, the bundled seeds load
# and validate, a named query answers. `make wheel-check` runs it, and `make test` runs that.
#
# Usage: tools/wheel_check.sh [PYTHON]   (a Python with pip >= 22.3, which builds; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-python3}

work=$(mktemp -d "${TMPDIR:-/tmp}/mhkg-wheel-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A copy, so that the build leaves no build/ in the tree and sees no stale build/lib.
mkdir "$work/src"
tar -c --exclude=./.venv --exclude=./.git --exclude=./build --exclude=./dist --exclude=./var \
  --exclude='*.egg-info' --exclude=__pycache__ --exclude=node_modules --exclude='.*_cache' \
  --exclude=./tests --exclude=./bench . |
  tar -x -C "$work/src"

"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$work/src"
wheel=$(ls "$work"/dist/mhkg-*.whl)
"$python" -m venv --without-pip "$work/venv"  # this pip installs into it: seconds saved
"$python" -m pip --python "$work/venv/bin/python" install --quiet "$wheel"

cd "$work"  # nothing of the project's tree on the path
bin=$work/venv/bin
"$bin/mhkg" --version
"$bin/python" - <<'EOF'
import importlib, pkgutil
import mhkg
names = [m.name for m in pkgutil.walk_packages(mhkg.__path__, "mhkg.")]
for name in names:
    importlib.import_module(name)
print(f"wheel-check: {len(names)} modules import from {mhkg.__path__[0]}")
EOF
seeds=$("$bin/python" -c "from importlib import resources; print(resources.files('mhkg.data') / 'seeds')")
"$bin/mhkg" load --quiet "$seeds" --store "$work/kg"
"$bin/mhkg" validate --store "$work/kg" >/dev/null
# without the `reason` extra, validate --reason says what to install and exits 2
status=0; "$bin/mhkg" validate --reason --store "$work/kg" >/dev/null 2>"$work/reason.err" || status=$?
[ "$status" = 2 ] && grep -q "pip install 'mhkg\[reason\]'" "$work/reason.err"
"$bin/mhkg" query --named projects --format csv --store "$work/kg" >"$work/projects.csv"
grep -q CD.0015 "$work/projects.csv" && grep -q MA.0293 "$work/projects.csv"
echo "wheel-check: $(basename "$wheel") installs, loads the bundled seeds, validates and answers"
