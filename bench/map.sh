#!/usr/bin/env bash
# Issue 4 (bridgemap map): how long each kind of map takes to draw, in each format, on the
# bundled example and on generated networks of 1,100 members (seed 7), and the summary map of
# 100,000 members (seed 7).
#
#   bench/map.sh             (BRIDGEMAP=./build/bridgemap, BENCH_DIR=/tmp/bridgemap-bench)
#
# Issue 4 asks for a 1,100-member map in under 20 s and the summary map of 100,000 members in
# under 10 s. Times are wall time including reading the network (and, for the member-by-member
# maps, the analysis that sizes the members) and peak memory from /usr/bin/time, one run each.
#
# On the 2-core development machine, shared with other builds (load average 2-4): the example
# 0.1-0.8 s a map; 1,100 members: whole 1.8-3.2 s, event (295 people) 0.8-1.9 s, ego (radius 2)
# 1.0-1.5 s, summary 0.1-0.3 s; 100,000 members, summary 5.9-7.4 s, 280 MB, of which reading
# the CSV files is 3-5 s (the ties are counted while projected, never held: 12.8 million of
# them would take 6 s and 1.2 GB more).
#
# Issue 14: map computes only the metric families it draws (viz::map_families: the size
# metric's family; communities and tie structure for the weak bridges of whole-network and
# ego maps; communities for --colour community; sector mixing for the network line), not
# every family analyse computes. The "--size degree" lines show it best: no path metrics at
# all. Best of 5 runs (/usr/bin/time -f %e), 1,100 members, load average about 2, before
# (b7f0c71) -> after: ego m00001 0.37-0.41 -> 0.28-0.38 s; ego r=2 0.42-0.47 -> 0.32-0.35 s;
# ego --size degree 0.36-0.40 -> 0.12 s; event e2024-057 (dot) 0.73-0.91 -> 0.57-0.82 s;
# event --size degree 0.79 -> 0.52 s.
#
# Issue 17: the whole map lays out each community alone and then the communities (several
# small neato runs instead of one sfdp run over everyone), and bridgemap places the names
# itself, then Graphviz draws with fixed positions. One run each, 23aa196 -> after, on the
# shared 2-core machine at load average 11-12 (wall time; user CPU in brackets): 1,100
# whole svg 2.87 -> 2.14 s (0.86 -> 0.66 s), pdf 2.68 -> 2.13 s (0.86 -> 0.65 s); event
# e2024-057 svg 2.02 -> 2.02 s (0.57 -> 0.61 s); ego m00001 r=2 svg 0.96 -> 0.90 s (0.29 ->
# 0.26 s); the example's whole map 0.14 -> 0.21 s (0.03 -> 0.03 s). The whole bench run, before
# -> after, in the commit message of this note. --paper: the example's event map on A4 (PDF)
# 0.2 s; the 1,100-member whole map on A0 (PDF) 2.4 s; an A0 PNG at 300 dpi is 9,933 x 14,043
# pixels: about 20 s and 580 MB, most of it cairo filling the bitmap.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

need_python "to find the largest gathering"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# map LABEL DATA FORMAT [OPTIONS...]: one timed map and its time, memory and file size.
map() {
  local label=$1 data=$2 format=$3
  shift 3
  local file="$out/map.$format" log="$out/time.log"
  if ! /usr/bin/time -f '%e s %M KB' -o "$log" "$bin" map "$data" --out "$file" "$@" >/dev/null 2>"$out/err"; then
    printf '  %-34s %-4s FAILED: %s\n' "$label" "$format" "$(tail -n 1 "$out/err")"
    return
  fi
  printf '  %-34s %-4s %16s %9s bytes\n' "$label" "$format" "$(tail -n 1 "$log")" "$(wc -c <"$file")"
}

# every_format LABEL DATA [OPTIONS...]
every_format() {
  local label=$1 data=$2
  shift 2
  for format in svg png pdf dot; do map "$label" "$data" "$format" "$@"; done
}

echo "map (issue 4: a 1,100-member map in < 20 s; the summary map of 100,000 members in < 10 s)"
printf '  %-34s %-4s %16s %15s\n' "map" "fmt" "wall, peak mem" "file"
example=data/betterway-2017-2018
every_format "example, whole network" "$example"
every_format "example, event gathering-2018-07" "$example" --event gathering-2018-07
every_format "example, ego geraldine-blake r=2" "$example" --member geraldine-blake --radius 2
every_format "example, summary" "$example" --summary
map "example, event, --paper a4" "$example" pdf --event gathering-2018-07 --paper a4
map "example, event, --paper a4" "$example" png --event gathering-2018-07 --paper a4

members=$(network 1100 7)
read -r gathering _ < <(largest_gathering "$members")
every_format "1,100, whole network" "$members"
map "1,100, whole, --colour community" "$members" png --colour community
every_format "1,100, event $gathering" "$members" --event "$gathering"
every_format "1,100, ego m00001 r=2" "$members" --member m00001 --radius 2
map "1,100, ego m00001" "$members" svg --member m00001
map "1,100, ego m00001, --size degree" "$members" svg --member m00001 --size degree
map "1,100, event, --size degree" "$members" dot --event "$gathering" --size degree
every_format "1,100, summary" "$members" --summary
map "1,100, whole, --paper a0" "$members" pdf --paper a0
map "1,100, event, --paper a3" "$members" pdf --event "$gathering" --paper a3

large=$(network 100000 7)
map "100,000, summary by sector" "$large" svg --summary
map "100,000, summary by sector" "$large" png --summary
map "100,000, summary (automatic)" "$large" pdf
