#!/usr/bin/python3
"""End-to-end tests of `vanban sign` and of the PDF/A-2b output of every PDF vanban writes.

Usage: sign.py GROUP --vanban PATH --source DIR   (GROUP: see GROUPS at the end)

A test CA, a person's and an organisation's certificates are made with the openssl command at
test time, and an NSS database trusting the CA with certutil (libnss3-tools). Signatures are
checked with poppler's pdfsig (which exits 0 even on a digest mismatch, so its output is read)
and `openssl cms -cmsout -print`; PDF/A with qpdf, pdffonts and pikepdf (python3-pikepdf, so run
with Debian's /usr/bin/python3).

PAdES B-T (--tsa) is tested against a local time-stamp authority: `openssl ts -reply` behind a
small HTTP server in this process, over http and over https (group sign_timestamp).

The PDF/A-2b rules checked here (veraPDF is not packaged in Debian), on every sample and on signed
files: header version >= 1.4 with a binary comment (6.1.2); trailer /ID (6.1.3); no /Encrypt
(6.1.3); XMP metadata stream, uncompressed, with pdfaid:part 2 and conformance B (6.6.4), and
dc:title, dc:creator, xmp:CreateDate/ModifyDate equal to Info's Title, Author, CreationDate and
ModDate (6.6.3); an OutputIntent GTS_PDFA1 with an ICC profile of 3 components, for the DeviceRGB
the pages and images use (6.2.3, 6.2.4.3); every font embedded and a subset (6.2.11.4), with no
/CIDSet (6.2.11.4.2: complete or absent); qpdf --check finds no syntax or stream error (6.1);
every annotation has the Print flag and not Hidden/Invisible/NoView, and an /AP holding only /N
(6.3.2, 6.3.3), the empty signature field of a document prepared for a signing tool included
(group sign_prepared); no NeedAppearances (6.4.1); a signature's /ByteRange covers the whole file except
/Contents (6.4.3) and its CMS has exactly one SignerInfo (6.4.3). Why the others hold: the writer
draws only text in embedded TrueType subsets with /W taken from the same font program (6.2.11.5),
whose CIDs 1..n all map to real glyphs (never .notdef, 6.2.11.8) and carry a ToUnicode map;
no JavaScript, actions, embedded files, LZW, optional content, PostScript or external streams are
ever written; the signature images are 8-bit DeviceRGB with a DeviceGray SMask (6.2.8, 6.4
transparency is allowed in PDF/A-2 with the OutputIntent); signing appends incremental updates
and never rewrites the file (6.1.3 allows them).
"""
import argparse
import http.server
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pikepdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sign_images  # noqa: E402

VANBAN = ""
SOURCE = Path()
FAILURES = []
PASSWORD = "mật khẩu thử"


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message, flush=True)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def run(*args, env=None, timeout=120, check_rc=True, input_bytes=None):
    r = subprocess.run([str(a) for a in args], capture_output=True, env=env, timeout=timeout, input=input_bytes)
    if check_rc and r.returncode != 0:
        raise RuntimeError(f"{args[0]} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r


def vanban(*args, env=None):
    e = dict(os.environ) if env is None else env
    e.setdefault("VANBAN_PASSWORD", PASSWORD)
    return run(VANBAN, *args, env=e, check_rc=False)


class Pki:
    """A CA, the person's and the organisation's .p12 files, an expired and a key-only .p12,
    and an NSS database that trusts the CA."""

    def __init__(self, work):
        self.dir = work / "pki"
        self.dir.mkdir()
        d = self.dir
        ossl = lambda *a: run("openssl", *a)  # noqa: E731
        ossl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d / "ca.key", "-out", d / "ca.pem",
             "-days", "30", "-utf8", "-subj", "/O=Vanban thử nghiệm/CN=Vanban Test CA",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        (d / "leaf.ext").write_text("keyUsage=critical,digitalSignature,nonRepudiation\n")
        self.person = self.leaf("person", "/CN=Nguyễn Thị Kim Xuyến", 30)
        self.organisation = self.leaf("organisation", "/O=Ủy ban nhân dân tỉnh Trường Giang/CN=Ủy ban nhân dân tỉnh Trường Giang", 30)
        self.expired = self.leaf("expired", "/CN=Người ký hết hạn", -1)
        self.key_only = d / "key-only.p12"
        ossl("pkcs12", "-export", "-nocerts", "-inkey", d / "person.key", "-out", self.key_only,
             "-passout", "pass:" + PASSWORD)
        self.nss = d / "nss"
        self.nss.mkdir()
        run("certutil", "-N", "-d", f"sql:{self.nss}", "--empty-password")
        run("certutil", "-A", "-d", f"sql:{self.nss}", "-n", "ca", "-t", "CT,C,C", "-i", d / "ca.pem")

    def leaf(self, name, subject, days):
        d = self.dir
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d / f"{name}.key",
            "-out", d / f"{name}.csr", "-utf8", "-subj", subject)
        # -days -1 makes a certificate whose validity ended a day ago.
        run("openssl", "x509", "-req", "-in", d / f"{name}.csr", "-CA", d / "ca.pem", "-CAkey", d / "ca.key",
            "-CAcreateserial", "-out", d / f"{name}.pem", "-days", str(days), "-extfile", d / "leaf.ext")
        p12 = d / f"{name}.p12"
        run("openssl", "pkcs12", "-export", "-inkey", d / f"{name}.key", "-in", d / f"{name}.pem",
            "-certfile", d / "ca.pem", "-out", p12, "-passout", "pass:" + PASSWORD)
        return p12


def pdfsig(pki, pdf):
    """pdfsig's report as one dict per signature."""
    out = run("pdfsig", "-nssdir", f"sql:{pki.nss}", pdf, check_rc=False).stdout.decode()
    signatures = []
    for block in re.split(r"^Signature #\d+:$", out, flags=re.M)[1:]:
        info = {}
        for line in block.splitlines():
            m = re.match(r"\s+- ([^:]+): (.*)", line)
            if m:
                info[m.group(1)] = m.group(2)
            elif line.strip() in ("- Total document signed", "- Not total document signed"):
                info["coverage"] = line.strip()[2:]
        signatures.append(info)
    return signatures


def check_signature(label, sig, coverage):
    check(sig.get("Signature Validation") == "Signature is Valid.", f"{label}: {sig.get('Signature Validation')}")
    check(sig.get("Certificate Validation") == "Certificate is Trusted.", f"{label}: {sig.get('Certificate Validation')}")
    check(sig.get("Signature Type") == "ETSI.CAdES.detached", f"{label}: type {sig.get('Signature Type')}")
    check(sig.get("Signing Hash Algorithm") == "SHA-256", f"{label}: hash {sig.get('Signing Hash Algorithm')}")
    check(sig.get("coverage") == coverage, f"{label}: '{sig.get('coverage')}', expected '{coverage}'")


def signature_dicts(pdf):
    """(ByteRange, Contents bytes) of each signature, in file order."""
    with pikepdf.open(pdf) as p:
        result = []
        for field in p.Root.AcroForm.Fields:
            v = field.get("/V")
            if v is not None:
                result.append(([int(x) for x in v.ByteRange], bytes(v.Contents)))
        return sorted(result)


def check_cms(label, contents, work):
    der = work / "sig.der"
    der.write_bytes(contents.rstrip(b"\0"))
    printed = run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", der).stdout.decode()
    signer_infos = printed[printed.find("signerInfos:"):]
    check(printed.count("signerInfos:") == 1 and signer_infos.count("signatureAlgorithm:") == 1,
          f"{label}: not exactly one SignerInfo")
    # Our SignerInfo's signed attributes (a time-stamp token in unsignedAttrs has its own).
    signed = signer_infos[signer_infos.find("signedAttrs:"):signer_infos.find("signatureAlgorithm:")]
    check("signingTime" not in signed, f"{label}: the CMS has a signingTime attribute")
    check("id-smime-aa-signingCertificateV2" in signed, f"{label}: no signing-certificate-v2")
    check("sha256" in printed, f"{label}: digest is not SHA-256")


def check_byte_ranges(label, pdf_bytes, byte_range, whole):
    a, b, c, d = byte_range
    check(a == 0, f"{label}: ByteRange does not start at 0")
    check(pdf_bytes[b:b + 1] == b"<" and pdf_bytes[c - 1:c] == b">", f"{label}: the gap is not the /Contents string")
    if whole:
        check(c + d == len(pdf_bytes), f"{label}: ByteRange does not cover the whole file")


def render_sample(work, name="cong-van-nha-nuoc"):
    out = work / "render"
    r = vanban("render", SOURCE / "content/documents" / f"{name}.xml", "-o", out, "--format", "pdf")
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode())
    return out / f"{name}.pdf"


def make_images(work):
    images = work / "images"
    images.mkdir(exist_ok=True)
    (images / "signature.png").write_bytes(sign_images.signature_png())
    (images / "seal.png").write_bytes(sign_images.seal_png())
    return images / "signature.png", images / "seal.png"


def sign_person_and_seal(work, pki):
    pdf = render_sample(work)
    signature, seal = make_images(work)
    person = work / "signed-person.pdf"
    r = vanban("sign", pdf, "--key", pki.person, "--password-env", "VANBAN_PASSWORD",
               "--signature-image", signature, "-o", person)
    check(r.returncode == 0, f"sign as the person: {r.returncode} {r.stderr.decode()}")
    password_file = work / "password.txt"
    password_file.write_text(PASSWORD + "\n")
    both = work / "signed-both.pdf"
    r = vanban("sign", person, "--seal", "--key", pki.organisation, "--password-file", password_file,
               "--seal-image", seal, "-o", both)
    check(r.returncode == 0, f"sign as the organisation: {r.returncode} {r.stderr.decode()}")
    return pdf, person, both


# ---- pixels ------------------------------------------------------------------------------------

def ppm(path):
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    return width, height, parts[4][-width * height * 3:]


def colour_box(pixels, predicate):
    """Bounding box (x0, y0, x1, y1) of the pixels matching predicate(r, g, b), or None."""
    width, height, data = pixels
    xs, ys = [], []
    for y in range(0, height, 2):
        row = data[y * width * 3:(y + 1) * width * 3]
        for x in range(0, width, 2):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if predicate(r, g, b):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def words(pdf, page=1):
    out = run("pdftotext", "-bbox", "-f", page, "-l", page, pdf, "-").stdout.decode()
    return [(float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(5))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


# ---- groups ------------------------------------------------------------------------------------

def group_sign_pades(work):
    pki = Pki(work)
    original, person, both = sign_person_and_seal(work, pki)
    sigs = pdfsig(pki, person)
    if check(len(sigs) == 1, f"person: {len(sigs)} signatures"):
        check_signature("person", sigs[0], "Total document signed")
        check(sigs[0].get("Signature Field Name") == "vanban-signer", "person: field name")
    sigs = pdfsig(pki, both)
    if check(len(sigs) == 2, f"both: {len(sigs)} signatures"):
        check_signature("both, person's", sigs[0], "Not total document signed")
        check_signature("both, organisation's", sigs[1], "Total document signed")
        check("Ủy ban nhân dân tỉnh Trường Giang" in sigs[1].get("Signer Certificate Common Name", ""),
              "organisation: common name")
    # Incremental updates only: each file is its predecessor plus an update.
    o, p, b = original.read_bytes(), person.read_bytes(), both.read_bytes()
    check(p.startswith(o) and b.startswith(p), "signing rewrote earlier bytes instead of appending")
    ranges = signature_dicts(both)
    if check(len(ranges) == 2, "two signature dictionaries"):
        check_byte_ranges("person", b, ranges[0][0], whole=False)
        check(sum(ranges[0][0][2:]) == len(p), "the person's signature covers exactly its revision")
        check_byte_ranges("organisation", b, ranges[1][0], whole=True)
        for label, (_, contents) in zip(("person", "organisation"), ranges):
            check_cms(label, contents, work)
    check(run("qpdf", "--check", both, check_rc=False).returncode == 0, "qpdf --check on the signed file")
    check_pdfa("signed", both, work)

    # The appearance: the blue signature between the role and the name, the red seal over its left third.
    run("pdftoppm", "-r", "150", "-f", "1", "-l", "1", both, work / "page")
    shutil.copy(work / "page-1.ppm", work / "page.ppm")
    pixels = ppm(work / "page.ppm")
    blue = colour_box(pixels, lambda r, g, bl: bl > 120 and r < 90 and g < 110)
    red = colour_box(pixels, lambda r, g, bl: r > 150 and g < 90 and bl < 90)
    scale = 150 / 72
    w = words(both)
    role = [x for x in w if x[4] == "TỊCH"]
    name = [x for x in w if x[4] == "Xuyến"]
    if check(blue and red and role and name, "signature image, seal image, role or name not found on page 1"):
        role_bottom = max(x[3] for x in role) * scale
        name_top = name[0][1] * scale
        check(role_bottom < blue[1] and blue[3] < name_top,
              f"the signature {blue} is not between the role ({role_bottom:.0f}) and the name ({name_top:.0f})")
        check(blue[0] > pixels[0] / 2 - 40, "the signature is not in the right half, under the role")
        check(red[2] > blue[0] and red[2] < blue[0] + (blue[2] - blue[0]) / 2 and red[0] < blue[0],
              f"the seal {red} does not cover the left third of the signature {blue}")
        seal_mm = (red[2] - red[0]) / scale / 72 * 25.4
        check(abs(seal_mm - 36) < 1.5, f"the seal is {seal_mm:.1f} mm wide, not its real 36 mm")


def group_sign_prepared(work):
    """<external-signing field>: blank number and date slots, an empty signature field over box
    7c that keeps the file PDF/A-2b, and that `vanban sign` fills (then the seal after it)."""
    pki = Pki(work)
    xml = work / "cho-ky.xml"
    sample = (SOURCE / "content/documents/cong-van-nha-nuoc.xml").read_text(encoding="utf-8")
    xml.write_text(sample.replace("<number>1234</number>", '<external-signing field="ChuKyLanhDao"/>'), encoding="utf-8")
    r = vanban("render", xml, "-o", work / "out", "--format", "pdf")
    if not check(r.returncode == 0, f"render: {r.stderr.decode()}"):
        return
    prepared = work / "out/cho-ky.pdf"

    # The slots, blank as in a hand-filled draft: no digits in the number, day or month.
    header = run("pdftotext", "-layout", "-l", "1", prepared, "-").stdout.decode()
    check(re.search(r"Số:\s+/UBND-VX", header), f"the number slot is not blank: {header[:400]!r}")
    check(re.search(r"Trường Giang, ngày\s+tháng\s+năm 2026", header), f"the date slots are not blank: {header[:400]!r}")
    w = words(prepared)
    day = [x for x in w if x[4] == "ngày"]
    month = [x for x in w if x[4] == "tháng" and abs(x[1] - day[0][1]) < 2] if day else []
    check(day and month and month[0][0] - day[0][2] >= 12, "the day slot is narrower than 12 pt")

    # The empty field: PDF/A-2b as written, over the signature box, unsigned.
    check_pdfa("prepared", prepared, work)
    with pikepdf.open(prepared) as p:
        form = p.Root.get("/AcroForm")
        fields = list(form.Fields) if form is not None else []
        if check(len(fields) == 1, f"prepared: {len(fields)} fields"):
            f = fields[0]
            check(f.FT == "/Sig" and str(f.T) == "ChuKyLanhDao" and "/V" not in f, f"prepared: field {f!r}")
            check(f.Subtype == "/Widget" and int(f.F) == 4, f"prepared: widget flags {f.get('/F')}")
            box = next(pg.VanbanSignatureBox for pg in p.pages if "/VanbanSignatureBox" in pg)
            check([float(v) for v in f.Rect] == [float(v) for v in box], f"prepared: field {list(f.Rect)} not over box {list(box)}")
            check(f.P.objgen == p.pages[0].objgen and f.objgen in [a.objgen for a in p.pages[0].Annots],
                  "prepared: the widget is not an annotation of page 1")
            check("/SigFlags" not in form and "/DA" not in form and "/DR" not in form, f"prepared: AcroForm {form!r}")
    out = run("pdfsig", prepared, check_rc=False).stdout.decode()
    check("Signature Field Name: ChuKyLanhDao" in out and "The signature form field is not signed." in out,
          f"pdfsig on the prepared file: {out!r}")

    # Signed in that field by name, then sealed: both valid, PDF/A-2b kept, appended only.
    signature, seal = make_images(work)
    person, both = work / "person.pdf", work / "both.pdf"
    r = vanban("sign", prepared, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "--signature-image",
               signature, "--field", "ChuKyLanhDao", "-o", person)
    check(r.returncode == 0, f"sign the prepared field: {r.returncode} {r.stderr.decode()}")
    r = vanban("sign", person, "--seal", "--key", pki.organisation, "--password-env", "VANBAN_PASSWORD",
               "--seal-image", seal, "-o", both)
    check(r.returncode == 0, f"seal after the prepared field: {r.returncode} {r.stderr.decode()}")
    sigs = pdfsig(pki, both)
    if check(len(sigs) == 2, f"prepared, signed: {len(sigs)} signatures"):
        check_signature("prepared field", sigs[0], "Not total document signed")
        check(sigs[0].get("Signature Field Name") == "ChuKyLanhDao", f"person's field: {sigs[0].get('Signature Field Name')}")
        check_signature("seal after it", sigs[1], "Total document signed")
    o, pb, b = prepared.read_bytes(), person.read_bytes(), both.read_bytes()
    check(pb.startswith(o) and b.startswith(pb), "signing the prepared field rewrote earlier bytes")
    check_pdfa("prepared, signed", both, work)
    with pikepdf.open(both) as p:
        check(len(p.Root.AcroForm.Fields) == 2 and int(p.Root.AcroForm.SigFlags) == 3,
              "the person's signature did not go into the prepared field")
    # The signature image inside the field's rectangle (pdftoppm's y runs down).
    run("pdftoppm", "-r", "72", "-f", "1", "-l", "1", both, work / "signed")
    pixels = ppm(work / "signed-1.ppm")
    blue = colour_box(pixels, lambda r, g, bl: bl > 120 and r < 90 and g < 110)
    with pikepdf.open(prepared) as p:
        x0, y0, x1, y1 = (float(v) for v in p.Root.AcroForm.Fields[0].Rect)
        height = float(p.pages[0].MediaBox[3])
    check(blue and x0 - 2 <= blue[0] and blue[2] <= x1 + 2 and height - y1 - 2 <= blue[1] and blue[3] <= height - y0 + 2,
          f"the signature {blue} is not inside the field ({x0}, {height - y1}, {x1}, {height - y0})")

    # Without --field the person signs in the empty field; a wrong name or a second person's
    # signature is refused and writes nothing.
    auto = work / "auto.pdf"
    r = vanban("sign", prepared, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "-o", auto)
    sigs = pdfsig(pki, auto) if r.returncode == 0 else []
    check(len(sigs) == 1 and sigs[0].get("Signature Field Name") == "ChuKyLanhDao",
          f"default signing of a prepared file: {r.stderr.decode()} {sigs}")
    refused = work / "refused.pdf"
    r = vanban("sign", prepared, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "--field", "Khac", "-o", refused)
    check(r.returncode == 1 and "no empty signature field 'Khac' (its fields: 'ChuKyLanhDao')" in r.stderr.decode(),
          f"unknown field: {r.returncode} {r.stderr.decode()}")
    r = vanban("sign", person, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "-o", refused)
    check(r.returncode == 1 and "already signed by the person (field 'ChuKyLanhDao')" in r.stderr.decode(),
          f"second person's signature: {r.returncode} {r.stderr.decode()}")
    check(not refused.exists(), "a refused signature wrote a file")


def group_sign_tamper(work):
    pki = Pki(work)
    original, person, both = sign_person_and_seal(work, pki)
    data = both.read_bytes()
    ranges = signature_dicts(both)
    (_, _, c, d), _ = ranges[0]
    (_, _, c2, d2), _ = ranges[1]
    # One byte changed in the first revision (header, page content, xref), in the person's update
    # and in the organisation's update: each must be a digest mismatch of the signatures covering it.
    positions = {"header": 5, "first revision": len(original.read_bytes()) // 2,
                 "person's update": c + d - 40, "organisation's update": c2 + d2 - 40}
    for label, at in positions.items():
        changed = bytearray(data)
        changed[at] = changed[at] ^ 0x01 if changed[at] not in b"\r\n" else changed[at]
        if changed[at] == data[at]:
            changed[at + 1] ^= 0x01
        target = work / "tampered.pdf"
        target.write_bytes(bytes(changed))
        sigs = pdfsig(pki, target)
        covering = [i for i, ((_, rb, rc, rd), _) in enumerate(ranges) if at < rb or rc <= at < rc + rd]
        for i in covering:
            got = sigs[i].get("Signature Validation") if i < len(sigs) else "missing"
            check(got is not None and got != "Signature is Valid.",
                  f"a byte changed in the {label} (offset {at}) was not detected by signature {i + 1}: {got}")


def group_sign_errors(work):
    pki = Pki(work)
    pdf = render_sample(work)
    signature, seal = make_images(work)
    before = pdf.read_bytes()
    not_png = work / "signature.jpg"
    not_png.write_bytes(b"\xff\xd8\xff\xe0 not a png")
    foreign = work / "foreign.pdf"
    run("qpdf", "--empty", foreign)
    env = dict(os.environ, VANBAN_PASSWORD="sai mật khẩu")
    cases = [
        ("wrong password", ["--key", pki.person, "--password-env", "VANBAN_PASSWORD"], env, "wrong password"),
        ("expired certificate", ["--key", pki.expired, "--password-env", "VANBAN_PASSWORD"], None, "has expired"),
        ("key without certificate", ["--key", pki.key_only, "--password-env", "VANBAN_PASSWORD"], None,
         "without its certificate"),
        ("image not a PNG", ["--key", pki.person, "--password-env", "VANBAN_PASSWORD",
                             "--signature-image", not_png], None, "not a PNG image"),
        ("seal before the person", ["--seal", "--key", pki.organisation, "--password-env", "VANBAN_PASSWORD",
                                    "--seal-image", seal], None, "signs after the person"),
        ("missing key file", ["--key", work / "none.p12"], None, "cannot read the key file"),
    ]
    out = work / "out.pdf"
    for label, args, e, message in cases:
        r = vanban("sign", pdf, *args, "-o", out, env=e)
        err = r.stderr.decode()
        check(r.returncode == 1, f"{label}: exit {r.returncode}, expected 1 ({err.strip()})")
        check(message in err, f"{label}: message '{err.strip()}' does not say '{message}'")
        check(not out.exists(), f"{label}: an output was written")
        check(not list(work.glob(".out.pdf.tmp*")), f"{label}: a temporary file was left")
    r = vanban("sign", foreign, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "-o", out)
    check(r.returncode == 1 and "not written by vanban" in r.stderr.decode(), f"foreign PDF: {r.stderr.decode()}")
    r = vanban("sign", pdf)
    check(r.returncode == 2, f"sign without --key: exit {r.returncode}")
    check(pdf.read_bytes() == before, "the input was changed")
    check(not out.exists(), "an output was written")

    # Default output beside the input; signing it again as the person is refused.
    r = vanban("sign", pdf, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "--signature-image", signature)
    default = pdf.with_name(pdf.stem + "-signed.pdf")
    check(r.returncode == 0 and default.exists(), f"default output: {r.stderr.decode()}")
    check(pdf.read_bytes() == before, "the input was changed")
    r = vanban("sign", default, "--key", pki.person, "--password-env", "VANBAN_PASSWORD", "-o", out)
    check(r.returncode == 1 and "already signed" in r.stderr.decode(), f"second person signature: {r.stderr.decode()}")
    check(not out.exists(), "an output was written for a refused second signature")


def group_sign_attachment(work):
    pki = Pki(work)
    pdf = render_sample(work, "bao-cao-nha-nuoc")
    out = work / "attachment.pdf"
    r = vanban("sign", pdf, "--attachment", "Số 12/CT-UBND", "--key", pki.organisation,
               "--password-env", "VANBAN_PASSWORD", "-o", out)
    check(r.returncode == 0, f"attachment: {r.stderr.decode()}")
    sigs = pdfsig(pki, out)
    if check(len(sigs) == 1, "attachment: one signature"):
        check_signature("attachment", sigs[0], "Total document signed")
    w = words(out)
    texts = [x[4] for x in w]
    check("12/CT-UBND" in texts, f"attachment: number and symbol not on page 1: {texts[:8]}")
    stamp = [x for x in w if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", x[4])]
    if check(stamp, "attachment: no ISO 8601 +07:00 time on page 1"):
        x0, y0, x1, y1, _ = stamp[0]
        check(x1 > 595 * 0.75 and y0 < 842 * 0.1, f"attachment: the text is not at the top right ({x0}, {y0})")
        check(abs((y1 - y0) - 10 * 1.15) < 3, f"attachment: text height {y1 - y0:.1f} is not about 10 pt")
    fonts = run("pdffonts", out).stdout.decode().splitlines()[2:]
    check(all(re.search(r"\byes\s+yes\s+yes\b", f) for f in fonts), f"attachment: a font not embedded: {fonts}")
    check_pdfa("attachment", out, work)


TSA_CONFIG = """[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = {dir}/tsa.serial
crypto_device = builtin
signer_cert = {dir}/tsa.pem
certs = {dir}/ca.pem
signer_key = {dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


class LocalTsa:
    """An RFC 3161 time-stamp authority on 127.0.0.1: `openssl ts -reply` per request, over
    http, or over https with a server certificate for 127.0.0.1 from the test CA."""

    def __init__(self, pki, https=False, body_delay=0.0):
        d = pki.dir
        (d / "tsa.ext").write_text("keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n")
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d / "tsa.key", "-out", d / "tsa.csr",
            "-subj", "/CN=Vanban Test TSA")
        run("openssl", "x509", "-req", "-in", d / "tsa.csr", "-CA", d / "ca.pem", "-CAkey", d / "ca.key",
            "-CAcreateserial", "-out", d / "tsa.pem", "-days", "30", "-extfile", d / "tsa.ext")
        (d / "tsa.serial").write_text("01\n")
        (d / "tsa.cnf").write_text(TSA_CONFIG.format(dir=d))
        self.requests = 0
        self.last_error = ""
        tsa = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                query = self.rfile.read(int(self.headers["Content-Length"]))
                (d / "query.tsq").write_bytes(query)
                r = run("openssl", "ts", "-reply", "-config", d / "tsa.cnf", "-queryfile", d / "query.tsq",
                        "-out", d / "reply.tsr", check_rc=False)
                reply = (d / "reply.tsr").read_bytes() if r.returncode == 0 else b""
                tsa.last_error = r.stderr.decode(errors="replace") if r.returncode else ""
                tsa.requests += 1
                self.send_response(200 if reply else 500)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.flush()
                time.sleep(body_delay)
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        if https:
            (d / "server.ext").write_text("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
            run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d / "server.key", "-out",
                d / "server.csr", "-subj", "/CN=127.0.0.1")
            run("openssl", "x509", "-req", "-in", d / "server.csr", "-CA", d / "ca.pem", "-CAkey", d / "ca.key",
                "-CAcreateserial", "-out", d / "server.pem", "-days", "30", "-extfile", d / "server.ext")
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(d / "server.pem", d / "server.key")
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if https else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}/tsa"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        """Stops serving and closes the listening socket: a client is refused at once."""
        self.server.shutdown()
        self.server.server_close()


def sign_b_t(pki, tsa, pdf, signature, out, env=None):
    return vanban("sign", pdf, "--key", pki.person, "--password-env", "VANBAN_PASSWORD",
                  "--signature-image", signature, "--tsa", tsa.url, "-o", out, env=env)


def check_b_t(label, pki, out, work):
    sigs = pdfsig(pki, out)
    if check(len(sigs) == 1, f"{label}: one signature"):
        check_signature(label, sigs[0], "Total document signed")
    (_, contents), = signature_dicts(out)
    check_cms(label, contents, work)
    der = work / "sig.der"
    printed = run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", der).stdout.decode()
    check("id-smime-aa-timeStampToken" in printed, f"{label}: no signature-time-stamp attribute")
    check("Vanban Test TSA" in printed, f"{label}: the token does not carry the authority's certificate")


def group_sign_timestamp(work):
    pki = Pki(work)
    pdf = render_sample(work)
    signature, _ = make_images(work)

    # The body comes half a second after the headers, as from a slow authority or on a loaded
    # machine: the client must wait for all of it (a client reading the socket as soon as the
    # headers are in saw "not a time-stamp response").
    tsa = LocalTsa(pki, body_delay=0.5)
    try:
        out = work / "b-t.pdf"
        r = sign_b_t(pki, tsa, pdf, signature, out)
        check(r.returncode == 0, f"B-T: {r.stderr.decode()}; the authority said: {tsa.last_error.strip() or 'a token'}")
        check(tsa.requests == 1, f"B-T: {tsa.requests} requests to the time-stamp authority")
        if r.returncode == 0:
            check_b_t("B-T", pki, out, work)
    finally:
        tsa.close()
    # An authority that is gone: refused at once, nothing written.
    failed = work / "no-tsa.pdf"
    started = time.monotonic()
    r = sign_b_t(pki, tsa, pdf, signature, failed)
    check(r.returncode == 1 and not failed.exists(), f"unreachable TSA: exit {r.returncode}, {r.stderr.decode()}")
    check(time.monotonic() - started < 10, f"unreachable TSA: {time.monotonic() - started:.1f} s to give up")

    tsa = LocalTsa(pki, https=True)
    try:
        # The test CA is not in the system's trust store: the server is not trusted.
        out = work / "b-t-https.pdf"
        r = sign_b_t(pki, tsa, pdf, signature, out)
        check(r.returncode == 1 and not out.exists() and "certificate verify failed" in r.stderr.decode(),
              f"https TSA with an untrusted certificate: exit {r.returncode}, {r.stderr.decode()}")
        # Trusted through SSL_CERT_FILE, as OpenSSL reads it.
        env = dict(os.environ, SSL_CERT_FILE=str(pki.dir / "ca.pem"))
        r = sign_b_t(pki, tsa, pdf, signature, out, env=env)
        if check(r.returncode == 0, f"B-T over https: {r.stderr.decode()}"):
            check_b_t("B-T over https", pki, out, work)
    finally:
        tsa.close()


def check_pdfa(label, pdf, work):
    data = pdf.read_bytes()
    m = re.match(rb"%PDF-(\d)\.(\d)\r?\n%([\x80-\xff]{4})", data)
    check(m and (int(m.group(1)), int(m.group(2))) >= (1, 4), f"{label}: header {data[:16]!r}")
    check(run("qpdf", "--check", pdf, check_rc=False).returncode == 0, f"{label}: qpdf --check")
    fonts = run("pdffonts", pdf).stdout.decode().splitlines()[2:]
    check(fonts and all(re.search(r"\byes\s+yes\s+yes\b", f) for f in fonts), f"{label}: fonts {fonts}")
    with pikepdf.open(pdf) as p:
        check("/Encrypt" not in p.trailer, f"{label}: encrypted")
        check("/ID" in p.trailer and len(p.trailer.ID) == 2, f"{label}: no trailer /ID")
        meta_stream = p.Root.get("/Metadata")
        if check(meta_stream is not None, f"{label}: no XMP metadata"):
            check("/Filter" not in meta_stream, f"{label}: the metadata stream is compressed")
            meta = p.open_metadata()
            check(meta.get("pdfaid:part") == "2" and meta.get("pdfaid:conformance") == "B",
                  f"{label}: pdfaid {meta.get('pdfaid:part')}/{meta.get('pdfaid:conformance')}")
            info = p.docinfo
            check(str(meta.get("dc:title")) == str(info.get("/Title")), f"{label}: dc:title differs from Info")
            creator = meta.get("dc:creator")
            check((creator or [None])[0] == str(info.get("/Author")), f"{label}: dc:creator differs from Info")
            for info_key, xmp_key in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
                d = str(info.get(info_key))
                check(d.endswith("Z"), f"{label}: {info_key} {d} is not in UTC")
                iso = f"{d[2:6]}-{d[6:8]}-{d[8:10]}T{d[10:12]}:{d[12:14]}:{d[14:16]}Z"
                check(meta.get(xmp_key) == iso, f"{label}: {xmp_key} {meta.get(xmp_key)} != Info {info_key} {d}")
        intents = p.Root.get("/OutputIntents")
        if check(intents is not None and len(intents) == 1, f"{label}: no OutputIntent"):
            intent = intents[0]
            check(intent.S == "/GTS_PDFA1", f"{label}: OutputIntent /S {intent.S}")
            check(int(intent.DestOutputProfile.N) == 3 and len(intent.DestOutputProfile.read_bytes()) > 128,
                  f"{label}: OutputIntent profile")
        for obj in p.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                check("/CIDSet" not in obj, f"{label}: a font descriptor has a /CIDSet")
        form = p.Root.get("/AcroForm")
        check(form is None or not form.get("/NeedAppearances", False), f"{label}: NeedAppearances")
        for n, page in enumerate(p.pages):
            for annot in page.get("/Annots", []):
                flags = int(annot.get("/F", 0))
                check(flags & 4 and not flags & (1 | 2 | 32), f"{label}: page {n + 1} annotation flags {flags}")
                ap = annot.get("/AP")
                check(ap is not None and set(ap.keys()) == {"/N"}, f"{label}: page {n + 1} annotation appearance")


def group_pdfa(work):
    samples = sorted((SOURCE / "content/documents").glob("*.xml"))
    out = work / "out"
    r = vanban("render", *samples, "-o", out, "--format", "pdf")
    check(r.returncode == 0, f"render: {r.stderr.decode()}")
    for xml in samples:
        check_pdfa(xml.stem, out / f"{xml.stem}.pdf", work)
        with pikepdf.open(out / f"{xml.stem}.pdf") as p:
            boxes = [pg.get("/VanbanSignatureBox") for pg in p.pages if "/VanbanSignatureBox" in pg]
            check(len(boxes) == 1 and len(boxes[0]) == 4, f"{xml.stem}: signature box {boxes}")
    # The ICC profile comes from Debian's icc-profiles-free; without it nothing is written.
    again = work / "again"
    vanban("render", *samples, "-o", again, "--format", "pdf")
    for xml in samples:
        check((out / f"{xml.stem}.pdf").read_bytes() == (again / f"{xml.stem}.pdf").read_bytes(),
              f"{xml.stem}: PDF/A output is not byte-identical across runs")


GROUPS = {
    "sign_pades": group_sign_pades,
    "sign_prepared": group_sign_prepared,
    "sign_tamper": group_sign_tamper,
    "sign_errors": group_sign_errors,
    "sign_attachment": group_sign_attachment,
    "sign_timestamp": group_sign_timestamp,
    "pdfa": group_pdfa,
}


def main():
    global VANBAN, SOURCE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=sorted(GROUPS))
    parser.add_argument("--vanban", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    VANBAN, SOURCE = str(Path(args.vanban).resolve()), Path(args.source).resolve()
    with tempfile.TemporaryDirectory(prefix=f"vanban-e2e-{args.group}-") as work:
        GROUPS[args.group](Path(work))
    if FAILURES:
        print(f"{args.group}: {len(FAILURES)} checks failed", flush=True)
        return 1
    print(f"{args.group}: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
