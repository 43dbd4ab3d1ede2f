#!/usr/bin/env python3
"""Golden page dumps: every sample of content/documents laid out in every layout family, compared
line by line with tests/golden/<sample>.<family>.txt (one line per text run: position, style,
size and text; one per path: its points; positions to 0.01 pt, see generator/layout/page_dump.cpp).

Usage: golden.py --dump PATH/vanban_golden_dump --source DIR

A difference prints a unified diff and fails. With VANBAN_UPDATE_GOLDEN=1 in the environment
(`VANBAN_UPDATE_GOLDEN=1 ctest -R golden`, or tests/golden/update.sh) the dumps are written over
the golden files instead, stale golden files are removed, and the test passes; review the change
with `git diff tests/golden` and look at the pages that changed before committing it.
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

MAX_DIFF_LINES = 200  # per file; the rest is counted


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", required=True, help="the vanban_golden_dump executable")
    parser.add_argument("--source", required=True, help="the source tree")
    args = parser.parse_args()
    source = Path(args.source).resolve()
    golden_dir = source / "tests" / "golden"
    update = os.environ.get("VANBAN_UPDATE_GOLDEN", "") not in ("", "0")

    with tempfile.TemporaryDirectory(prefix="vanban-golden-") as work:
        out = Path(work)
        result = subprocess.run([args.dump, str(source), str(out)], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"FAIL: {args.dump} exited {result.returncode}:\n{result.stdout}{result.stderr}")
            return 1
        dumps = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}
    goldens = {p.name: p for p in sorted(golden_dir.glob("*.txt"))}

    if update:
        changed = 0
        for name, text in dumps.items():
            path = golden_dir / name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed += 1
                print(f"updated {path.relative_to(source)}")
        for name, path in goldens.items():
            if name not in dumps:
                path.unlink()
                print(f"removed {path.relative_to(source)} (no such sample and family any more)")
        print(f"golden: {len(dumps)} dumps, {changed} written, {len(goldens.keys() - dumps.keys())} removed")
        return 0

    failures = 0
    for name, text in dumps.items():
        path = golden_dir / name
        rel = f"tests/golden/{name}"
        if not path.is_file():
            print(f"FAIL: {rel} is missing (a new sample or family?); run VANBAN_UPDATE_GOLDEN=1 ctest -R golden")
            failures += 1
            continue
        expected = path.read_text(encoding="utf-8")
        if expected == text:
            continue
        failures += 1
        diff = list(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                         fromfile=f"a/{rel} (golden)", tofile=f"b/{rel} (today's layout)", n=2))
        print(f"FAIL: {rel} differs from today's layout:")
        sys.stdout.writelines(diff[:MAX_DIFF_LINES])
        if len(diff) > MAX_DIFF_LINES:
            print(f"... {len(diff) - MAX_DIFF_LINES} more diff lines")
    for name in sorted(goldens.keys() - dumps.keys()):
        print(f"FAIL: tests/golden/{name} has no sample and family any more; run VANBAN_UPDATE_GOLDEN=1 ctest -R golden")
        failures += 1
    if failures:
        print(f"golden: {failures} of {len(dumps)} dumps differ. If the change is intended, look at the pages "
              f"(pdftoppm -r 80 -png), then: VANBAN_UPDATE_GOLDEN=1 ctest --test-dir build -R golden "
              f"(or tests/golden/update.sh) and commit tests/golden.")
        return 1
    print(f"golden: all {len(dumps)} dumps match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
