#!/usr/bin/env bash
# smoke.sh BUILD_DIR [SECONDS]: runs every fuzz target of a sanitizer build (-DVANBAN_SANITIZE=ON
# with clang) for SECONDS (20) from its seed corpus with its dictionary; fails on the first crash,
# leak, undefined behaviour or hang. New inputs go to a scratch folder, so every run starts from
# the same seeds; a crashing input and each target's log are kept in BUILD_DIR/fuzz-artifacts/.
set -euo pipefail
build=$(realpath "$1")
seconds=${2:-20}
here=$(dirname "$(realpath "$0")")
"$here"/make_corpus.sh "$(dirname "$here")" "$build/fuzz-corpus"
mkdir -p "$build/fuzz-artifacts"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp}

for target in fuzz_markup fuzz_meetings_xml fuzz_meetings_csv fuzz_month fuzz_guidance fuzz_template; do
  dict=$here/${target#fuzz_}.dict
  mkdir "$scratch/$target"
  echo "== $target: ${seconds}s"
  log=$build/fuzz-artifacts/$target.log
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
       -dict="$dict" -artifact_prefix="$build/fuzz-artifacts/$target-" -print_final_stats=1 \
       "$scratch/$target" "$build/fuzz-corpus/$target" > "$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "smoke.sh: $target failed; the log and the input are in $build/fuzz-artifacts/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done ' "$log"
done
