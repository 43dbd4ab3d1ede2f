"""What the end-to-end scripts share: checks that say what failed and go on, so that one run shows
every failure; the two arguments CTest gives them (--vanban PATH --source DIR); the exit status."""
import argparse
from pathlib import Path

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message, flush=True)
    return condition


def arguments(description=None):
    """(the vanban binary, the source tree), both absolute."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--vanban", required=True)
    parser.add_argument("--source", required=True)
    a = parser.parse_args()
    return Path(a.vanban).resolve(), Path(a.source).resolve()


def finish(name):
    """Says how the checks went; the exit status: 1 if any failed."""
    print(f"{name}: " + (f"{len(FAILURES)} checks failed" if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0
