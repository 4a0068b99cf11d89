#!/usr/bin/env bash
# Regenerate resources/translations/rehearsal.ts, the catalogue of every English text the
# app offers for translation, after texts change (tests/ui/test_translations.py fails until
# it is current). A translator copies it to rehearsal_<locale>.ts, translates it with
# pyside6-linguist and compiles it with pyside6-lrelease (see README, "Accessibility and
# translation").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUPDATE="${LUPDATE:-$ROOT/.venv/bin/pyside6-lupdate}"
cd "$ROOT"
mapfile -t SOURCES < <(find rehearsal -name '*.py' | LC_ALL=C sort)
"$LUPDATE" "${SOURCES[@]}" -ts resources/translations/rehearsal.ts \
  -source-language en -no-obsolete -locations none
