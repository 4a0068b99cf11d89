#!/usr/bin/env bash
# Set everything up (system packages, .venv) and run the whole test suite, linters included:
# ruff, mypy, the import contracts (lint-imports), pytest, then the core's tests once more
# with rehearsal/ui removed (scripts/test_core_without_ui.sh).
# Extra arguments go to pytest: ./test.sh -m "not gui" runs the core alone. When they name
# tests (a path or a node id) the run without the UI is skipped, as it always covers the
# whole core; REHEARSAL_CORE_CHECK=1 runs it anyway, 0 skips it.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== import contracts"
.venv/bin/lint-imports --no-cache
echo "== pytest"
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests" >&2
fi
core_check=1
for arg in "$@"; do
  case "$arg" in tests* | *.py | *::*) core_check=0 ;; esac
done
core_check="${REHEARSAL_CORE_CHECK:-$core_check}"
if [ "$status" -eq 0 ] && [ "$core_check" = "1" ]; then
  echo "== core tests without rehearsal/ui"
  started=$SECONDS
  scripts/test_core_without_ui.sh -q || status=$?
  echo "core tests without rehearsal/ui took $((SECONDS - started)) s"
fi
exit "$status"
