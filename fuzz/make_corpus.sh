#!/usr/bin/env bash
# make_corpus.sh SOURCE_DIR OUT_DIR: the seed corpus of each fuzz target, OUT_DIR/<target>/,
# from the samples (content/) and the test data (tests/data/), in each target's input format.
set -euo pipefail
src=$1
out=$2
rm -rf "$out"
mkdir -p "$out"/{fuzz_markup,fuzz_meetings_xml,fuzz_meetings_csv,fuzz_month,fuzz_guidance,fuzz_template}

seed() {  # seed TARGET FILE: a copy named after the file's path in the checkout
  local name=${2#"$src"/}
  cp "$2" "$out/$1/${name//\//_}"
}

for f in "$src"/content/documents/*.xml "$src"/tests/data/bad/*.xml; do seed fuzz_markup "$f"; done
for f in "$src"/content/*/meetings.xml "$src"/tests/data/meetings/*/2026-10.xml; do
  seed fuzz_meetings_xml "$f"
done
for f in "$src"/content/*/month.xml "$src"/tests/data/month/*.xml; do seed fuzz_month "$f"; done
for f in "$src"/content/*/guidance.xml; do seed fuzz_guidance "$f"; done

# fuzz_meetings_csv: the first byte names the file (fuzz_meetings_csv.cpp): every sample and
# test file in every encoding, behind its own kind's byte.
kinds=(branches cadres assignments meetings)
while IFS= read -r f; do
  for i in "${!kinds[@]}"; do
    if [[ $(basename "$f") == "${kinds[i]}.csv" ]]; then
      name=${f#"$src"/}
      { printf "\\x0$i"; cat "$f"; } > "$out/fuzz_meetings_csv/${name//\//_}"
    fi
  done
done < <(find "$src"/content "$src"/tests/data -name '*.csv' | sort)

# fuzz_template: a byte below 128 picks a shipped template (the view follows); 128 and up takes
# a template text first, ended FuzzedDataProvider's way (a backslash and any other character;
# a backslash of the text is doubled). The views are made from the sample month's bytes.
view="$src"/content/2026-10/meetings.csv
for i in 0 1 2 3; do { printf "\\x0$i"; cat "$view"; } > "$out/fuzz_template/shipped-$i"; done
for f in "$src"/templates/documents/*.mustache; do
  { printf '\x80'; sed 's/\\/\\\\/g' "$f"; printf '\\.'; cat "$view"; } \
    > "$out/fuzz_template/$(basename "$f")"
done
