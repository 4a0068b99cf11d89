#!/usr/bin/env bash
# Set up everything Rehearsal needs on this machine, idempotently; sourced by run.sh and test.sh.
#
# 1. On Debian/Ubuntu, install the missing system packages (eSpeak NG and Flite for the
#    reader voices, Qt's X11/EGL runtime libraries, Xvfb for the tests) with apt-get when run
#    as root or with password-less sudo; elsewhere, print what to install.
#    Festival's HTS voice (festvox-us-slt-hts) is supported when installed but not installed
#    here: it is the same speaker as Flite's slt, measured no clearer, ~7x slower to render
#    and another ~14 MB with Festival (see README, "The partner's voices").
# 2. Create .venv with Python >= 3.11 and install the package with its extras, again only
#    when pyproject.toml changed since the last install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${REHEARSAL_EXTRAS:-dev,packaging}"

SYSTEM_PACKAGES=(
  espeak-ng flite
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libfreetype6
  libdbus-1-3 libpulse0 libxrandr2 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1
  libxcb-xkb1 libxrender1 libxi6 libnss3 libasound2
  xvfb xauth binutils desktop-file-utils appstream
)

say() { printf 'rehearsal setup: %s\n' "$*" >&2; }

find_python() {
  local candidate
  for candidate in "${REHEARSAL_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

install_system_packages() {
  if [ ! -f /etc/debian_version ] || ! command -v dpkg-query >/dev/null 2>&1; then
    say "not Debian/Ubuntu: make sure eSpeak NG, Qt 6's X11/EGL libraries and Xvfb are installed"
    say "(Flite, if your system packages it, gives the partner clearer voices)"
    return 0
  fi
  local missing=() pkg
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    # Package names vary a little between releases (libasound2 vs libasound2t64): treat
    # one that apt does not know as satisfied rather than failing the whole setup.
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ! find_python >/dev/null || ! "$(find_python)" -c 'import venv, ensurepip' 2>/dev/null; then
    missing+=(python3 python3-venv)
  fi
  [ ${#missing[@]} -gt 0 ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      say "missing system packages: ${missing[*]}"
      say "install them with: sudo apt-get install ${missing[*]}"
      return 0
    fi
  fi
  say "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  local installable=()
  for pkg in "${missing[@]}"; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then installable+=("$pkg"); fi
  done
  if [ ${#installable[@]} -gt 0 ]; then
    $sudo apt-get install -y -qq --no-install-recommends "${installable[@]}" >/dev/null
  fi
}

setup_venv() {
  local python stamp
  python="$(find_python)" || {
    say "Python 3.11 or newer is needed; install python3 (>= 3.11) and python3-venv"
    exit 1
  }
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV with $python"
    "$python" -m venv "$VENV"
  fi
  stamp="$VENV/.installed-$(cat "$ROOT/pyproject.toml" | sha1sum | cut -c1-12)-$EXTRAS"
  if [ ! -f "$stamp" ]; then
    say "installing Rehearsal and its Python packages into .venv"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e "$ROOT[$EXTRAS]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

install_system_packages
setup_venv
