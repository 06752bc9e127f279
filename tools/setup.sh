#!/usr/bin/env bash
# Installs what Glassbox needs on Debian 12 (bookworm): compilers, Qt 6, oneDNN, SQLite, Node.js
# for the conformance suite, and the fonts/X server used by headless GUI tests.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PKGS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libdnnl-dev nlohmann-json3-dev libsqlite3-dev libicu-dev
  xvfb xauth fonts-noto-cjk fonts-dejavu-core
)
# Node.js (with npm) runs the conformance oracles; a Node.js that is already there (e.g. from
# NodeSource, which bundles npm) is kept, Debian's own is installed otherwise.
command -v npm >/dev/null 2>&1 || PKGS+=(nodejs npm)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
