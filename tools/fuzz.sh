#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 600).
# New interesting inputs go to build-fuzz/corpus/<target>; crashes are copied into
# tests/fuzz/corpus/<target>/ so that CI replays them forever after. The whole libFuzzer output is
# kept in build-fuzz/fuzz_<target>.log; a summary (executions, coverage, findings) is printed.
# Usage: tools/fuzz.sh [SECONDS] [target …]   (targets: gguf tokenizer template history_import)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-600}"; shift || true
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(gguf tokenizer template history_import)
command -v clang++ >/dev/null || { echo "error: clang++ is needed (apt-get install clang libclang-rt-14-dev)"; exit 1; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGLASSBOX_FUZZ=ON \
  -DGLASSBOX_BUILD_GUI=OFF -DGLASSBOX_TEST_AREAS=fuzz >/dev/null
for t in "${TARGETS[@]}"; do
  cmake --build build-fuzz --target "fuzz_$t"
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/crashes/$t"
  echo "== fuzz_$t for ${SECONDS_EACH}s"
  set +e
  GLASSBOX_TEST_MODELS="${GLASSBOX_TEST_MODELS:-$PWD/../shared/models}" ASAN_OPTIONS=detect_leaks=0 \
    "build-fuzz/tests/fuzz/fuzz_$t" "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/crashes/$t/" >"build-fuzz/fuzz_$t.log" 2>&1
  status=$?
  set -e
  tools/fuzz_summary.sh "build-fuzz/fuzz_$t.log" "$status"
  for c in build-fuzz/crashes/"$t"/*; do
    if [ -e "$c" ]; then
      cp "$c" "tests/fuzz/corpus/$t/crash-$(sha1sum "$c" | cut -c1-12)" && echo "crash saved: $c"
    fi
  done
done
