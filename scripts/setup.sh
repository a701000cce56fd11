#!/usr/bin/env bash
# Set up bridgemap on a fresh Debian machine, build it, and run it.
#
#   scripts/setup.sh example   install what is missing, build, and write the report of the
#                              bundled example network (data/betterway-2017-2018)
#   scripts/setup.sh test      install what is missing (with the test tools), check the
#                              formatting, build, and run the whole test suite, then again
#                              under AddressSanitizer/UBSan, then fuzz each reader for a minute
#                              (scripts/fuzz.sh; BRIDGEMAP_FUZZ_SECONDS sets how long)
#   scripts/setup.sh build     install what is missing and build only
#   scripts/setup.sh bench     install what is missing with the benchmark's peers (graph-tool,
#                              python-igraph, NetworkX) and /usr/bin/time, and build, for
#                              bench/run.sh and bench/compare_libraries.py (docs/performance.md)
#
# Every dependency is a Debian package, except the report's map libraries (sigma.js and
# graphology), which npm installs from the registry into viewer/node_modules, pinned by
# viewer/package-lock.json; nothing else is downloaded or vendored.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-example}
case "$mode" in
  example | test | build | bench) ;;
  *) echo "usage: scripts/setup.sh [example|test|build|bench]" >&2; exit 2 ;;
esac

# What the library and the command need.
packages=(g++ cmake make pkg-config
          libigraph-dev libboost-graph-dev libgraphviz-dev graphviz
          nlohmann-json3-dev libcli11-dev libgtest-dev libzip-dev libexpat1-dev libxlsxwriter-dev)
# What the tests need besides: NetworkX and python-igraph recompute the reference
# values and, with openpyxl, read every export back; Chromium (driven through python3-websocket)
# renders the HTML report and prints it and the seating printouts to PDF, whose pages and
# text poppler-utils (pdfinfo, pdftotext) reads back; xmllint checks SVG; clang-format checks
# that the code is laid out as .clang-format says; clang and libFuzzer build the fuzz targets
# (scripts/fuzz.sh).
if [ "$mode" = test ]; then
  packages+=(python3 python3-networkx python3-igraph python3-openpyxl python3-websocket chromium poppler-utils libxml2-utils clang-format
             clang-14 libfuzzer-14-dev)
fi

# What the benchmark needs besides: the peers it compares with (graph-tool, python-igraph,
# NetworkX; numpy comes with them) and /usr/bin/time for wall time and peak memory.
if [ "$mode" = bench ]; then
  packages+=(python3 python3-graph-tool python3-igraph python3-networkx python3-numpy time)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node.js and npm install the report's map libraries; Debian's packages when missing.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "== installing nodejs npm"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq nodejs npm >/dev/null
fi
# npm ci only when node_modules is missing or older than the lock file, so that an offline
# machine that has them builds.
if [ ! -f viewer/node_modules/.package-lock.json ] ||
   [ viewer/package-lock.json -nt viewer/node_modules/.package-lock.json ]; then
  echo "== npm ci (viewer/: sigma.js and graphology for the report's map)"
  (cd viewer && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi

jobs=$(nproc 2>/dev/null || echo 2)

build() {  # build DIR [cmake options...]; BUILD_TARGET limits it to one target
  local dir=$1; shift
  echo "== building in $dir"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
}

case "$mode" in
  build)
    build build
    ;;
  bench)
    BUILD_TARGET=bridgemap build build  # the program only
    ;;
  example)
    BUILD_TARGET=bridgemap build build  # the program only; the tests are built by 'test'
    echo "== bridgemap report data/betterway-2017-2018 --out report.html"
    ./build/bridgemap report data/betterway-2017-2018 --out report.html
    ;;
  test)
    echo "== formatting (clang-format with .clang-format)"
    find core cli viz tests examples bench \( -name '*.cpp' -o -name '*.hpp' \) -print0 |
      xargs -0 clang-format --dry-run --Werror
    build build
    echo "== tests"
    ctest --test-dir build --output-on-failure -j "$jobs"
    build build-sanitize -DBRIDGEMAP_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-sanitize --output-on-failure -j "$jobs" -LE no-sanitize
    echo "== fuzzing the readers under AddressSanitizer and UndefinedBehaviorSanitizer (a finding fails)"
    JOBS=$jobs scripts/fuzz.sh "${BRIDGEMAP_FUZZ_SECONDS:-60}"
    echo "== all tests passed"
    ;;
esac
