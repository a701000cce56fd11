# Sourced by the bench scripts: the binary, the work folder, the tools they need, generated
# networks made once, and one measurement.
#
#   BRIDGEMAP  the bridgemap binary (default ./build/bridgemap; scripts/setup.sh build)
#   BENCH_DIR  where networks and outputs go (default /tmp/bridgemap-bench), reused
bin=${BRIDGEMAP:-./build/bridgemap}
work=${BENCH_DIR:-/tmp/bridgemap-bench}
mkdir -p "$work"

[ -x "$bin" ] || { echo "bench: $bin not found; run scripts/setup.sh build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

# need_python WHY: stops with a message when python3 is missing.
need_python() {
  command -v python3 >/dev/null || { echo "bench: python3 is needed $1" >&2; exit 1; }
}

# network N [SEED]: the folder of a generated network of N members (seed 1 by default),
# made once.
network() {
  local seed=${2:-1}
  local dir="$work/members-$1"
  [ "$seed" = 1 ] || dir="$dir-seed-$seed"
  [ -f "$dir/members.csv" ] || "$bin" generate --members "$1" --seed "$seed" --out "$dir" >/dev/null
  echo "$dir"
}

# measure LABEL COMMAND...: runs the command once and prints its wall time and peak memory
# (the label column is $label_width wide, 52 by default).
measure() {
  local label=$1; shift
  local log
  log=$(mktemp)
  if /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$log.err"; then
    read -r seconds kilobytes <"$log"
    printf "  %-${label_width:-52}s %8.2f s %6d MB\n" "$label" "$seconds" "$((kilobytes / 1024))"
  else
    printf "  %-${label_width:-52}s FAILED: %s\n" "$label" "$(tail -n 1 "$log.err")"
  fi
  rm -f "$log" "$log.err"
}

# against SECONDS MEGABYTES LABEL COMMAND...: like measure, with the target next to the figure
# (MEGABYTES may be - for no memory target): "met" or "MISSED". One run.
against() {
  local seconds_target=$1 megabytes_target=$2 label=$3; shift 3
  local log seconds kilobytes
  log=$(mktemp)
  if /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$log.err"; then
    read -r seconds kilobytes <"$log"
    awk -v label="$label" -v s="$seconds" -v kb="$kilobytes" -v ts="$seconds_target" -v tm="$megabytes_target" \
        -v width="${label_width:-52}" 'END {
      mb = kb / 1024; met = (s <= ts) && (tm == "-" || mb <= tm)
      target = "≤ " ts " s" (tm == "-" ? "" : ", ≤ " (tm >= 1024 ? tm / 1024 " GB" : tm " MB"))
      printf "  %-" width "s %8.2f s %6d MB   %-6s (target %s)\n", label, s, mb, met ? "met" : "MISSED", target
    }' /dev/null
  else
    printf "  %-${label_width:-52}s FAILED: %s\n" "$label" "$(tail -n 1 "$log.err")"
  fi
  rm -f "$log" "$log.err"
}

# datasets: the shared datasets folder (the build's BRIDGEMAP_DATASETS_DIR, else
# ../shared/datasets next to the repository); its data are read there, never copied here.
datasets() {
  local dir=${BRIDGEMAP_DATASETS_DIR:-}
  [ -n "$dir" ] || dir=$(sed -n 's/^BRIDGEMAP_DATASETS_DIR:PATH=//p' build/CMakeCache.txt 2>/dev/null || true)
  [ -n "$dir" ] || dir=../shared/datasets
  echo "$dir"
}

# coauthorship NAME: the network folder of Newman's arXiv co-authorship network NAME (cond-mat,
# astro-ph), written once into the work folder by bench/coauthorship.py.
coauthorship() {
  local dir="$work/coauthorship-$1"
  if [ ! -f "$dir/ties.csv" ]; then
    need_python "to convert the co-authorship network"
    python3 bench/coauthorship.py "$1" "$(datasets)" "$dir" 2>/dev/null
  fi
  echo "$dir"
}

# largest_gathering DIR [NAME-PATTERN]: "id date" of the gathering with the most attendance
# rows (the latest among equals) whose name matches the pattern.
largest_gathering() {
  need_python "to find the largest gathering"
  python3 - "$1" "${2:-}" <<'EOF'
import csv, sys, collections
folder, pattern = sys.argv[1], sys.argv[2]
events = {row["id"]: row for row in csv.DictReader(open(folder + "/events.csv", encoding="utf-8-sig"))}
count = collections.Counter(row["event_id"] for row in csv.DictReader(open(folder + "/attendance.csv", encoding="utf-8-sig")))
best = max((count[e], events[e]["date"], e) for e in events
           if events[e]["kind"] == "gathering" and pattern in events[e]["name"])
print(best[2], best[1])
EOF
}
