#!/usr/bin/env bash
# Screenshots of the main window's states (empty, streaming, long chat, model and sampling panels,
# errors, context limit, Russian and Chinese UI), at 100 % and 200 % scale, into a folder of the
# build directory. Usage: tools/screenshots.sh [build-dir]   (PNGs in <build-dir>/screenshots/)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
cmake --build "$BUILD" --target test_gui_screenshots
OUT="$BUILD/screenshots"
rm -rf "$OUT" && mkdir -p "$OUT/scale100" "$OUT/scale200"
export OMP_WAIT_POLICY=passive GLASSBOX_SOURCE_DIR="$PWD"
run() {  # offscreen; xvfb-run with the xcb platform would also do (fonts are the same)
  QT_QPA_PLATFORM=offscreen "$@" "$BUILD/tests/gui/test_gui_screenshots"
}
GLASSBOX_SCREENSHOT_DIR="$PWD/$OUT/scale100" run env
GLASSBOX_SCREENSHOT_DIR="$PWD/$OUT/scale200" run env QT_SCALE_FACTOR=2
ls -1 "$OUT"/scale100 "$OUT"/scale200
echo "screenshots in $OUT"
