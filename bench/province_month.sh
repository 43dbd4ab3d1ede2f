# Sourced by build_bench.sh and site_bench.sh, after `set -euo pipefail`: their shared set-up.
# Reads the script's arguments [BUILD_DIR [BRANCHES]] (default: build, 10000); sets source_dir,
# build_dir, branches, vanban and work (a temporary folder removed on exit), then writes the
# synthetic province-scale month (vanban_make_province) into $work/content.
bench_name=$(basename "$0")
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build}
branches=${2:-10000}
vanban=$build_dir/vanban
make_province=$build_dir/bench/vanban_make_province
for tool in "$vanban" "$make_province" /usr/bin/time; do
  [[ -x $tool ]] || { echo "$bench_name: $tool not found (build first; /usr/bin/time is in package time)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/vanban-${bench_name%.sh}-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$make_province" "$work/content" --branches "$branches"
# ext4 without a journal (as here) does not hand out again an inode freed in the last minute (five
# while its table block is not yet written back), and looks at each such inode in turn when it
# creates a file: a build run just after an earlier run's 30,000 files were removed spends seconds
# of system time on that alone. Written back and waited for, the figures are the build's own.
sync
sleep "${VANBAN_BENCH_SETTLE:-61}"
