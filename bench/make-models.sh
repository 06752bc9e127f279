#!/usr/bin/env bash
# Writes the benchmark models (random weights, real shapes) into bench/out/ (git-ignored):
#   tinyllama-1.1b-{q8_0,q4_0,q4_k,f16}.gguf  TinyLlama-1.1B shape: dim 2048, 22 layers, 32 heads, 4 KV heads,
#                                             FFN 5632, the LLaMA 32000-token vocabulary
#   moe-8x2-{q8_0,q4_k}.gguf                  Mixtral-style MoE: dim 1024, 8 layers, 16 heads, 4 KV heads,
#                                             8 experts (top-2) of FFN 2816, same vocabulary
# Usage: bench/make-models.sh [--build DIR (default: build)] [--force] [NAME …]
# NAMEs (e.g. tinyllama-1.1b-q8_0) limit it to those models. Existing files are kept unless --force.
# About 6 GB in all.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build
FORCE=0
ONLY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --force) FORCE=1 ;;
    --build) BUILD="$2"; shift ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    -*) echo "error: unknown option $1" >&2; exit 2 ;;
    *) ONLY+=("$1") ;;
  esac
  shift
done
MAKE="$BUILD/tools/make-model/glassbox-make-model"
[ -x "$MAKE" ] || { echo "error: $MAKE not found: build the glassbox-make-model target first" >&2; exit 2; }
MODELS="${GLASSBOX_MODELS_DIR:-../shared/models}"
DONOR="$MODELS/vocab/ggml-vocab-llama-spm.gguf"
[ -f "$DONOR" ] || { echo "error: vocabulary donor $DONOR not found (set GLASSBOX_MODELS_DIR)" >&2; exit 2; }
OUT=bench/out
mkdir -p "$OUT"

make_one() {  # NAME TYPE ARGS…
  local name="$1" type="$2"; shift 2
  local file="$OUT/$name.gguf"
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " == *" $name "* ]]; then return; fi
  if [ -f "$file" ] && [ "$FORCE" = 0 ]; then echo "keep  $file"; return; fi
  echo "write $file"
  "$MAKE" "$file.tmp" --vocab-from "$DONOR" --type "$type" --name "$name" --seed 1 "$@" 2>&1 | tail -1
  mv "$file.tmp" "$file"
}

TINY=(--dim 2048 --layers 22 --heads 32 --kv-heads 4 --ffn 5632 --ctx 2048)
MOE=(--dim 1024 --layers 8 --heads 16 --kv-heads 4 --ffn 2816 --experts 8 --experts-used 2 --ctx 2048)
make_one tinyllama-1.1b-q8_0 Q8_0 "${TINY[@]}"
make_one tinyllama-1.1b-q4_0 Q4_0 "${TINY[@]}"
make_one tinyllama-1.1b-q4_k Q4_K "${TINY[@]}"
make_one tinyllama-1.1b-f16  F16  "${TINY[@]}"
make_one moe-8x2-q8_0        Q8_0 "${MOE[@]}"
make_one moe-8x2-q4_k        Q4_K "${MOE[@]}"
ls -l "$OUT"/*.gguf 2>/dev/null || true
