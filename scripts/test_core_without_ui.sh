#!/usr/bin/env bash
# Run the core's tests against a copy of the package with rehearsal/ui removed.
#
# The core (script, notes, engine, store, speech, dossier, media) must work with the UI
# deleted; import-linter checks the imports, this checks it for real. The package and the
# tests (without tests/ui, tests/packaging and tests/journeys, which drive the app) are
# copied to a temporary folder and pytest runs there with `-m "not gui"`. The editable
# install's finder would still map `rehearsal.ui` to the checkout, so it is taken off
# `sys.meta_path` first and `import rehearsal` finds the copy; tests/conftest.py refuses to
# start when rehearsal.ui can still be imported (REHEARSAL_WITHOUT_UI=1), so a run that
# proves nothing fails instead.
# Extra arguments go to pytest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rehearsal-core.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

cp -R "$ROOT/rehearsal" "$WORK/rehearsal"
rm -rf "$WORK/rehearsal/ui"
cp -R "$ROOT/tests" "$WORK/tests"
rm -rf "$WORK/tests/ui" "$WORK/tests/packaging" "$WORK/tests/journeys"
find "$WORK" -name __pycache__ -prune -exec rm -rf {} +
cp "$ROOT/pyproject.toml" "$WORK/"
ln -s "$ROOT/resources" "$WORK/resources"
if [ -z "${REHEARSAL_SHARED_DIR:-}" ] && [ -d "$ROOT/../shared/corpus" ]; then
  export REHEARSAL_SHARED_DIR="$(cd "$ROOT/../shared" && pwd)"
fi

cd "$WORK"
export REHEARSAL_WITHOUT_UI=1 QT_QPA_PLATFORM=offscreen
"$ROOT/.venv/bin/python" -c '
import sys

import pytest

sys.meta_path[:] = [f for f in sys.meta_path if not f.__module__.startswith("__editable__")]
sys.exit(pytest.main(sys.argv[1:]))
' -p no:cacheprovider -m "not gui" tests "$@"
