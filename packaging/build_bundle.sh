#!/usr/bin/env bash
# Build Rehearsal as a one-folder PyInstaller bundle.
#
#   packaging/build_bundle.sh [OUTPUT_DIR [WORK_DIR]]
#
# The app ends up in OUTPUT_DIR/rehearsal/ (default build/bundle/rehearsal/), started by the
# `rehearsal` binary inside it. WORK_DIR (default build/pyinstaller) keeps PyInstaller's
# intermediate files, so a second build is quicker. PyInstaller is installed into .venv
# from PyPI the first time; the build itself downloads nothing. REHEARSAL_PYTHON_BIN picks
# another interpreter than .venv/bin/python.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${REHEARSAL_PYTHON_BIN:-$ROOT/.venv/bin/python}"

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
-h | --help)
  usage
  exit 0
  ;;
-*)
  echo "build_bundle.sh: unknown option: $1" >&2
  usage >&2
  exit 2
  ;;
esac
if [ $# -gt 2 ]; then
  usage >&2
  exit 2
fi

absolute() {
  case "$1" in
  /*) printf '%s\n' "$1" ;;
  *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}
OUT="$(absolute "${1:-$ROOT/build/bundle}")"
WORK="$(absolute "${2:-$ROOT/build/pyinstaller}")"

if [ ! -x "$PYTHON" ]; then
  echo "build_bundle.sh: no Python at $PYTHON; run ./test.sh or scripts/bootstrap.sh first" >&2
  exit 1
fi
for tool in objdump objcopy strip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build_bundle.sh: PyInstaller needs $tool from binutils (Debian: apt-get install binutils)" >&2
    exit 1
  fi
done
if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
  echo "build_bundle.sh: installing PyInstaller into .venv" >&2
  "$PYTHON" -m pip install --disable-pip-version-check -q "pyinstaller>=6.0"
fi

mkdir -p "$OUT" "$WORK"
start=$(date +%s)
# The spec reads everything relative to the checkout; run from there so relative paths in
# PyInstaller's messages are the checkout's.
(cd "$ROOT" && "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$OUT" --workpath "$WORK" packaging/rehearsal.spec)
seconds=$(($(date +%s) - start))

APP="$OUT/rehearsal"
BINARY="$APP/rehearsal"
[ -x "$BINARY" ] || BINARY="$APP/rehearsal.exe"
if [ ! -e "$BINARY" ]; then
  echo "build_bundle.sh: the build finished but $APP has no rehearsal binary" >&2
  exit 1
fi
size="$(du -sh "$APP" | cut -f1)"
echo "Built $BINARY in ${seconds}s; the bundle is $size."
