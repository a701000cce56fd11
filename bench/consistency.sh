#!/usr/bin/env bash
# One tie model, one answer (issue 13): on generated networks of 1,100 and 20,000 members,
# analyse, report, introduce --evaluate, map and trend --cumulative are run with the same
# options; each prints the tie model it used, its number of ties and its E-I index, and the
# script says whether they agree, with each command's wall time.
#
#   bench/consistency.sh [OPTIONS...]   options passed to every command (e.g. --max-setting-size 0)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
need_python "to read the JSON outputs"
options=("$@")

json_field() {  # json_field FILE EXPRESSION: a value of a JSON file, by a Python expression on d
  /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

timed() {  # timed OUT COMMAND...: runs the command with stdout to OUT; prints its wall time
  local to=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" >"$to.out" 2>"$to.err" || { echo "FAILED: $(tail -n 1 "$to.err")"; return 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f s", b - a }'
}

for n in 1100 20000; do
  data=$(network "$n")
  out="$work/consistency-$n"
  mkdir -p "$out"
  samples=()
  [ "$n" -le 1100 ] || samples=(--samples 200)
  echo "one tie model on $n members (options: ${options[*]:-none})"

  t=$(timed "$out/analyse" "$bin" analyse "$data" --format json "${samples[@]}" "${options[@]}")
  cp "$out/analyse.out" "$out/summary.json"
  model=$(json_field "$out/summary.json" "d['tie_model']['text']")
  ties=$(json_field "$out/summary.json" "d['ties']")
  ei=$(json_field "$out/summary.json" "'%.3f against %.3f' % (d['ei_index'], d['expected_ei_index'])")
  echo "  $model"
  printf "  %-34s %9s ties  E-I %s  (%s)\n" "analyse" "$ties" "$ei" "$t"

  t=$(timed "$out/introduce" "$bin" introduce "$data" --evaluate --count 10 --format json "${options[@]}")
  cp "$out/introduce.out" "$out/introduce.json"
  printf "  %-34s %9s ties  E-I %s  (%s)%s\n" "introduce --evaluate (before)" \
    "$(json_field "$out/introduce.json" "int(d['evaluation']['before']['ties'])")" \
    "$(json_field "$out/introduce.json" "'%.3f against %.3f' % (d['before']['ei_index'], d['before']['expected_ei_index'])")" "$t" \
    "$([ "$(json_field "$out/introduce.json" "d['tie_model']['text']")" = "$model" ] && echo "" || echo "  TIE MODEL DIFFERS")"

  t=$(timed "$out/map" "$bin" map "$data" --summary --out "$out/summary.svg" "${options[@]}")
  line=$(grep '^The network:' "$out/map.out")
  printf "  %-34s %s  (%s)%s\n" "map --summary" "$line" "$t" \
    "$([ "$(head -n 1 "$out/map.out")" = "$model" ] && echo "" || echo "  TIE MODEL DIFFERS")"

  t=$(timed "$out/report" "$bin" report "$data" --out "$out/report.html" "${options[@]}")
  printf "  %-34s %s  (%s)%s\n" "report" "$(grep '^Wrote' "$out/report.out")" "$t" \
    "$([ "$(head -n 1 "$out/report.out")" = "$model" ] && echo "" || echo "  TIE MODEL DIFFERS")"
  grep -o 'E-I index [0-9.−]* against [0-9.−]*' "$out/report.html" | head -n 1 | sed 's/^/    report headline: /'

  t=$(timed "$out/trend" "$bin" trend "$data" --by year --cumulative --format json "${options[@]}")
  cp "$out/trend.out" "$out/trend.json"
  until=$(json_field "$out/trend.json" "d['periods'][-1]['until']")
  "$bin" analyse "$data" --until "$until" --format json "${samples[@]}" "${options[@]}" >"$out/until.json" 2>/dev/null
  printf "  %-34s %9s ties  E-I %s  (%s)\n" "trend --cumulative, last row" \
    "$(json_field "$out/trend.json" "d['periods'][-1]['ties']")" \
    "$(json_field "$out/trend.json" "'%.3f against %.3f' % (d['periods'][-1]['ei_index'], d['periods'][-1]['expected_ei_index'])")" "$t"
  printf "  %-34s %9s ties  E-I %s  (%s active, %s never took part)\n" "analyse --until $until" \
    "$(json_field "$out/until.json" "d['ties']")" \
    "$(json_field "$out/until.json" "'%.3f against %.3f' % (d['ei_index'], d['expected_ei_index'])")" \
    "$(json_field "$out/until.json" "d['active_members']")" \
    "$(json_field "$out/until.json" "d['members_without_activity']")"
done
