#!/usr/bin/env bash
# How memory grows with the size of a month (not part of CTest): for each number of branches,
# writes a synthetic province with vanban_make_province (the CSV set, as large provinces send
# it) and prints the peak RSS of
#   - the month's preparation (vanban_month_memory: read, check, figures, every document's markup;
#     the records, figures and plan are in a scratch database on disk), and
#   - with --build, the whole `vanban build` (GNU time), whose rendering adds a bounded amount:
#     at most 4 x jobs documents are in flight. A full build writes ~60 KB of documents per branch
#     and ~1.8 KB of scratch databases while it runs: a million branches need some 65 GB of disk.
#
#   bench/memory_scaling.sh [--build] [BUILD_DIR [BRANCHES...]]   (default: build, 1000 10000 100000 1000000)
set -euo pipefail
full_build=false
if [[ ${1:-} == --build ]]; then full_build=true; shift; fi
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000 1000000)
for tool in "$build_dir/vanban" "$build_dir/bench/vanban_make_province" "$build_dir/bench/vanban_month_memory" /usr/bin/time; do
  [[ -x $tool ]] || { echo "memory_scaling.sh: $tool not found (build first; /usr/bin/time is in package time)" >&2; exit 2; }
done

echo "memory by month size on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
work=
trap '[[ -n $work ]] && rm -rf "$work"' EXIT
for branches in "${sizes[@]}"; do
  work=$(mktemp -d "${TMPDIR:-/tmp}/vanban-memory-XXXXXX")
  "$build_dir/bench/vanban_make_province" "$work/content" --branches "$branches" --csv > /dev/null
  line="$branches branches: preparation $("$build_dir/bench/vanban_month_memory" "$work/content/2026-10" --csv)"
  if $full_build; then
    /usr/bin/time -f '%e %M' -o "$work/time" "$build_dir/vanban" build --content "$work/content" -o "$work/out" \
      --quiet --csv --max-input-mb 2047 --max-elements 100000000 2> "$work/stderr" ||
      { echo "vanban build exited $?:" >&2; tail -20 "$work/stderr" >&2; exit 1; }
    read -r seconds peak_kib < "$work/time"
    line+="; full build $(( peak_kib / 1024 )) MiB peak in $seconds s"
  fi
  echo "$line"
  rm -rf "$work"
done
