#!/usr/bin/env python3
"""`vanban issue` never writes outside its output folder, whatever names its input carries: input
paths with "../" or absolute, a control character in a file name, an issuer code and drafting unit
that put "/" and ".." into the printed number; and a register inside the output folder or linked
to a PDF is refused before it is opened.

Usage: hostile_names_e2e.py --vanban PATH --source DIR
Prints one line per failed check and exits 1 if there was any.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from e2e_checks import arguments, check, finish  # noqa: E402


def run(vanban, *args, cwd=None):
    return subprocess.run([vanban, *map(str, args)], capture_output=True, text=True, timeout=300, cwd=cwd)


def tree(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def main():
    vanban, source = arguments()
    sample = (source / "content/documents/cong-van-nha-nuoc.xml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="vanban-hostile-") as t:
        tmp = Path(t)
        work = tmp / "a/b"
        (work / "in").mkdir(parents=True)
        # A number symbol with "/" and "..": UBND/../../x as the code, ../.. as the unit.
        hostile = sample.replace("<code>UBND</code>", "<code>UBND/../../x</code>").replace(
            "<unit>VX</unit>", "<unit>../..</unit>")
        (work / "in/cv.xml").write_text(hostile, encoding="utf-8")
        (work / "in/cv\x07bell.xml").write_text(sample, encoding="utf-8")
        before = set(tree(tmp))
        # Relative with "..", absolute, and a control character.
        r = run(vanban, "issue", "../b/in/cv.xml", work / "in/cv.xml", work / "in/cv\x07bell.xml",
                "--register", tmp / "so.db", "-o", "out", cwd=work)
        check(r.returncode == 1, f"issue of hostile names: exit {r.returncode}: {r.stderr}")
        check("control character" in r.stderr, f"no refusal of the control character: {r.stderr!r}")
        check("already taken" in r.stderr, f"the same name twice was not refused: {r.stderr!r}")
        printed = r.stdout.splitlines()
        check(len(printed) == 1 and "/UBND/../../x-../..," in printed[0], f"issued: {printed}")
        created = set(tree(tmp)) - before
        allowed = {"so.db", "so.db-wal", "so.db-shm", "a/b/out", "a/b/out/cv.pdf", "a/b/out/cv.html"}
        check(created <= allowed and "a/b/out/cv.pdf" in created, f"files written: {sorted(created)}")

        # The register inside the output folder, or a link to a PDF: refused, nothing opened.
        out = work / "out"
        r = run(vanban, "issue", work / "in/cv.xml", "--register", out / "so.db", "-o", out)
        check(r.returncode == 2 and "inside the output folder" in r.stderr and not (out / "so.db").exists(),
              f"register inside the output folder: {r.returncode} {r.stderr!r}")
        (tmp / "link.db").symlink_to(out / "cv.pdf")
        pdf = (out / "cv.pdf").read_bytes()
        r = run(vanban, "issue", work / "in/cv.xml", "--register", tmp / "link.db", "-o", tmp / "elsewhere")
        check(r.returncode == 2 and "not a SQLite register" in r.stderr and (out / "cv.pdf").read_bytes() == pdf,
              f"register linked to a PDF: {r.returncode} {r.stderr!r}")
    return finish("hostile_names")


if __name__ == "__main__":
    sys.exit(main())
