#!/usr/bin/env bash
# Measures bridgemap at the scales the issues name, on generated networks.
#
#   bench/run.sh [SECTION ...]      sections: generate read analyse targets compare peers trend
#                                   report map introduce seat consistency (default: all)
#
# targets prints every figure issue 20 ("Speed at scale") asks for, each with its target;
# compare runs bench/compare_libraries.py (bridgemap beside graph-tool, python-igraph and
# NetworkX, per metric, with the agreement of their values) on 1,100 members; peers runs it at
# 1,100, 20,000 and 100,000 members (sampled) and on the arXiv co-authorship networks cond-mat
# and astro-ph from the shared datasets (../shared/datasets, or BRIDGEMAP_DATASETS_DIR).
# COMPARE_BUDGET (seconds per peer call) defaults to 120 and COMPARE_BUDGET_GRAPH_TOOL to 300,
# both to 30 at 100,000 members (PEERS_LARGE_BUDGET); PEERS_SCALES picks the networks (default
# "1100 20000 100000 cond-mat astro-ph"). docs/performance.md has the figures measured.
#
# map, introduce and seat run bench/map.sh, bench/introduce.sh and bench/seat.sh, which also
# print what each command achieved (reach gained, new cross-sector pairs); consistency runs
# bench/consistency.sh (issue 13: every command states one tie model and agrees on the ties).
#
# Wall time and peak memory come from /usr/bin/time; each figure is one run on this machine
# (2 cores), so expect a few percent of noise. Networks are generated into $BENCH_DIR
# (default /tmp/bridgemap-bench) and reused. Build first: scripts/setup.sh build (or bench, which
# also installs graph-tool, python-igraph and NetworkX for compare and peers).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(generate read analyse targets peers trend report map introduce seat consistency)

# peers_at NETWORK: bench/compare_libraries.py on one network of PEERS_SCALES.
budget=${COMPARE_BUDGET:-120}
graph_tool_budget=${COMPARE_BUDGET_GRAPH_TOOL:-300}
peers_at() {
  case "$1" in
    cond-mat | astro-ph)
      COMPARE_BUDGET=$budget COMPARE_BUDGET_GRAPH_TOOL=$graph_tool_budget \
        /usr/bin/python3 bench/compare_libraries.py "$bin" "$(coauthorship "$1")" --label "$1" ;;
    100000)
      # Sampled, as analyse runs by default above 20,000 members: the peers do the same work
      # (betweenness from the same number of sources), each call within the smaller budget;
      # NetworkX is left out (at 20,000 members its path metrics already ran past the budget).
      COMPARE_BUDGET=${PEERS_LARGE_BUDGET:-30} COMPARE_BUDGET_GRAPH_TOOL=${PEERS_LARGE_BUDGET:-30} \
        /usr/bin/python3 bench/compare_libraries.py "$bin" "$(network 100000)" --label "100,000 members" \
        --samples auto --runs 1 --libraries graph-tool,igraph ;;
    *)
      COMPARE_BUDGET=$budget COMPARE_BUDGET_GRAPH_TOOL=$graph_tool_budget \
        /usr/bin/python3 bench/compare_libraries.py "$bin" "$(network "$1")" --label "$(printf "%s" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') members" ;;
  esac
}

# maps_against SECONDS LABEL N NETWORK GATHERING: every kind of map of NETWORK against the target.
maps_against() {
  local seconds=$1 label=$2 n=$3 data=$4 gathering=$5
  against "$seconds" - "$label: map, whole network (svg)" "$bin" map "$data" --out "$work/map-$n.svg"
  against "$seconds" - "$label: map, whole network (png)" "$bin" map "$data" --out "$work/map-$n.png"
  against "$seconds" - "$label: map, event $gathering (svg)" "$bin" map "$data" --event "$gathering" --out "$work/map-$n-event.svg"
  against "$seconds" - "$label: map, ego m00001 (svg)" "$bin" map "$data" --member m00001 --out "$work/map-$n-ego.svg"
  against "$seconds" - "$label: map, ego m00001 r=2 (svg)" "$bin" map "$data" --member m00001 --radius 2 --out "$work/map-$n-ego2.svg"
  against "$seconds" - "$label: map, summary (svg)" "$bin" map "$data" --summary --out "$work/map-$n-summary.svg"
}

for section in "${sections[@]}"; do
  case "$section" in
    generate)
      echo "generate (issue 2: 100,000 members in under a minute)"
      for n in 1100 20000 100000; do
        rm -rf "$work/fresh-$n"
        measure "generate --members $n" "$bin" generate --members "$n" --seed 1 --out "$work/fresh-$n"
      done
      ;;
    read)
      echo "read and validate (issue 2: 20,000 in < 5 s and < 1 GiB; 100,000 in < 30 s)"
      for n in 1100 20000 100000; do
        measure "validate, $n members" "$bin" validate "$(network "$n")"
      done
      ;;
    analyse)
      echo "analyse (issue 3: 1,100 < 3 s; 20,000 exact < 2 min, sampled < 30 s; 100,000 < 10 min in 16 GiB)"
      measure "analyse, 1,100 members" "$bin" analyse "$(network 1100)" --out "$work/out-1100"
      measure "analyse, 20,000 members, --exact" "$bin" analyse "$(network 20000)" --exact --out "$work/out-20000-exact"
      measure "analyse, 20,000 members, --samples 1000" "$bin" analyse "$(network 20000)" --samples 1000 --out "$work/out-20000-sampled"
      measure "analyse, 100,000 members (automatic: sampled)" "$bin" analyse "$(network 100000)" --out "$work/out-100000"
      ;;
    targets)
      echo "issue 20 (speed at scale): every figure of its 'Done when', one run each, target beside it"
      label_width=58
      large=$(network 20000)
      read -r gathering _ < <(largest_gathering "$large")
      against 20 1024 "20,000: analyse --exact" "$bin" analyse "$large" --exact --out "$work/out-20000-exact"
      against 15 - "20,000: report" "$bin" report "$large" --out "$work/report-20000.html"
      maps_against 5 "20,000" 20000 "$large" "$gathering"
      against 2 - "20,000: introduce" "$bin" introduce "$large"
      against 5 - "20,000: trend --by quarter" "$bin" trend "$large" --by quarter
      largest=$(network 100000)
      against 60 2048 "100,000: analyse (sampled)" "$bin" analyse "$largest" --out "$work/out-100000"
      against 3 - "100,000: validate" "$bin" validate "$largest"
      small=$(network 1100)
      read -r gathering _ < <(largest_gathering "$small")
      against 0.25 - "1,100: analyse" "$bin" analyse "$small" --out "$work/out-1100"
      maps_against 1 "1,100" 1100 "$small" "$gathering"
      against 3 - "1,100: seat $gathering (30 tables, 3 rounds)" "$bin" seat "$small" --event "$gathering" --tables 30 --rounds 3
      echo "  per metric against graph-tool (>= 5x at 20,000 and on both co-authorship networks): bench/run.sh peers"
      unset label_width
      ;;
    compare)
      echo "the same metrics in graph-tool, python-igraph and NetworkX, 1,100 members (issues 3, 20)"
      peers_at 1100
      ;;
    peers)
      echo "bridgemap beside graph-tool, python-igraph and NetworkX per metric (issue 20: >= 5x graph-tool)"
      for scale in ${PEERS_SCALES:-1100 20000 100000 cond-mat astro-ph}; do
        peers_at "$scale"
        echo
      done
      ;;
    trend)
      echo "trend (issue 8: 20,000 members, quarter by quarter over 8 years, < 2 min)"
      measure "trend --by year, 1,100 members" "$bin" trend "$(network 1100)" --by year
      measure "trend --by quarter, 20,000 members" "$bin" trend "$(network 20000)" --by quarter
      measure "trend --by quarter --cumulative, 20,000 members" "$bin" trend "$(network 20000)" --by quarter --cumulative
      ;;
    report)
      echo "report (issue 6: 1,100 members < 30 s, 20,000 < 3 min, the file < 5 MB)"
      for n in 56 1100 20000; do
        if [ "$n" = 56 ]; then data=data/betterway-2017-2018; else data=$(network "$n"); fi
        measure "report, $n members" "$bin" report "$data" --out "$work/report-$n.html"
        [ -f "$work/report-$n.html" ] &&
          awk -v bytes="$(stat -c %s "$work/report-$n.html")" 'END { printf "  %-52s %8.2f MB\n", "  the file", bytes / 1048576 }' /dev/null
      done
      ;;
    map | introduce | seat | consistency)
      BRIDGEMAP=$bin BENCH_DIR=$work "bench/$section.sh"
      ;;
    *)
      echo "bench: unknown section $section" >&2; exit 2 ;;
  esac
done
