#!/usr/bin/env bash
# Benchmark of `vanban build` (not part of CTest): writes a synthetic province-scale month with
# vanban_make_province into a temporary folder, builds it with every core, and prints documents,
# seconds, documents per second and peak memory (GNU time, Debian package `time`).
#
#   bench/build_bench.sh [BUILD_DIR [BRANCHES]]      (default: build, 10000)
set -euo pipefail
source "$(dirname "$0")/province_month.sh"

run() {  # label, then vanban build's arguments
  local label=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$vanban" build --content "$work/content" -o "$work/out" --quiet "$@" \
    2> "$work/stderr" || { echo "vanban build exited $?:" >&2; tail -20 "$work/stderr" >&2; exit 1; }
  read -r seconds peak_kib user system < "$work/time"
  local documents
  documents=$(python3 -c 'import json, sys; c = json.load(open(sys.argv[1]))["counts"]; print(c["written"], c["unchanged"])' \
              "$work/out/2026-10/run-report.json")
  read -r written unchanged <<< "$documents"
  python3 - "$label" "$written" "$unchanged" "$seconds" "$peak_kib" "$user" "$system" <<'PY'
import sys
label, written, unchanged = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seconds, peak, cpu = float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]) + float(sys.argv[7])
rate = (written + unchanged) / seconds if seconds else 0
print(f"{label}: {written + unchanged} documents ({written} written, {unchanged} unchanged) in {seconds:.2f} s: "
      f"{rate:.0f} documents/s, peak memory {peak / 1024:.0f} MiB, CPU {cpu:.1f} s")
PY
}

# Other work on the machine slows the wall clock, not the CPU time: the load is printed with it.
# So does the file system: ext4 without a journal searches recently freed inodes on every file
# it creates (README, Performance); the one the output is on is printed too.
echo "vanban build on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "output on $(findmnt -n -o SOURCE,FSTYPE --target "$work" | tr -s ' ') ($(findmnt -n -o OPTIONS --target "$work"))"
run "full build"
run "rerun (nothing changed)"
