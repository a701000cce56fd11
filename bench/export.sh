#!/usr/bin/env bash
# bridgemap export at scale: a generated network of N members (default 20,000) exported to
# every format, with the time of each stage (--timings): reading and analysing, the layout,
# and building and writing the file. Betweenness, bridging and closeness are estimated from
# --samples K sources (default 100) so that the analysis does not dominate the figures; the
# writing stage does not depend on it. Usage: bench/export.sh [MEMBERS] [SAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-20000}
samples=${2:-100}
bridgemap=${BRIDGEMAP:-build/bridgemap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bridgemap" generate --members "$members" --seed 7 --out "$work/data" >/dev/null
echo "== bridgemap export: $members members (generate --seed 7), --samples $samples"
for extension in gexf graphml json csv xlsx net; do
  start=$(date +%s.%N)
  "$bridgemap" export "$work/data" --out "$work/net.$extension" --samples "$samples" --timings \
    2>"$work/timings" >"$work/stdout"
  end=$(date +%s.%N)
  size=$(find "$work" -maxdepth 1 -name 'net*' -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f MB", s / 1e6}')
  printf '%-8s total %6.2f s | %s | %s\n' "$extension" "$(awk "BEGIN {print $end - $start}")" \
    "$(grep -v '^bridgemap' "$work/timings" | tr -s ' ' | tr '\n' ';')" "$size"
  rm -f "$work"/net*
done
