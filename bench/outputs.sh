#!/usr/bin/env bash
# Shows that a change leaves every command's output the same. It runs each bridgemap command
# on the bundled example and on a generated 1,100-member network, stores everything each run
# produced, and compares two such recordings byte for byte.
#
#   bench/outputs.sh record BINARY DIR     run every case with BINARY into DIR/<case>/
#                                          (DIR must be new or empty)
#   bench/outputs.sh compare DIR_A DIR_B   say for each case whether it is byte-identical, list
#                                          the files that differ; exit 1 if any case differs
#
# Typical use: record with the binary before the change (copy it aside first if the rebuild
# replaces it), change and rebuild, record with the new binary, then compare the two folders.
#
# DIR/<case>/ holds `command` (the command line, with the binary shown as "bridgemap"),
# `stdout`, `stderr`, `exit-code` and every file the command wrote. Each command runs from
# inside DIR/<case> and writes to relative paths, so no output names DIR.
#
# Cases (43, about 10 s on 2 cores): the 20 of cases_on below on each network (validate,
# analyse with --out, --format json and a 2018 window, report, trend, introduce, seat, map),
# validate and analyse on a network with a bad row (exit status 3), and generate.
#
# Networks, at fixed absolute paths under $BENCH_DIR (default /tmp/bridgemap-bench, as for
# bench/common.sh), so that neither DIR nor the checkout's location shows in any output:
#   betterway-2017-2018             a copy of data/betterway-2017-2018, refreshed each time
#   members-1100-seed-7             BINARY generate --members 1100 --seed 7, made once, reused
#   betterway-unknown-organisation  the example with members.csv line 3 naming an unknown
#                                   organisation (the bad-input cases, exit status 3)
# Commands print these paths (e.g. "Read /tmp/bridgemap-bench/members-1100-seed-7:", and the
# error lines of the bad-input cases), so record both runs with the same BENCH_DIR. Nothing
# is normalised or left out: none of these commands prints a time or a temporary path
# (report --timings is not used). DIR/record.txt lists the binary and a digest of each
# network; compare warns when the two recordings did not read the same networks.
#
# The event of the seat and map --event cases is each network's gathering with the most
# attendance rows (for the example, gathering-2018-07); the member of map --member is the
# first row of members.csv (geraldine-blake). Commands run with LC_ALL=C and TZ=UTC.
set -euo pipefail

usage() {
  sed -n '/^#   bench\/outputs.sh record/,/any case differs$/s/^# //p' "$0" >&2
  exit 2
}

# column FILE NAME: the number of the column NAME in the header row of a CSV file.
column() {
  head -n 1 "$1" | tr -d '\r' | awk -F, -v name="$2" '{ for (i = 1; i <= NF; i++) if ($i == name) { print i; exit } }'
}

# most_attended_gathering DIR: the id of the gathering with the most attendance rows (the latest
# among equals), as bench/common.sh's largest_gathering finds it but without Python. Quoted
# fields are blanked first, so that commas inside names do no harm.
most_attended_gathering() {
  awk -F, -v id="$(column "$1/events.csv" id)" -v kind="$(column "$1/events.csv" kind)" \
      -v date="$(column "$1/events.csv" date)" -v event="$(column "$1/attendance.csv" event_id)" '
    FNR == 1 { next }
    { gsub(/"[^"]*"/, "\"\"") }
    NR == FNR { if ($kind == "gathering") when[$id] = $date; next }
    $event in when { rows[$event]++ }
    END {
      for (e in rows) {
        key = sprintf("%09d %s %s", rows[e], when[e], e)
        if (key > best) { best = key; best_id = e }
      }
      print best_id
    }' "$1/events.csv" "$1/attendance.csv"
}

# first_member DIR: the id on the first row of members.csv.
first_member() {
  awk -F, -v id="$(column "$1/members.csv" id)" 'NR == 2 { gsub(/"[^"]*"/, "\"\""); print $id; exit }' "$1/members.csv"
}

# digest DIR: one checksum of a network folder's CSV files.
digest() {
  (cd "$1" && sha256sum -- *.csv) | sha256sum | cut -c 1-16
}

# run CASE ARGS...: runs the binary with ARGS from inside $out/CASE and stores what it did.
# Cases named bad-input-* should exit with status 3, all others with 0.
run() {
  local name=$1 status=0 expected=0
  shift
  mkdir "$out/$name"
  { printf 'bridgemap'; printf ' %q' "$@"; printf '\n'; } >"$out/$name/command"
  (cd "$out/$name" && "$bin" "$@" >stdout 2>stderr) || status=$?
  echo "$status" >"$out/$name/exit-code"
  case "$name" in bad-input-*) expected=3 ;; esac
  if [ "$status" = "$expected" ]; then
    printf '  %-42s exit %s\n' "$name" "$status"
  else
    printf '  %-42s exit %s, EXPECTED %s: %s\n' "$name" "$status" "$expected" "$(tail -n 1 "$out/$name/stderr")"
    unexpected=$((unexpected + 1))
  fi
  cases=$((cases + 1))
}

# cases_on NAME DATA: every case on one network, named NAME-...
cases_on() {
  local n=$1 data=$2 event member
  event=$(most_attended_gathering "$data")
  member=$(first_member "$data")
  echo "$n: $data (event $event, member $member)"
  run "$n-validate" validate "$data"
  run "$n-analyse" analyse "$data" --out results
  run "$n-analyse-json" analyse "$data" --format json
  run "$n-analyse-window-2018" analyse "$data" --from 2018 --until 2018 --out results
  run "$n-report" report "$data" --out r.html
  run "$n-report-pseudonymise" report "$data" --pseudonymise --out r.html
  run "$n-trend-year" trend "$data" --by year --out trend.csv --exposure-out exposure.csv --chart chart.svg
  run "$n-trend-year-json" trend "$data" --by year --format json
  run "$n-trend-quarter-cumulative" trend "$data" --by quarter --cumulative \
    --out trend.csv --exposure-out exposure.csv --chart chart.svg
  run "$n-trend-quarter-cumulative-json" trend "$data" --by quarter --cumulative --format json
  run "$n-introduce" introduce "$data" --count 10 --out x.csv
  run "$n-introduce-evaluate-json" introduce "$data" --format json --evaluate
  run "$n-seat" seat "$data" --event "$event" --tables 6 --out plan.csv
  run "$n-seat-json" seat "$data" --event "$event" --tables 6 --format json
  run "$n-seat-map" seat "$data" --event "$event" --tables 6 --map tables
  run "$n-map" map "$data" --out m.svg
  run "$n-map-dot" map "$data" --out m.dot
  run "$n-map-summary" map "$data" --summary --out s.svg
  run "$n-map-event" map "$data" --event "$event" --out e.dot
  run "$n-map-member" map "$data" --member "$member" --out ego.svg
}

record() {
  [ -x "$1" ] || { echo "bench: $1 is not an executable" >&2; exit 1; }
  bin=$(realpath "$1")
  mkdir -p "$2"
  out=$(realpath "$2")
  [ -z "$(ls -A "$out")" ] || { echo "bench: $out is not empty; give a new folder" >&2; exit 1; }
  cd "$(dirname "$0")/.."
  BRIDGEMAP=$bin
  . bench/common.sh
  work=$(realpath "$work")
  export LC_ALL=C TZ=UTC
  local start=$SECONDS example="$work/betterway-2017-2018" bad="$work/betterway-unknown-organisation"
  local generated organisation
  cases=0 unexpected=0

  rm -rf "$example" "$bad"
  cp -r data/betterway-2017-2018 "$example"
  cp -r data/betterway-2017-2018 "$bad"
  organisation=$(column "$bad/members.csv" organisation)
  awk -F, -v OFS=, -v c="$organisation" 'NR == 3 { $c = "no-such-organisation" } { print }' \
    "$example/members.csv" >"$bad/members.csv"
  generated=$(network 1100 7)
  {
    echo "binary $bin $(sha256sum <"$bin" | cut -c 1-16)"
    echo "network $example $(digest "$example")"
    echo "network $generated $(digest "$generated")"
    echo "network $bad $(digest "$bad")"
  } >"$out/record.txt"

  echo "Recording $bin into $out"
  cases_on example "$example"
  cases_on generated "$generated"
  echo "bad input: $bad (members.csv line 3 names an unknown organisation)"
  run bad-input-validate validate "$bad"
  run bad-input-analyse analyse "$bad" --out results
  echo "generate"
  run generate generate --members 1100 --seed 7 --out network

  echo "Recorded $cases cases in $((SECONDS - start)) s."
  if [ "$unexpected" -gt 0 ]; then
    echo "bench: $unexpected cases exited with an unexpected status (see above)" >&2
    exit 1
  fi
}

# files DIR: the files under DIR, relative to it, one a line, sorted.
files() {
  (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
}

compare() {
  local a b
  a=$(realpath "$1")
  b=$(realpath "$2")
  [ -d "$a" ] && [ -d "$b" ] || { echo "bench: compare needs two recorded folders" >&2; exit 2; }
  echo "A: $a ($(grep '^binary ' "$a/record.txt" 2>/dev/null | cut -d ' ' -f 2- || echo "no record.txt"))"
  echo "B: $b ($(grep '^binary ' "$b/record.txt" 2>/dev/null | cut -d ' ' -f 2- || echo "no record.txt"))"
  if ! cmp -s <(grep '^network ' "$a/record.txt" 2>/dev/null) <(grep '^network ' "$b/record.txt" 2>/dev/null); then
    echo "warning: A and B did not read the same networks (see record.txt); expect differences"
  fi

  local name file result same=0 differ=0
  local -a problems
  while IFS= read -r name; do
    problems=()
    if [ ! -d "$a/$name" ]; then
      problems=("only in B")
    elif [ ! -d "$b/$name" ]; then
      problems=("only in A")
    else
      while IFS= read -r file; do
        if [ ! -f "$a/$name/$file" ]; then
          problems+=("$file: only in B")
        elif [ ! -f "$b/$name/$file" ]; then
          problems+=("$file: only in A")
        elif ! result=$(cmp -- "$a/$name/$file" "$b/$name/$file" 2>&1); then
          result=${result#cmp: }
          result=${result//"$a/$name/$file"/A}
          result=${result//"$b/$name/$file"/B}
          problems+=("$file: ${result##* differ: }")
        fi
      done < <({ files "$a/$name"; files "$b/$name"; } | LC_ALL=C sort -u)
    fi
    if [ ${#problems[@]} -eq 0 ]; then
      printf 'identical  %s\n' "$name"
      same=$((same + 1))
    else
      printf 'DIFFERS    %s\n' "$name"
      printf '             %s\n' "${problems[@]}"
      differ=$((differ + 1))
    fi
  done < <(find "$a" "$b" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort -u)

  echo "$same cases identical, $differ differ"
  [ "$differ" -eq 0 ]
}

[ $# -eq 3 ] || usage
case "$1" in
  record) record "$2" "$3" ;;
  compare) compare "$2" "$3" ;;
  *) usage ;;
esac
