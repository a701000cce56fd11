#!/usr/bin/env bash
# Measures bridgemap at the scales the issues name, on generated networks.
#
#   bench/run.sh [SECTION ...]      sections: generate read analyse compare trend report
#                                   map introduce seat consistency (default: all)
#
# map, introduce and seat run bench/map.sh, bench/introduce.sh and bench/seat.sh, which also
# print what each command achieved (reach gained, new cross-sector pairs); consistency runs
# bench/consistency.sh (issue 13: every command states one tie model and agrees on the ties).
#
# Wall time and peak memory come from /usr/bin/time; each figure is one run on this machine
# (2 cores), so expect a few percent of noise. Networks are generated into $BENCH_DIR
# (default /tmp/bridgemap-bench) and reused. Build first: scripts/setup.sh build.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(generate read analyse compare trend report map introduce seat consistency)


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
    compare)
      echo "the same metrics in NetworkX and python-igraph (issue 3)"
      [ -f "$work/out-1100/ties.csv" ] || "$bin" analyse "$(network 1100)" --out "$work/out-1100" >/dev/null
      /usr/bin/python3 bench/compare_libraries.py "$work/out-1100" "$bin" "$(network 1100)"
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
