#!/usr/bin/env bash
# Screenshots of every inspector view with the bundled MoE model on an English, a Russian and a
# Chinese prompt, taken by the app itself (glassbox --send … --inspector VIEW --screenshot …
# --exit-after-reply), offscreen, with a private profile and history.
# Usage: tests/inspector/screenshots.sh [build-dir]   (PNGs in <build-dir>/screenshots/inspector/)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${1:-build}"
APP="$BUILD/ui/glassbox"
MODEL="$PWD/resources/models/polyglot-moe-4m-q8_0.gguf"
OUT="$BUILD/screenshots/inspector"
mkdir -p "$OUT"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
export HOME="$PROFILE" XDG_CONFIG_HOME="$PROFILE/config" XDG_DATA_HOME="$PROFILE/data"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" OMP_WAIT_POLICY=passive
declare -A PROMPTS=([en]="Love is" [ru]="Любовь — это" [zh]="爱情是")
for lang in en ru zh; do
  for view in attention routing tokens lens kv; do
    rm -f "$PROFILE/history.sqlite"*
    timeout 120 "$APP" --model "$MODEL" --db "$PROFILE/history.sqlite" --send "${PROMPTS[$lang]}" \
      --inspector "$view" --screenshot "$OUT/$lang-$view.png" --exit-after-reply 2>/dev/null
  done
done
ls -1 "$OUT"
