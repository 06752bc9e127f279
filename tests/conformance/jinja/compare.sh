#!/bin/sh
# ctest entry point: compare.sh GLASSBOX_CLI TEMPLATES_DIR — see compare.mjs.
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/../node_modules/@huggingface/jinja" ]; then
  echo "error: @huggingface/jinja is not installed: run \`npm ci\` in $(cd "$here/.." && pwd)" >&2
  exit 2
fi
if ! command -v node >/dev/null 2>&1; then
  echo "error: node (Node.js 18 or newer) is not on PATH" >&2
  exit 2
fi
exec node "$here/compare.mjs" "$@"
