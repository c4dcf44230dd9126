#!/usr/bin/env bash
# Build the wheel, install it with its dependencies into a fresh venv per interpreter found
# (python3.12, python3.13 on PATH or under ~/.pyenv/versions) and run the fast tests there.
# Needs the package registry for the dependencies; not part of `make test`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git clone -q "$ROOT" "$WORK/src"  # committed files only; leaves no build/ in the checkout
"${PYTHON:-python3}" -m pip wheel -q --no-deps -w "$WORK/dist" "$WORK/src"
TESTS="tests/test_geocode.py tests/test_extract.py tests/test_cli.py tests/test_cli_input.py
       tests/test_io_formats.py tests/test_io_cli.py tests/test_events.py tests/test_gazetteer.py
       tests/test_repr_html.py tests/test_names.py tests/test_properties.py"
status=0
for v in 3.12 3.13; do
  py=""
  for cand in "$(command -v "python$v" || true)" $(ls -d "$HOME"/.pyenv/versions/"$v".*/bin/python 2>/dev/null); do
    if [ -n "$cand" ] && "$cand" -c "import sys" >/dev/null 2>&1; then py="$cand"; break; fi
  done  # (a pyenv shim may exist without a selected version)
  if [ -z "$py" ]; then echo "python$v: not found, skipped"; continue; fi
  "$py" -m venv "$WORK/venv-$v"
  "$WORK/venv-$v/bin/pip" install -q "$WORK"/dist/*.whl pytest hypothesis pyarrow
  # run from the checkout's tests against the installed wheel (not the source tree)
  (cd "$ROOT" && GEOKIT_DATA_DIR="$WORK/data-$v" GEOKIT_CACHE_DIR="$WORK/cache-$v" \
     "$WORK/venv-$v/bin/python" -P -m pytest -q -p no:cacheprovider \
     -m "not browser and not notebook and not slow and not network" $TESTS) || status=1
  echo "python$v ($("$py" --version)): exit $status"
done
exit $status
