#!/usr/bin/env python3
"""End-to-end test of `vanban build` numbering a month through the register named in month.xml,
and signing what it issues: the numbers are the same on a rerun, whatever the thread count and
with the outputs deleted; the register records the signed PDFs' SHA-256; pdfsig finds them valid.

Usage: build_register_e2e.py --vanban PATH --source DIR
Prints one line per failed check and exits 1 if there was any. Needs openssl, certutil
(libnss3-tools), pdfsig and pdftotext (poppler-utils).
"""
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from e2e_checks import arguments, check, finish  # noqa: E402


def run(*args, env=None):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, timeout=600)


def main():
    vanban, source = arguments()

    with tempfile.TemporaryDirectory(prefix="vanban-build-register-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(source / "examples/tp-ho-chi-minh/2026-11", tmp / "content/2026-11")
        month = tmp / "content/2026-11/month.xml"
        text = month.read_text(encoding="utf-8")
        text = re.sub(r' first(-report)?-number="\d+"', "", text)
        text = text.replace("  <board key", '  <register file="../../so-di.sqlite"/>\n  <board key', 1)
        month.write_text(text, encoding="utf-8")
        db = tmp / "so-di.sqlite"
        env = dict(os.environ, VANBAN_PASSWORD="test")
        keys = tmp / "keys"
        r = run(source / "scripts/make-test-keys.sh", keys, env=env)
        if not check(r.returncode == 0, f"make-test-keys.sh: {r.stderr}"):
            return 1

        def build(jobs):
            return run(vanban, "build", "--content", tmp / "content", "-o", tmp / "out", "--quiet", "--jobs", jobs,
                       "--data", source, "--key", keys / "person.p12", "--password-env", "VANBAN_PASSWORD",
                       "--signature-image", keys / "signature.png", "--seal-key", keys / "organisation.p12",
                       "--seal-password-env", "VANBAN_PASSWORD", "--seal-image", keys / "seal.png", env=env)

        def register_csv():
            r = run(vanban, "register", "export", "--register", db)
            check(r.returncode == 0, f"register export: {r.stderr}")
            return list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff"))))

        # Party bodies number per term: without one recorded, their documents are refused.
        r = build(2)
        check(r.returncode == 1 and "no term of issuer 'BTGDVTU (Ban Tuyên giáo và Dân vận, Thành ủy" in r.stderr,
              f"build without a term: {r.stderr}")
        # A term by code alone serves the board; each ward's ĐU gets its own, by name.
        party = "Đảng bộ Thành phố Hồ Chí Minh"
        for term in (["--issuer", "BTGDVTU"],
                     ["--issuer", "ĐU", "--name", "Đảng ủy phường Rạch Cát Đông", "--parent", party],
                     ["--issuer", "ĐU", "--name", "Đảng ủy đặc khu Hòn Rồng", "--parent", party]):
            r = run(vanban, "register", "term", "--register", db, *term, "--from", "2025-10-15")
            check(r.returncode == 0, f"register term {term}: {r.stderr}")
        r = run(vanban, "register", "term", "--register", db, "--issuer", "ĐU")
        check(r.stdout == f"ĐU (Đảng ủy phường Rạch Cát Đông, {party})  nhiệm kỳ từ 15/10/2025\n"
                         f"ĐU (Đảng ủy đặc khu Hòn Rồng, {party})  nhiệm kỳ từ 15/10/2025\n", f"ĐU terms: {r.stdout!r}")

        r = build(2)
        check(r.returncode == 0, f"build: exit {r.returncode}: {r.stderr}")
        first = register_csv()
        check(len(first) > 5, f"the register has {len(first) - 1} documents")
        # Numbers are unique per issuing body; the two wards' Party committees (both ĐU) each
        # number from 01.
        numbers = [(row[0], row[-1]) for row in first[1:]]
        check(len(set(numbers)) == len(numbers), f"a number issued twice: {numbers}")
        du = sorted(body for number, body in numbers if number == "01-BC/ĐU")
        check(du == ["Đảng ủy phường Rạch Cát Đông (Đảng bộ Thành phố Hồ Chí Minh)",
                     "Đảng ủy đặc khu Hòn Rồng (Đảng bộ Thành phố Hồ Chí Minh)"], f"the two ĐU: {numbers}")
        summary = tmp / "out/2026-11/bao-cao-thang-2026-11.pdf"
        printed = run("pdftotext", "-l", "1", summary, "-").stdout
        check("Số 01-BC/BTGDVTU" in printed, "the summary does not show Số 01-BC/BTGDVTU")

        # Signed by the person then the organisation, both valid; the register has the signed bytes.
        sig = run("pdfsig", "-nssdir", f"sql:{keys / 'nss'}", summary).stdout
        check(sig.count("Signature is Valid.") == 2 and sig.count("Certificate is Trusted.") == 2,
              f"pdfsig on the summary: {sig}")
        shown = run(vanban, "register", "show", "--register", db, "01-BC/BTGDVTU").stdout
        digest = hashlib.sha256(summary.read_bytes()).hexdigest()
        check(f"bao-cao-thang-2026-11.pdf SHA-256 {digest}" in shown, f"the register does not hold the signed PDF's SHA-256: {shown}")
        # ... and its history says it was signed, with the unsigned file's SHA-256 (as `vanban issue --key`).
        check(re.search(rf"Lịch sử: \S+ ký số bao-cao-thang-2026-11\.pdf SHA-256 {digest}, bản chưa ký [0-9a-f]{{64}}\n", shown),
              f"the register's history has no signing event: {shown}")
        # A guide is not issued, so not signed.
        guide = next((tmp / "out/2026-11").glob("tai-lieu-sinh-hoat-*-2026-11.pdf"))
        check("Signature #1" not in run("pdfsig", guide).stdout, f"{guide.name} is signed")

        # Reruns: one thread, then everything rendered again; no number changes.
        for jobs, wipe in ((1, False), (2, True)):
            if wipe:
                shutil.rmtree(tmp / "out")
            r = build(jobs)
            check(r.returncode == 0, f"rerun with {jobs} job(s): exit {r.returncode}: {r.stderr}")
            again = register_csv()
            check([row[:2] for row in again] == [row[:2] for row in first],
                  f"rerun with {jobs} job(s) changed the numbers")

        # A register and a typed first number are two sources of numbers: refused.
        month.write_text(text.replace('<summary date="', '<summary first-number="5" date="'), encoding="utf-8")
        r = build(1)
        check(r.returncode == 1 and "remove first-number" in r.stderr, f"register and first-number: {r.stderr}")

    return finish("build_register")


if __name__ == "__main__":
    sys.exit(main())
