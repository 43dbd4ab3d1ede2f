#!/bin/bash
# The include rule of CMakeLists.txt: a third-party package's headers are included only by the
# module named beside that package in its vanban_module(...) line (PoDoFo only in pdf/, ICU
# only in text/ ...), so each library stays behind one module. Tests may use any library to
# check output; the rule is about generator/.
# Usage: include_rules.sh SOURCE_DIR. Prints each violation as FILE:LINE: and exits 1.
set -euo pipefail
src=${1:-$(dirname "$0")/..}
cmake_lists="$src/CMakeLists.txt"
status=0

# package as CMakeLists.txt names it (an ERE over the vanban_module line) | its headers (an ERE
# over what follows "#include")
rules=(
  'PkgConfig::PODOFO|<podofo/'
  'PkgConfig::ICU|<unicode/'
  'PkgConfig::LIBXML2|<libxml/'
  'PkgConfig::FREETYPE|<ft2build\.h|<freetype/|FT_[A-Z_]+_H'
  'PkgConfig::LIBCRYPTO|<openssl/'
  'kainjow::mustache|<kainjow/'
  'PkgConfig::LIBDEFLATE|<libdeflate\.h'
  'PkgConfig::HTTPLIB|<httplib\.h'
  'nlohmann_json::nlohmann_json|<nlohmann/'
)

for rule in "${rules[@]}"; do
  package=${rule%%|*}
  headers=${rule#*|}
  allowed=$(grep -E "^vanban_module\([a-z_]+ .*${package}([ )]|$)" "$cmake_lists" |
            sed -E 's/^vanban_module\(([a-z_]+) .*/\1/' || true)
  if [[ -z $allowed ]]; then
    echo "$cmake_lists: no module is named beside ${package# }"
    status=1
    continue
  fi
  for dir in "$src"/generator/*/; do
    module=$(basename "$dir")
    grep -qx "$module" <<<"$allowed" && continue
    if grep -rnE --include='*.h' --include='*.cpp' "^[[:space:]]*#[[:space:]]*include[[:space:]]*(${headers})" "$dir"; then
      echo "  ^ only $(tr '\n' ' ' <<<"$allowed")may include the headers of ${package# }"
      status=1
    fi
  done
done
exit $status
