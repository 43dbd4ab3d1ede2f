#!/bin/sh
# Rewrites tests/golden/*.txt from today's layout (the golden page dumps of every sample in every
# layout family), then shows what changed. Usage: tests/golden/update.sh [BUILD_DIR]  (default: build)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build}
cmake --build "$build" --target vanban_golden_dump
VANBAN_UPDATE_GOLDEN=1 ctest --test-dir "$build" -R '^golden_page_dumps$' --output-on-failure
git -C "$top" status --short -- tests/golden
