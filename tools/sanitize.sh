#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer and runs the unit suite
# (every ctest test except the npm conformance suites, which run our CLI the same way anyway).
# Usage: tools/sanitize.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build-asan}"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGLASSBOX_SANITIZE=ON >/dev/null
cmake --build "$BUILD" -j"$(nproc)"
# oneDNN's JIT code and OpenMP's runtime are not instrumented; leaks are reported, not ignored.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen OMP_WAIT_POLICY=passive
ctest --test-dir "$BUILD" --output-on-failure -E "conformance" -j1
