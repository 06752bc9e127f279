#!/usr/bin/env bash
# Prints the figures of one libFuzzer log: the last coverage line (cov: code edges, ft: features,
# corp: corpus units/bytes), the final stats and any crash, leak or timeout reported.
# Usage: tools/fuzz_summary.sh LOG [EXIT_STATUS]
set -uo pipefail
LOG="$1"; STATUS="${2:-0}"
echo "-- summary of $LOG (libFuzzer exit status $STATUS)"
grep -E '^#[0-9]+' "$LOG" | tail -1
grep -E '^Done [0-9]+ runs' "$LOG" | tail -1
grep -E '^stat::' "$LOG"
findings=$(grep -cE '^==[0-9]+==ERROR|^SUMMARY: |runtime error:|ALARM: working on the last Unit|deadly signal|out-of-memory' "$LOG")
echo "findings: $findings"
[ "$findings" -eq 0 ] || grep -nE '^==[0-9]+==ERROR|^SUMMARY: |runtime error:|ALARM:|deadly signal|out-of-memory|^artifact_prefix|Test unit written to' "$LOG" | head -20
