#!/usr/bin/env python3
"""End-to-end test of `vanban build` numbering a month through the register named in month.xml,
and signing what it issues: the numbers are the same on a rerun, whatever the thread count and
with the outputs deleted; the register records the signed PDFs' SHA-256; pdfsig finds them valid.

Usage: build_register_e2e.py --vanban PATH --source DIR
Prints one line per failed check and exits 1 if there was any. Needs openssl, certutil
(libnss3-tools), pdfsig and pdftotext (poppler-utils).
"""
import argparse
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

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)
    return condition


def run(*args, env=None):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, timeout=600)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vanban", required=True)
    parser.add_argument("--source", required=True)
    a = parser.parse_args()
    vanban, source = a.vanban, Path(a.source)

    with tempfile.TemporaryDirectory(prefix="vanban-build-register-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(source / "content/2026-11", tmp / "content/2026-11")
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
        check(r.returncode == 1 and "no term of issuer 'BTGDVTU'" in r.stderr, f"build without a term: {r.stderr}")
        for issuer in ("BTGDVTU", "ĐU"):
            run(vanban, "register", "term", "--register", db, "--issuer", issuer, "--from", "2025-10-15")

        r = build(2)
        check(r.returncode == 0, f"build: exit {r.returncode}: {r.stderr}")
        first = register_csv()
        check(len(first) > 5, f"the register has {len(first) - 1} documents")
        numbers = [row[0] for row in first[1:]]
        check(len(set(numbers)) == len(numbers), f"a number issued twice: {numbers}")
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

    print("build_register: " + ("all checks passed" if not FAILURES else f"{len(FAILURES)} checks failed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
