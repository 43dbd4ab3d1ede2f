#!/usr/bin/env python3
"""The README's "Issue and sign, step by step, with a test key", run as a new user would: every
```sh block of that section, as written, one after the other in one shell, in a fresh folder
holding only what the commands name (build/vanban, scripts/, content/, examples/). Each line "# TEXT" in
those blocks is what the command above it prints, and must be printed; then what the section
promises is checked on the files it leaves: two valid, trusted PAdES signatures on the dispatch
and on every reminder, the dispatch's signing in the register's history, the register as CSV
with a UTF-8 BOM and the register form's columns, and the same numbers after the rebuild from
nothing.

Usage: readme_walkthrough.py --vanban PATH --source DIR
Prints one line per failed check and exits 1 if there was any. Needs bash, openssl, certutil
(libnss3-tools) and pdfsig (poppler-utils).
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from e2e_checks import arguments, check, finish  # noqa: E402

SECTION = "### Issue and sign, step by step, with a test key"


def section_blocks(readme):
    """The ```sh blocks of SECTION, up to the next heading."""
    text = readme.split(SECTION, 1)[1]
    text = re.split(r"^#{2,6} ", text, maxsplit=1, flags=re.M)[0]  # "# " starts a comment line
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.M | re.S)


def pdfsig(folder, pdf):
    return subprocess.run(["pdfsig", "-nssdir", f"sql:{folder / 'keys/nss'}", pdf],
                          capture_output=True, text=True).stdout


def main():
    vanban, source = arguments()
    blocks = section_blocks((source / "README.md").read_text(encoding="utf-8"))
    if not check(len(blocks) >= 3, f"the README section has {len(blocks)} sh blocks"):
        return 1

    with tempfile.TemporaryDirectory(prefix="vanban-readme-") as tmp:
        top = Path(tmp)
        (top / "build").mkdir()
        (top / "build/vanban").symlink_to(vanban)  # finds its data beside the real binary
        shutil.copytree(source / "scripts", top / "scripts")
        shutil.copytree(source / "content", top / "content")
        shutil.copytree(source / "examples", top / "examples")
        (top / "tests/e2e").mkdir(parents=True)  # make-test-keys.sh draws the images with it
        shutil.copy(source / "tests/e2e/sign_images.py", top / "tests/e2e")
        env = {k: v for k, v in os.environ.items() if not k.startswith("VANBAN_")}
        script = "set -euo pipefail\n" + "\n".join(blocks)
        r = subprocess.run(["bash", "-c", script], cwd=top, env=env, capture_output=True, text=True, timeout=900)
        printed = r.stdout + r.stderr
        if not check(r.returncode == 0, f"the walk-through stopped (exit {r.returncode}):\n{printed}"):
            return 1

        # What the README shows each command printing.
        lines = printed.splitlines()
        for block in blocks:
            for expected in re.findall(r"^# (.*)$", block, flags=re.M):
                check(expected in lines, f"the README shows '{expected}', not printed")

        # The dispatch and every reminder: the person's signature over its revision, then the seal.
        reminders = sorted((top / "office/out/2026-11").glob("cong-van-nhac-nho-*.pdf"))
        check(len(reminders) >= 2, f"{len(reminders)} reminders")
        for pdf in [top / "issued/cong-van-nha-nuoc.pdf", *reminders]:
            out = pdfsig(top, pdf)
            check(out.count("Signature is Valid.") == 2 and out.count("Certificate is Trusted.") == 2
                  and out.count("Signature Type: ETSI.CAdES.detached") == 2
                  and "- Not total document signed" in out and "- Total document signed" in out,
                  f"{pdf.name}: {out}")

        # The dispatch's history: issued, then signed (the unsigned and the signed file's SHA-256).
        show = subprocess.run([vanban, "register", "show", "cong-van-nha-nuoc", "--register", top / "so-di.sqlite"],
                              capture_output=True, text=True).stdout
        check(re.search(r"Lịch sử: \S+ phát hành\n", show) and
              re.search(r"Lịch sử: \S+ ký số cong-van-nha-nuoc\.pdf SHA-256 [0-9a-f]{64}, bản chưa ký [0-9a-f]{64}\n", show),
              f"register show: {show}")

        # The register as CSV for Excel.
        raw = (top / "office/so-di.csv").read_bytes()
        check(raw.startswith(b"\xef\xbb\xbf"), "the CSV has no UTF-8 BOM")
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        check(rows[0][:7] == ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký",
                              "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản"], f"CSV columns: {rows[0]}")
        numbers = [row[0] for row in rows[1:]]
        check(all(f"{n:02d}-CV/BTGDVTU" in numbers for n in range(1, len(reminders) + 1)),
              f"the reminders are not numbered 01.. in the CSV: {numbers}")

        # The rebuild from nothing kept every number: the list the README diffs is unchanged.
        after = subprocess.run([vanban, "register", "list", "--register", top / "office/so-di.sqlite"],
                               capture_output=True, text=True).stdout
        check(after == (top / "office/before.txt").read_text(encoding="utf-8") and after.count("\n") == len(rows) - 1,
              f"register after the rebuild:\n{after}")

    return finish("readme_walkthrough")


if __name__ == "__main__":
    sys.exit(main())
