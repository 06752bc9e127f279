#!/usr/bin/env bash
# Installs dependencies, builds everything and runs every test (unit, GUI offscreen, conformance
# against llama.cpp and @huggingface/jinja from npm). Usage: tools/test.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
tools/setup.sh
if command -v node >/dev/null && [ -f tests/conformance/package-lock.json ]; then
  (cd tests/conformance && npm ci --no-audit --no-fund --ignore-scripts)
fi
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen OMP_WAIT_POLICY=passive
ctest --test-dir "$BUILD" --output-on-failure -j1
