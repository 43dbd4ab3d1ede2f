#!/usr/bin/env bash
# smoke.sh BUILD_DIR SECONDS TARGET...: each fuzz target of a sanitizer build
# (-DVANBAN_SANITIZE=ON with clang) for SECONDS from its seed corpus (BUILD_DIR/fuzz-corpus, made
# by the build) with its dictionary; fails on a crash, leak, undefined behaviour, out-of-memory or
# hang. New inputs go to a scratch folder, so every run starts from the same seeds; a failing
# input and each target's log are kept in BUILD_DIR/fuzz-artifacts/. CTest runs one target per
# test (fuzz_smoke_*), so `ctest -j2` fuzzes two at a time.
set -euo pipefail
build=$(realpath "$1")
seconds=$2
shift 2
here=$(dirname "$(realpath "$0")")
mkdir -p "$build/fuzz-artifacts"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for target in "$@"; do
  mkdir "$scratch/$target"
  echo "== $target: ${seconds}s"
  log=$build/fuzz-artifacts/$target.log
  # -timeout is wall-clock time per input: generous, as CI's two cores are busy with other tests.
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
       -dict="$here/${target#fuzz_}.dict" -artifact_prefix="$build/fuzz-artifacts/$target-" \
       -print_final_stats=1 "$scratch/$target" "$build/fuzz-corpus/$target" > "$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "smoke.sh: $target failed; its log and the input are in $build/fuzz-artifacts/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done ' "$log"
done
