#!/usr/bin/env bash
# Set everything up (system packages, .venv) and open Rehearsal on the bundled demo scene.
# Extra arguments are passed on: ./run.sh path/to/sides.pdf opens those sides instead.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "rehearsal: no display found; run this from a desktop session (or under xvfb-run)" >&2
  exit 1
fi
if [ $# -eq 0 ]; then
  exec .venv/bin/rehearsal gui --demo
fi
exec .venv/bin/rehearsal gui "$@"
