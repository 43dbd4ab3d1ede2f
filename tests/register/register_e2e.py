#!/usr/bin/env python3
"""End-to-end tests of `vanban issue` and `vanban register` on the sample State dispatch:
numbering, reruns, refusal of changed content and re-issue, CSV export, two processes issuing at
once, usage errors.

Usage: register_e2e.py --vanban PATH --source DIR
Prints one line per failed check and exits 1 if there was any. Needs python3 and poppler-utils.
"""
import csv
import hashlib
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from e2e_checks import arguments, check, finish  # noqa: E402


def run(vanban, *args, env=None):
    return subprocess.run([vanban, *map(str, args)], capture_output=True, text=True, env=env, timeout=300)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def main():
    vanban, source = arguments()
    sample = source / "content/documents/cong-van-nha-nuoc.xml"

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db, out = tmp / "so-di.db", tmp / "out"
        doc = tmp / "cong-van.xml"
        doc.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")

        # First issue: number 01 of 2026, the document's own date, files written and recorded.
        r = run(vanban, "issue", doc, "--register", db, "-o", out)
        check(r.returncode == 0, f"issue exited {r.returncode}: {r.stderr}")
        check(r.stdout == f"{doc}: 01/UBND-VX, 2026-06-03: issued\n", f"issue printed {r.stdout!r}")
        text = pdf_text(out / "cong-van.pdf")
        check("Số: 01/UBND-VX" in text and "1234" not in text, "the PDF does not show Số: 01/UBND-VX")
        check("ngày 03 tháng 6 năm 2026" in text, "the PDF does not show the issue date")
        first_pdf = (out / "cong-van.pdf").read_bytes()

        # A rerun keeps the number and date, and writes the same bytes.
        r = run(vanban, "issue", doc, "--register", db, "-o", out, "--date", "2026-07-01")
        check(r.returncode == 0 and "01/UBND-VX, 2026-06-03: already issued, unchanged" in r.stdout,
              f"rerun: {r.returncode} {r.stdout!r} {r.stderr!r}")
        check((out / "cong-van.pdf").read_bytes() == first_pdf, "a rerun changed the PDF")

        # Another document of the same issuer (VANBAN_REGISTER instead of --register), dated by --date.
        other = tmp / "cong-van-2.xml"
        other.write_text(doc.read_text(encoding="utf-8").replace("37 ấp", "38 ấp"), encoding="utf-8")
        env = dict(os.environ, VANBAN_REGISTER=str(db))
        r = run(vanban, "issue", other, "-o", out, "--date", "2026-06-10", env=env)
        check(r.returncode == 0 and "02/UBND-VX, 2026-06-10: issued" in r.stdout, f"second: {r.stdout!r} {r.stderr!r}")
        check("ngày 10 tháng 6 năm 2026" in pdf_text(out / "cong-van-2.pdf"), "--date is not printed")

        # Changed content is refused with the document's place, and nothing is rewritten.
        doc.write_text(doc.read_text(encoding="utf-8").replace("khẩn trương", "nhanh chóng"), encoding="utf-8")
        r = run(vanban, "issue", doc, "--register", db, "-o", out)
        check(r.returncode == 1, f"changed content exited {r.returncode}")
        check(r.stderr.startswith(f"{doc}:5:1: the content has changed since it was issued as number 1 on "
                                  "2026-06-03; re-issue it explicitly (vanban issue --reissue)"), f"refusal: {r.stderr!r}")
        check((out / "cong-van.pdf").read_bytes() == first_pdf, "a refused document was rewritten")

        r = run(vanban, "issue", doc, "--register", db, "-o", out, "--reissue")
        check(r.returncode == 0 and "01/UBND-VX, 2026-06-03: re-issued" in r.stdout, f"reissue: {r.stdout!r} {r.stderr!r}")
        check("nhanh chóng" in pdf_text(out / "cong-van.pdf"), "the re-issued PDF lacks the new text")

        r = run(vanban, "register", "show", "01/UBND-VX", "--register", db)
        check(r.returncode == 0, f"show exited {r.returncode}: {r.stderr}")
        check("Lịch sử:" in r.stdout and "phát hành lại, nội dung trước" in r.stdout, f"show: {r.stdout}")
        check("Người ký: Nguyễn Thị Kim Xuyến" in r.stdout and "Bản lưu: VT, VX" in r.stdout, f"show: {r.stdout}")

        r = run(vanban, "register", "list", "--register", db)
        check(r.stdout.splitlines() == [
            "01/UBND-VX  03/06/2026  Công văn bố trí địa điểm và kinh phí cho sinh hoạt định kỳ của chi hội, tổ hội  [cong-van]",
            "02/UBND-VX  10/06/2026  Công văn bố trí địa điểm và kinh phí cho sinh hoạt định kỳ của chi hội, tổ hội  [cong-van-2]"],
            f"list: {r.stdout!r}")

        # The export opens as CSV: BOM, Vietnamese headers, the files' SHA-256.
        csv_path = tmp / "so-di.csv"
        r = run(vanban, "register", "export", "-o", csv_path, "--register", db)
        check(r.returncode == 0, f"export exited {r.returncode}: {r.stderr}")
        raw = csv_path.read_bytes()
        check(raw.startswith(b"\xef\xbb\xbf"), "the CSV has no BOM")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        check(rows[0][:3] == ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung"],
              f"headers: {rows[0]}")
        check(len(rows) == 3 and rows[1][0] == "01/UBND-VX" and rows[1][1] == "03/06/2026", f"rows: {rows}")
        check(rows[1][5] == "VT, VX" and rows[1][6] == "10", f"archive and copies: {rows[1]}")
        pdf_hash = hashlib.sha256((out / "cong-van.pdf").read_bytes()).hexdigest()
        check(f"cong-van.pdf {pdf_hash}" in rows[1][10], f"files: {rows[1][10]!r}")
        check(rows[1][9].startswith("Phát hành lại "), f"notes: {rows[1][9]!r}")

        # Two processes issuing at once: no duplicate, no gap.
        batches = []
        for p in range(2):
            files = []
            for i in range(8):
                f = tmp / f"batch{p}" / f"cv-{p}-{i}.xml"
                f.parent.mkdir(exist_ok=True)
                f.write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
                files.append(f)
            batches.append(files)
        procs = [subprocess.Popen([vanban, "issue", *map(str, files), "--register", str(db), "-o", str(tmp / "out2"),
                                   "--date", "2026-06-11"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for files in batches]
        outputs = [p.communicate(timeout=300) for p in procs]
        check(all(p.returncode == 0 for p in procs), f"concurrent issue failed: {[o[1] for o in outputs]}")
        numbers = sorted(int(line.split(": ")[1].split("/")[0]) for o in outputs for line in o[0].splitlines())
        check(numbers == list(range(3, 19)), f"concurrent numbers: {numbers}")

        # Party documents: per type through the committee's term, which the register must know.
        party_db, docs = tmp / "tinh-uy.db", source / "content/documents"
        r = run(vanban, "issue", docs / "chi-thi-dang.xml", "--register", party_db, "-o", out)
        check(r.returncode == 1 and "no term of issuer 'TU (" in r.stderr and "has begun by 2026-03-12" in r.stderr,
              f"Party issue without a term: {r.returncode} {r.stderr!r}")
        r = run(vanban, "register", "term", "--issuer", "TU", "--from", "2025-10-15", "--register", party_db)
        check(r.returncode == 0 and r.stdout == "TU  nhiệm kỳ từ 15/10/2025\n", f"term: {r.stdout!r} {r.stderr!r}")
        r = run(vanban, "issue", docs / "chi-thi-dang.xml", docs / "cong-van-dang.xml", "--register", party_db, "-o", out)
        check(r.returncode == 0 and "01-CT/TU, 2026-03-12: issued" in r.stdout and "01-CV/TU, 2026-05-20: issued" in r.stdout,
              f"Party issue: {r.stdout!r} {r.stderr!r}")
        check("Số 01-CT/TU" in pdf_text(out / "chi-thi-dang.pdf"), "the Party directive does not show Số 01-CT/TU")

        # Outside every series: a cadre's own report (<unnumbered/>) and a document whose number
        # and date a signing tool stamps (<external-signing>) are refused at their element, take
        # no number and write nothing; the other document of the same run is still issued.
        personal = tmp / "ca-nhan.xml"
        personal.write_text(doc.read_text(encoding="utf-8").replace(
            "<number>1234</number>", "<unnumbered/>"), encoding="utf-8")
        prepared = tmp / "cho-ky.xml"
        prepared.write_text(doc.read_text(encoding="utf-8").replace(
            "<number>1234</number>", '<external-signing field="ChuKy"/>'), encoding="utf-8")
        fresh = tmp / "cong-van-3.xml"
        fresh.write_text(other.read_text(encoding="utf-8").replace("38 ấp", "39 ấp"), encoding="utf-8")
        r = run(vanban, "issue", personal, prepared, fresh, "--register", db, "-o", tmp / "out3", "--date", "2026-06-12")
        check(r.returncode == 1, f"issuing outside a series exited {r.returncode}")
        check(f"{personal}:11:3: a document with <unnumbered/> is in no number series (a cadre's own report) and is "
              "not issued through the register" in r.stderr, f"unnumbered: {r.stderr!r}")
        check(f"{prepared}:11:3: a document with <external-signing> gets its number and date from the signing tool"
              in r.stderr, f"external signing: {r.stderr!r}")
        check(r.stdout == f"{fresh}: 19/UBND-VX, 2026-06-12: issued\n", f"the valid document beside them: {r.stdout!r} {r.stderr!r}")
        check(sorted(p.name for p in (tmp / "out3").iterdir()) == ["cong-van-3.html", "cong-van-3.pdf"],
              f"written: {sorted(p.name for p in (tmp / 'out3').iterdir())}")
        r = run(vanban, "register", "list", "--register", db)
        check(not any(n in r.stdout for n in ("[ca-nhan]", "[cho-ky]")) and "19/UBND-VX" in r.stdout,
              f"recorded outside a series: {r.stdout!r}")

        # Usage errors.
        r = run(vanban, "issue", doc, env={k: v for k, v in os.environ.items() if k != "VANBAN_REGISTER"})
        check(r.returncode == 2 and "issue needs a register: --register FILE or VANBAN_REGISTER" in r.stderr,
              f"no register: {r.returncode} {r.stderr!r}")
        r = run(vanban, "register", "list", "--register", tmp / "missing.db")
        check(r.returncode == 2 and "no register here" in r.stderr, f"missing register: {r.stderr!r}")
        check(not (tmp / "missing.db").exists(), "register list created a register")
        r = run(vanban, "register", "show", "99/UBND-VX", "--register", db)
        check(r.returncode == 1, f"show of an unknown number exited {r.returncode}")
        r = run(vanban, "issue", doc, "--register", db, "--date", "2026-02-30")
        check(r.returncode == 2 and "bad --date '2026-02-30'" in r.stderr, f"bad date: {r.stderr!r}")

    return finish("register")


if __name__ == "__main__":
    sys.exit(main())
