#!/usr/bin/env bash
# run_long.sh BUILD_DIR [RUNS] [SECONDS] [TARGET...]: the long runs the issue asks for: each
# target (all by default) until RUNS executions (10,000,000) or SECONDS (3600) have passed,
# whichever comes first, one job each. The corpus grows in BUILD_DIR/fuzz-long/<target>, so a
# second run goes on from the first; the log is BUILD_DIR/fuzz-long/<target>.log, and its last
# lines give the executions and executions per second. The seeds are made once, in
# BUILD_DIR/fuzz-corpus (smoke.sh remakes them). Not part of CI (.ci/run runs smoke.sh).
set -euo pipefail
build=$(realpath "$1")
runs=${2:-10000000}
seconds=${3:-3600}
timeout=${FUZZ_TIMEOUT:-60}  # seconds per input; more on a machine shared with others
shift $(( $# < 3 ? $# : 3 ))
targets=("$@")
(( ${#targets[@]} )) || targets=(fuzz_markup fuzz_meetings_xml fuzz_meetings_csv fuzz_month fuzz_guidance fuzz_template)
here=$(dirname "$(realpath "$0")")
[[ -d $build/fuzz-corpus ]] || "$here"/make_corpus.sh "$(dirname "$here")" "$build/fuzz-corpus"
mkdir -p "$build/fuzz-artifacts" "$build/fuzz-long"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp}

failed=0
for target in "${targets[@]}"; do
  mkdir -p "$build/fuzz-long/$target"
  log=$build/fuzz-long/$target.log
  echo "== $target: up to $runs runs or ${seconds}s, log $log"
  if ! "$build/fuzz/$target" -runs="$runs" -max_total_time="$seconds" -timeout="$timeout" \
       -rss_limit_mb=2048 -dict="$here/${target#fuzz_}.dict" \
       -artifact_prefix="$build/fuzz-artifacts/$target-" -print_final_stats=1 \
       "$build/fuzz-long/$target" "$build/fuzz-corpus/$target" > "$log" 2>&1; then
    echo "run_long.sh: $target failed; see $log and $build/fuzz-artifacts/" >&2
    failed=1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)|^Done ' "$log" || true
done
exit $failed
