#!/usr/bin/env bash
# Benchmark of the board's web site (not part of CTest): builds a synthetic province-scale month
# (vanban_make_province) without its site, then times `vanban site` on it, first from nothing and
# then again with nothing changed, and prints pages, seconds, peak memory, the search index's
# size (all of it, its largest shard and document chunk) and the home page's size.
#
#   bench/site_bench.sh [BUILD_DIR [BRANCHES]]      (default: build, 10000)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build}
branches=${2:-10000}
vanban=$build_dir/vanban
make_province=$build_dir/bench/vanban_make_province
for tool in "$vanban" "$make_province" /usr/bin/time; do
  [[ -x $tool ]] || { echo "site_bench.sh: $tool not found (build first; /usr/bin/time is in package time)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/vanban-site-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$make_province" "$work/content" --branches "$branches"
cp "$source_dir/content/site.xml" "$work/content/site.xml"
echo "vanban site on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e' -o "$work/time" "$vanban" build --content "$work/content" -o "$work/out" --quiet --no-site \
  2> "$work/stderr" || { echo "vanban build exited $?:" >&2; tail -5 "$work/stderr" >&2; exit 1; }
echo "documents built in $(cat "$work/time") s (not part of the site's time)"

run() {  # label
  /usr/bin/time -f '%e %M' -o "$work/time" "$vanban" site --content "$work/content" --from "$work/out" \
    -o "$work/out/site" 2> "$work/stderr" || [[ $? == 1 ]] || { echo "vanban site failed:" >&2; tail -5 "$work/stderr" >&2; exit 1; }
  local left_out
  left_out=$(grep -c ': duplicate address' "$work/stderr" || true)
  read -r seconds peak_kib < "$work/time"
  echo "$1: ${seconds} s, peak memory $((peak_kib / 1024)) MiB, $left_out documents left out; $(tail -1 "$work/stderr")"
}
run "site from nothing"
run "site again, nothing changed"

python3 - "$work/out/site" <<'PY'
import pathlib, sys
site = pathlib.Path(sys.argv[1])
index = sorted((site / "tim-kiem").glob("*.js"))
shards = [p.stat().st_size for p in index if p.name.startswith("t-")]
chunks = [p.stat().st_size for p in index if p.name.startswith("d-")]
pages = sum(1 for _ in site.rglob("*.html"))
articles = sum(1 for _ in (site / "van-ban").glob("*.html"))
print(f"{pages} pages ({articles} articles); search index {sum(shards) + sum(chunks)} bytes: "
      f"{len(shards)} term shards (largest {max(shards)} bytes, postings {sum(shards)} bytes), "
      f"{len(chunks)} document chunks (largest {max(chunks)} bytes, {sum(chunks)} bytes)")
home = (site / "index.html").stat().st_size
css = (site / "assets" / "site.css").stat().st_size
print(f"home page {home} bytes, with site.css {home + css} bytes (limit 100000)")
PY
