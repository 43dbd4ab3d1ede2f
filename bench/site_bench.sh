#!/usr/bin/env bash
# Benchmark of the board's web site (not part of CTest): builds a synthetic province-scale month
# (vanban_make_province) without its site, then times `vanban site` on it, first from nothing and
# then again with nothing changed, and prints pages, seconds (wall and CPU), peak memory, the
# search index's size (all of it and by part, with the largest file of each) and the home page's
# size.
#
#   bench/site_bench.sh [BUILD_DIR [BRANCHES]]      (default: build, 10000)
set -euo pipefail
source "$(dirname "$0")/province_month.sh"
cp "$source_dir/content/site.xml" "$work/content/site.xml"
echo "vanban site on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e' -o "$work/time" "$vanban" build --content "$work/content" -o "$work/out" --quiet --no-site \
  2> "$work/stderr" || { echo "vanban build exited $?:" >&2; tail -5 "$work/stderr" >&2; exit 1; }
echo "documents built in $(cat "$work/time") s (not part of the site's time)"

run() {  # label
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$vanban" site --content "$work/content" --from "$work/out" \
    -o "$work/out/site" 2> "$work/stderr" || [[ $? == 1 ]] || { echo "vanban site failed:" >&2; tail -5 "$work/stderr" >&2; exit 1; }
  local left_out
  left_out=$(grep -c ': duplicate address' "$work/stderr" || true)
  read -r seconds peak_kib user system < "$work/time"
  echo "$1: ${seconds} s (CPU $(python3 -c "print(f'{$user + $system:.1f}')") s), peak memory $((peak_kib / 1024)) MiB," \
       "$left_out documents left out; $(tail -1 "$work/stderr")"
}
run "site from nothing"
run "site again, nothing changed"

python3 - "$work/out/site" <<'PY'
import pathlib, sys
site = pathlib.Path(sys.argv[1])
index = sorted((site / "tim-kiem").glob("*.js"))
def part(prefix):
    return [p.stat().st_size for p in index if p.name.startswith(prefix)]
shards, chunks, texts = part("t-"), part("d-"), part("v-")
pages = sum(1 for _ in site.rglob("*.html"))
articles = sum(1 for _ in (site / "van-ban").glob("*.html"))
print(f"{pages} pages ({articles} articles); search index {sum(shards) + sum(chunks) + sum(texts)} bytes in "
      f"{len(index)} files: {len(shards)} term shards ({sum(shards)} bytes, largest {max(shards)}), "
      f"{len(chunks)} document chunks ({sum(chunks)} bytes, largest {max(chunks)}), "
      f"{len(texts)} texts for snippets ({sum(texts)} bytes, largest {max(texts)})")
home = (site / "index.html").stat().st_size
css = (site / "assets" / "site.css").stat().st_size
print(f"home page {home} bytes, with site.css {home + css} bytes (limit 100000)")
PY
