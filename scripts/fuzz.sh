#!/usr/bin/env bash
# Build the libFuzzer targets (tests/fuzz, docs/fuzzing.md) with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, and run each for SECONDS.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   default 300 s; targets csv json workbook validate
#
# Each target starts from its seed corpus (tests/fuzz/corpus/TARGET) and regression inputs
# (tests/fuzz/regressions/TARGET); what it finds interesting is kept in build-fuzz/corpus/TARGET
# for the next run. Prints, per target, libFuzzer's final executions, executions per second,
# coverage (cov: edges, ft: features) and corpus size. A crash, leak, sanitizer report or hang
# (over 10 s for one input) is a finding: its input is written to build-fuzz/findings/TARGET/
# and the script exits 1. Once the bug is fixed, the input goes into tests/fuzz/regressions/TARGET/.
# Needs clang-14 and libfuzzer-14-dev (scripts/setup.sh test installs them). JOBS=N builds with N jobs.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv json workbook validate)
case "$seconds" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2 ;;
esac
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
echo "== building the fuzz targets in build-fuzz (clang++-14, libFuzzer, ASan, UBSan)"
cmake -S . -B build-fuzz -DBRIDGEMAP_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${launcher[@]}" >/dev/null
build_targets=()
for target in "${targets[@]}"; do build_targets+=(--target "fuzz_$target"); done
cmake --build build-fuzz -j "$jobs" "${build_targets[@]}"

# A scratch folder in memory when there is one: the targets write their input to a file each run.
scratch=$(mktemp -d "$([ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/bridgemap-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
summary=()
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  findings=build-fuzz/findings/$target
  log=build-fuzz/logs/$target.log
  mkdir -p "$corpus" "$findings" build-fuzz/logs
  echo "== fuzz_$target for $seconds s (log: $log)"
  status=0
  ./build-fuzz/tests/fuzz/fuzz_"$target" "$corpus" tests/fuzz/corpus/"$target" tests/fuzz/regressions/"$target" \
    -dict=tests/fuzz/dictionaries/"$target".dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings"/ >"$log" 2>&1 || status=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$last")
  line=$(printf '%-9s %11s execs %7s/s  cov %6s  ft %6s  corpus %s' \
    "$target" "${executions:-?}" "${per_second:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")
  if [ "$status" -ne 0 ]; then
    line+="  FINDING (exit $status): $(ls "$findings" | tr '\n' ' ')"
    failed+=("$target")
    grep -E 'ERROR: |SUMMARY: |bridgemap fuzz finding|runtime error|Test unit written' "$log" | head -n 20 || true
  fi
  echo "$line"
  summary+=("$line")
done

echo "== fuzzing: ${seconds} s per target"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "== findings in: ${failed[*]} (inputs in build-fuzz/findings/; logs in build-fuzz/logs/)" >&2
  exit 1
fi
echo "== no finding"
