#!/usr/bin/env bash
# sanitize.sh [BUILD_DIR]: the test suite again in an AddressSanitizer + UndefinedBehaviorSanitizer
# build (clang, so that the same build also has the libFuzzer targets), then a short smoke run of
# every fuzz target. CI runs it after the ordinary suite; any sanitizer report fails the run.
# Tests labelled no-sanitizer run no code of vanban's own (Python-only checks of documents the
# ordinary run already made, the docs and include rules), so running them twice proves nothing.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$source_dir/build-sanitize}

CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVANBAN_SANITIZE=ON > "$build.configure.log" 2>&1 || { cat "$build.configure.log" >&2; exit 1; }
cmake --build "$build" -j2

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$source_dir/fuzz/lsan.supp
ctest --test-dir "$build" --output-on-failure -j2 -LE no-sanitizer
"$source_dir/fuzz/smoke.sh" "$build" "${VANBAN_FUZZ_SMOKE_SECONDS:-10}"
