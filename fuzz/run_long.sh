#!/usr/bin/env bash
# run_long.sh BUILD_DIR [RUNS] [SECONDS] [TARGET...]: the long fuzz runs (docs/fuzzing.md): each
# target (all by default, the widest input first) until RUNS executions (10,000,000) or SECONDS
# (3600) have passed, whichever comes first; FUZZ_JOBS targets at a time (1). Seeds: the build's
# corpus (BUILD_DIR/fuzz-corpus) and the regression inputs (fuzz/regression/<target>/). The
# corpus grows in BUILD_DIR/fuzz-long/<target>, so a second run goes on from the first; the log is
# BUILD_DIR/fuzz-long/<target>.log, whose last lines give executions, executions per second and
# coverage; a failing input is saved as BUILD_DIR/fuzz-artifacts/<target>-crash-… (or leak-,
# timeout-, oom-). Not part of CI, which runs smoke.sh through CTest. On a machine shared with
# other work, FUZZ_CLOCK=cpu counts SECONDS as the target's own CPU time (user and system), so
# that an hour is an hour of fuzzing however little of the machine it gets:
#   FUZZ_CLOCK=cpu nice -n 19 fuzz/run_long.sh build-asan
set -euo pipefail
build=$(realpath "$1")
runs=${2:-10000000}
seconds=${3:-3600}
jobs=${FUZZ_JOBS:-1}
clock=${FUZZ_CLOCK:-wall}
[[ $clock == wall || $clock == cpu ]] || { echo "run_long.sh: FUZZ_CLOCK is wall or cpu, not '$clock'" >&2; exit 2; }
# Wall-clock seconds per input (libFuzzer has no CPU-time limit per input): a niced run on a busy
# machine can wait a minute for the CPU, so that counting by CPU time allows ten.
timeout=${FUZZ_TIMEOUT:-$([[ $clock == cpu ]] && echo 600 || echo 60)}
shift $(( $# < 3 ? $# : 3 ))
targets=("$@")
(( ${#targets[@]} )) || targets=(fuzz_markup fuzz_meetings_csv fuzz_meetings_xml fuzz_guidance fuzz_month fuzz_template)
here=$(dirname "$(realpath "$0")")
[[ -d $build/fuzz-corpus ]] || "$here"/make_corpus.sh "$(dirname "$here")" "$build/fuzz-corpus"
mkdir -p "$build/fuzz-artifacts" "$build/fuzz-long"

cpu_seconds() {  # cpu_seconds PID: user + system seconds the process has run
  local stat; stat=$(< "/proc/$1/stat") || return 1
  local fields=(${stat##*) })  # after "PID (name) ": state is field 3, utime 14, stime 15
  echo $(( (fields[11] + fields[12]) / $(getconf CLK_TCK) ))
}

stop_after_cpu() {  # stop_after_cpu PID SECONDS MARK: interrupt PID once it has used SECONDS of CPU
  local used
  while used=$(cpu_seconds "$1" 2> /dev/null); do
    if (( used >= $2 )); then touch "$3"; kill -INT "$1"; return; fi
    sleep 5
  done
}

run_one() {  # run_one TARGET: fuzz it, then print its figures; fails if it found something
  local target=$1 log=$build/fuzz-long/$1.log status=0
  local seeds=("$build/fuzz-corpus/$target")
  [[ -d $here/regression/$target ]] && seeds+=("$here/regression/$target")
  mkdir -p "$build/fuzz-long/$target"
  # By wall clock libFuzzer stops itself; by CPU time the watcher interrupts it, which libFuzzer
  # ends with its final statistics and exit status 72: the watcher's mark tells that from a fault.
  local limit=(-max_total_time="$seconds") mark=$build/fuzz-long/$target.cpu-limit
  [[ $clock == cpu ]] && limit=()
  rm -f "$mark"
  echo "== $target: up to $runs runs or ${seconds}s of $clock time, log $log"
  "$build/fuzz/$target" -runs="$runs" "${limit[@]}" -timeout="$timeout" \
    -rss_limit_mb=2048 -dict="$here/${target#fuzz_}.dict" \
    -artifact_prefix="$build/fuzz-artifacts/$target-" -print_final_stats=1 \
    "$build/fuzz-long/$target" "${seeds[@]}" > "$log" 2>&1 &
  local fuzzer=$!
  [[ $clock == cpu ]] && stop_after_cpu "$fuzzer" "$seconds" "$mark" &
  wait "$fuzzer" || status=$?
  if (( status == 72 )) && [[ -e $mark ]]; then status=0; fi
  rm -f "$mark"
  echo "== $target: $(grep -aE '^#[0-9]+' "$log" | tail -n 1)"
  grep -aE '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  if (( status )); then echo "run_long.sh: $target found a fault (exit $status); see $log" >&2; fi
  return "$status"
}

failed=0
running=0
for target in "${targets[@]}"; do
  if (( running == jobs )); then wait -n || failed=1; running=$((running - 1)); fi
  run_one "$target" &
  running=$((running + 1))
done
while (( running )); do wait -n || failed=1; running=$((running - 1)); done
exit $failed
