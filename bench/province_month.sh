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
