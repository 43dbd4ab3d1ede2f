#!/usr/bin/env python3
"""End-to-end tests of the vanban binary: every sample under content/documents, the bad inputs
under tests/data/bad, the command line contract, hostile inputs and interruption; `vanban build`
on the sample month, the bad meeting records and a generated month.

Usage: e2e.py GROUP --vanban PATH --source DIR [--make-province PATH]   (GROUP: see GROUPS at the end)

Each group prints one line per failed check and exits 1 if there was any. Only the standard
library and the tools of debian-packages.txt (poppler-utils, qpdf, chromium) are used.
"""
import argparse
import html.parser
import json
import os
import pty
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

VANBAN = ""
SOURCE = Path()
FAILURES = []

# Strings each sample must show once typeset, beside the text of every block of its body: the
# profile's rules applied (numbers, case, dates in words, signature prefixes, recipients).
HEADER_EXPECTATIONS = {
    "chi-thi-dang": ["ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY TRƯỜNG GIANG", "Số 18-CT/TU",
                     "Trường Giang, ngày 12 tháng 3 năm 2026", "CHỈ THỊ", "T/M BAN THƯỜNG VỤ",
                     "PHÓ BÍ THƯ", "Lê Hoàng Phúc", "Nơi nhận:", "- Ban Tuyên giáo và Dân vận Trung ương,",
                     "Báo cáo", "- Lưu Văn phòng Tỉnh ủy."],
    "chi-thi-nha-nuoc": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "ỦY BAN NHÂN DÂN TỈNH TRƯỜNG GIANG", "Số: 07/CT-UBND",
                         "Trường Giang, ngày 02 tháng 4 năm 2026", "CHỈ THỊ",
                         "Về bảo đảm điều kiện cho sinh hoạt định kỳ", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                         "- Bộ Nội vụ;", "- Lưu: VT, VX.", "./."],
    "cong-van-dang": ["Số 1052-CV/TU", "KHẨN", "Kính gửi:", "- Các đảng ủy trực thuộc Tỉnh ủy;",
                      "- Ban Tuyên giáo và Dân vận Tỉnh ủy.", "Trường Giang, ngày 20 tháng 5 năm 2026",
                      "T/M BAN THƯỜNG VỤ", "- Như kính gửi,"],
    "cong-van-nha-nuoc": ["Số: 1234/UBND-VX", "V/v bố trí địa điểm và kinh phí", "Trường Giang, ngày 03 tháng 6 năm 2026", "Kính gửi:",
                          "- Sở Tài chính;", "- Ủy ban nhân dân các xã, phường.", "KT. CHỦ TỊCH",
                          "PHÓ CHỦ TỊCH", "Nguyễn Thị Kim Xuyến", "- Như trên;", "- Lưu: VT, VX."],
    "bao-cao-dang": ["TỈNH ỦY TRƯỜNG GIANG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Số 86-BC/BTGDVTU",
                     "Trường Giang, ngày 10 tháng 7 năm 2026", "BÁO CÁO", "K/T TRƯỞNG BAN",
                     "PHÓ TRƯỞNG BAN", "2.863", "16.701", "290.686", "242.261", "83,34%", "97,22%"],
    "bao-cao-nha-nuoc": ["Số: 215/BC-UBND", "Trường Giang, ngày 15 tháng 7 năm 2026", "BÁO CÁO",
                         "Kính gửi:", "Ban Thường vụ Tỉnh ủy Trường Giang", "TM. ỦY BAN NHÂN DÂN",
                         "- Như trên;", "2.863", "83,34%", "./."],
}
# Samples whose table must run over more than one page, with the header row on every page.
TABLE_SAMPLES = {"bao-cao-dang": "Xã, phường", "bao-cao-nha-nuoc": "Xã, phường"}
TABLE_ROWS = ("XãTânPhước", "XãHòaLợi", "XãPhúLâm", "XãHòaÂn", "PhườngAnLạc", "PhườngHảiYến")


# ---------------------------------------------------------------------------------------------
# Helpers

def fail(message):
    FAILURES.append(message)
    print("FAIL: " + message, flush=True)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("SOURCE_DATE_EPOCH", "VANBAN_DATA", "VANBAN_FONTS")}
    env.update(extra)
    return env


def vanban(*args, env=None, timeout=120):
    return subprocess.run([VANBAN, *map(str, args)], capture_output=True, text=True,
                          env=env or clean_env(), timeout=timeout)


def vanban_cpu(*args, timeout=120):
    """vanban(...) and the CPU seconds it used. Bounds on work are set in CPU time, which neither
    a busy machine nor a sanitizer build's slower start turns into a false failure; a process
    that blocks (on a FIFO, say) uses none, and `timeout` catches it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = vanban(*args, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def tool(*args, timeout=60):
    return subprocess.run(list(map(str, args)), capture_output=True, text=True, timeout=timeout,
                          env=clean_env(TZ="UTC"))


def samples():
    found = sorted((SOURCE / "content" / "documents").glob("*.xml"))
    check(len(found) >= 6, f"expected at least 6 samples in content/documents, found {len(found)}")
    return found


def squash(text):
    """NFC with all white space removed: justified lines are split into words and table cells
    wrap, so only the sequence of visible characters is compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def render_all(inputs, out_dir, *extra, env=None):
    result = vanban("render", *inputs, "-o", out_dir, *extra, env=env)
    check(result.returncode == 0,
          f"render {' '.join(Path(i).name for i in inputs)} exited {result.returncode}: {result.stderr}")
    return result


# ---------------------------------------------------------------------------------------------
# What a sample should print, read from its XML

def format_percent(num, den, decimals):
    value = (Decimal(num) / Decimal(den) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{value:f}".partition(".")
    return group_thousands(whole) + ("," + fraction if fraction else "") + "%"


def group_thousands(digits):
    sign = "-" if digits.startswith("-") else ""
    digits = digits.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + ".".join([digits] + groups)


def inline_text(element):
    parts = [element.text or ""]
    for child in element:
        if child.tag == "q":
            parts.append("“" + inline_text(child) + "”")
        elif child.tag == "pct":
            parts.append(format_percent(child.get("num"), child.get("den"), int(child.get("decimals", "2"))))
        else:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def block_texts(xml_path):
    """(kind, text) of every paragraph, heading and table cell of the body."""
    body = ET.parse(xml_path).getroot().find("body")
    texts = []
    for element in body.iter():
        if element.tag in ("p", "h"):
            texts.append((element.tag, inline_text(element)))
        elif element.tag in ("td", "th"):
            text = inline_text(element).strip()
            if element.get("align") == "right" and re.fullmatch(r"-?\d+", text):
                text = group_thousands(text)
            texts.append((element.tag, text))
    return [(kind, text) for kind, text in texts if text.strip()]


def header_texts(xml_path):
    """Header and footer strings an author wrote; the profile may change their case."""
    root = ET.parse(xml_path).getroot()
    paths = ["issuer/parent", "issuer/name", "place", "subject", "to/recipient", "signature/role",
             "signature/signer", "recipients/recipient", "recipients/group/recipient", "recipients/archive"]
    return [e.text for p in paths for e in root.findall(p) if e.text]


# ---------------------------------------------------------------------------------------------
# Reading the outputs

def pdf_pages(pdf, mode):
    """pdftotext output per page, as printed and with the page number line of pages from 2 on
    removed (it would otherwise interrupt a paragraph that runs over a page break)."""
    result = tool("pdftotext", *([mode] if mode else []), "-enc", "UTF-8", pdf, "-")
    check(result.returncode == 0, f"pdftotext {mode} {pdf.name}: {result.stderr}")
    pages = result.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    cleaned = []
    for number, page in enumerate(pages, start=1):
        lines = page.split("\n")
        if number >= 2:
            for index in (*range(min(3, len(lines))), *range(len(lines) - 1, max(len(lines) - 4, -1), -1)):
                if lines[index].strip() == str(number):
                    del lines[index]
                    break
        cleaned.append("\n".join(lines))
    return pages, cleaned


MM = 72 / 25.4


def text_area(family):
    """Left and right edge (pt) of the text on the page, the widest any profile of `family` allows."""
    edges = []
    for profile in (SOURCE / "templates" / "profiles").glob("*.xml"):
        root = ET.parse(profile).getroot()
        if root.get("family") == family:
            page = root.find("page")
            width = float(page.get("width")) * MM
            edges.append((float(page.get("left")) * MM, width - float(page.get("right")) * MM))
    check(bool(edges), f"no profile of family {family!r}")
    return (min(e[0] for e in edges), max(e[1] for e in edges)) if edges else (0, 1e9)


def word_boxes(pdf):
    """(page, xMin, xMax, word) of every word pdftotext finds."""
    result = tool("pdftotext", "-bbox", pdf, "-")
    page = 0
    for line in result.stdout.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if match:
            yield page, float(match.group(1)), float(match.group(2)), html.unescape(match.group(3))


class HtmlText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path):
    parser = HtmlText()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


# ---------------------------------------------------------------------------------------------
# Groups

def group_samples(work):
    """Text, fonts and structure of every sample's PDF and HTML."""
    inputs = samples()
    out = work / "out"
    render_all(inputs, out)
    for xml in inputs:
        name = xml.stem
        pdf, page_html = out / f"{name}.pdf", out / f"{name}.html"
        if not check(pdf.is_file() and page_html.is_file(), f"{name}: PDF or HTML not written"):
            continue
        printed_pages, reading_order = pdf_pages(pdf, None)
        _, stream_order = pdf_pages(pdf, "-raw")
        # Two readings of the same pages: pdftotext's reading order and content-stream order
        # (where a table cell's wrapped lines stay together).
        extractions = [squash("".join(reading_order)), squash("".join(stream_order))]
        in_html = squash(html_text(page_html))

        def found(text, haystacks, fold=False):
            needle = squash(text).casefold() if fold else squash(text)
            return any(needle in (h.casefold() if fold else h) for h in haystacks)

        for kind, text in block_texts(xml):
            fold = kind == "h"  # a profile may set headings in capitals
            check(found(text, extractions, fold), f"{name}.pdf: <{kind}> text not found: {text[:80]!r}")
            check(found(text, [in_html], fold), f"{name}.html: <{kind}> text not found: {text[:80]!r}")
        for text in header_texts(xml):
            check(found(text, extractions, True), f"{name}.pdf: header text not found: {text!r}")
            check(found(text, [in_html], True), f"{name}.html: header text not found: {text!r}")
        for text in HEADER_EXPECTATIONS.get(name, []):
            check(found(text, extractions), f"{name}.pdf: expected {text!r}")

        fonts = tool("pdffonts", pdf)
        rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
        check(fonts.returncode == 0 and len(rows) >= 2, f"{name}.pdf: pdffonts lists {len(rows)} fonts")
        for row in rows:
            # name type... encoding emb sub uni object ID: the flags are the 5th-3rd from the end.
            emb, sub, uni = row[-5], row[-4], row[-3]
            check((emb, sub, uni) == ("yes", "yes", "yes"),
                  f"{name}.pdf: font {row[0]} emb={emb} sub={sub} uni={uni}")
            check(re.match(r"[A-Z]{6}\+", row[0]) is not None, f"{name}.pdf: font {row[0]} has no subset tag")

        qpdf = tool("qpdf", "--check", pdf)
        check(qpdf.returncode == 0, f"{name}.pdf: qpdf --check exited {qpdf.returncode}: {qpdf.stdout[-300:]}")

        info = tool("pdfinfo", "-isodates", pdf).stdout
        check(re.search(r"^Title:\s+\S", info, re.M) is not None, f"{name}.pdf: no Title in {info}")
        check(re.search(r"^Author:\s+\S", info, re.M) is not None, f"{name}.pdf: no Author")
        check(re.search(r"^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info, re.M) is not None,
              f"{name}.pdf: not A4: {info}")

        left, right = text_area(ET.parse(xml).getroot().get("layout"))
        for page_number, x_min, x_max, word in word_boxes(pdf):
            check(left - 0.5 <= x_min and x_max <= right + 0.5,
                  f"{name}.pdf: page {page_number}: {word!r} spans x {x_min:.1f}-{x_max:.1f}, "
                  f"outside the text area {left:.1f}-{right:.1f}")

        for number, text in enumerate(printed_pages[1:], start=2):
            check(re.search(rf"^\s*{number}\s*$", text, re.M) is not None, f"{name}.pdf: page {number} has no page number")
        if name in TABLE_SAMPLES:
            header = squash(TABLE_SAMPLES[name])
            pages_with_rows = [i for i, p in enumerate(printed_pages, 1) if any(r in squash(p) for r in TABLE_ROWS)]
            check(len(pages_with_rows) >= 2, f"{name}.pdf: the table is on pages {pages_with_rows} only")
            for i in pages_with_rows:
                check(header in squash(printed_pages[i - 1]), f"{name}.pdf: page {i} lacks the table header row")


def group_determinism(work):
    """Same input, same bytes: two renders, NFD against NFC, and the timestamp rules."""
    inputs = samples()
    first, second = work / "first", work / "second"
    render_all(inputs, first)
    render_all(inputs, second)
    nfd_dir, nfd_out = work / "nfd", work / "nfd-out"
    nfd_dir.mkdir()
    for xml in inputs:
        source = xml.read_text(encoding="utf-8")
        nfd = unicodedata.normalize("NFD", source)
        check(nfd != source, f"{xml.name}: NFD form equals the file (no Vietnamese text?)")
        (nfd_dir / xml.name).write_text(nfd, encoding="utf-8")
    render_all(sorted(nfd_dir.glob("*.xml")), nfd_out)
    for xml in inputs:
        for ext in ("pdf", "html"):
            a = (first / f"{xml.stem}.{ext}").read_bytes()
            check(a == (second / f"{xml.stem}.{ext}").read_bytes(), f"{xml.stem}.{ext}: two renders differ")
            check(a == (nfd_out / f"{xml.stem}.{ext}").read_bytes(), f"{xml.stem}.{ext}: NFD input renders differently")

    directive = SOURCE / "content" / "documents" / "chi-thi-dang.xml"
    info = tool("pdfinfo", "-isodates", first / "chi-thi-dang.pdf").stdout
    check(re.search(r"^CreationDate:\s+2026-03-12T00:00:00", info, re.M) is not None,
          f"chi-thi-dang.pdf: CreationDate is not the document date: {info}")
    epoch_out = work / "epoch"
    render_all([directive], epoch_out, env=clean_env(SOURCE_DATE_EPOCH="1767225600"))
    info = tool("pdfinfo", "-isodates", epoch_out / "chi-thi-dang.pdf").stdout
    check(re.search(r"^CreationDate:\s+2026-01-01T00:00:00", info, re.M) is not None,
          f"SOURCE_DATE_EPOCH=1767225600 not used: {info}")
    bad = vanban("render", directive, "-o", work / "bad-epoch", env=clean_env(SOURCE_DATE_EPOCH="yesterday"))
    check(bad.returncode == 2 and "SOURCE_DATE_EPOCH" in bad.stderr,
          f"a malformed SOURCE_DATE_EPOCH gave {bad.returncode}: {bad.stderr}")


def parse_expectation(xml):
    """The `<!-- expect: ... -->` comment of a bad input: (line, column or None, fragment)."""
    match = re.search(r"<!--\s*expect:\s*(.*?)\s*-->", xml.read_text(encoding="utf-8", errors="replace"), re.S)
    if not match:
        return None
    spec = match.group(1)
    position = re.search(r"(?<![\d.])(\d+):(\d+)(?![\d.])", spec)
    fragment = spec
    if position:
        fragment = (spec[:position.start()] + spec[position.end():])
    fragment = fragment.strip().strip("@|,;:-").strip().strip("'\"").strip()
    return (position.group(1), position.group(2)) if position else None, fragment


def group_bad_inputs(work):
    """Each bad input is rejected with its message; good inputs beside it are still written."""
    bad_dir = SOURCE / "tests" / "data" / "bad"
    bad_inputs = sorted(bad_dir.glob("*.xml"))
    check(len(bad_inputs) >= 5, f"expected bad inputs in {bad_dir}, found {len(bad_inputs)}")
    for xml in bad_inputs:
        expectation = parse_expectation(xml)
        if not check(expectation is not None, f"{xml.name}: no <!-- expect: ... --> comment"):
            continue
        position, fragment = expectation
        out = work / xml.stem
        for command in (["render", xml, "-o", out], ["check", xml]):
            result, cpu = vanban_cpu(*command, timeout=60)
            check(result.returncode == 1, f"{xml.name}: {command[0]} exited {result.returncode}, expected 1: {result.stderr}")
            check(fragment in result.stderr, f"{xml.name}: {command[0]}: message {fragment!r} not in: {result.stderr}")
            if position:
                prefix = f"{xml}:{position[0]}:{position[1]}: "
                check(any(line.startswith(prefix) for line in result.stderr.splitlines()),
                      f"{xml.name}: no line starting {prefix!r} in: {result.stderr}")
            check(cpu < 10, f"{xml.name}: took {cpu:.1f} s of CPU")
        check(not out.exists() or not any(out.iterdir()), f"{xml.name}: something was written to {out}")

    # Layouts, editions and types are checked against the profiles found, after the schema.
    directive = (SOURCE / "content" / "documents" / "chi-thi-dang.xml").read_text(encoding="utf-8")
    line = directive[:directive.index("<document ")].count("\n") + 1
    for name, old, new, message in (
            ("unknown-layout", 'layout="dang"', 'layout="mat-tran-x"',
             "unknown layout 'mat-tran-x'; expected one of: dang, doan, hoi-cuu-chien-binh, "
             "hoi-nong-dan, hoi-phu-nu, mat-tran, nha-nuoc"),
            ("unknown-edition", 'layout="dang"', 'layout="dang" edition="05-HD/VPTW-draft"',
             "unknown edition '05-HD/VPTW-draft' of layout 'dang'; expected one of: "),
            ("unknown-type", 'type="chi-thi"', 'type="thong-tu"', "unknown document type 'thong-tu' for layout 'dang'")):
        xml = work / f"{name}.xml"
        xml.write_text(directive.replace(old, new, 1), encoding="utf-8")
        result = vanban("render", xml, "-o", work / name)
        check(result.returncode == 1, f"{name}: exit {result.returncode}, expected 1")
        check(result.stderr.startswith(f"{xml}:{line}:1: {message}"), f"{name}: stderr {result.stderr!r}")
        check(not (work / name).exists(), f"{name}: something was written")

    good = SOURCE / "content" / "documents" / "cong-van-dang.xml"
    if bad_inputs:
        out = work / "mixed"
        result = vanban("render", bad_inputs[0], good, "-o", out)
        check(result.returncode == 1, f"good + bad: exit {result.returncode}, expected 1")
        check((out / "cong-van-dang.pdf").is_file() and (out / "cong-van-dang.html").is_file(),
              "good + bad: the good input was not written")
        check(not (out / f"{bad_inputs[0].stem}.pdf").exists(), "good + bad: the bad input was written")
    checked = vanban("check", *samples())
    check(checked.returncode == 0 and checked.stderr == "", f"check on the samples: {checked.returncode} {checked.stderr}")


def group_overflow(work):
    """Issue 11, defect 5: what is wider than its line or page is never printed past it. A long
    web address, a long number and a wide table are wrapped or set smaller and stay inside the
    text area; a table too wide even at its profile's smallest size is refused at its line, and
    nothing is written for that document."""
    directive = (SOURCE / "content" / "documents" / "chi-thi-dang.xml").read_text(encoding="utf-8")
    # Seven columns that need about 180 mm at 13 pt: set at 11.5 pt.
    cells = "".join(f"<th>Chỉ-tiêu-{i}</th>" for i in range(7))
    values = "".join(f"<td>Đạt-mức-{i}</td>" for i in range(7))
    fits = ("<p>Xem https://dichvucong.truonggiang.gov.vn/van-ban/2026/quyet-dinh-784-QD-TU-ve-sinh-hoat-chi-bo "
            "và mã hồ sơ " + "7" * 90 + ".</p>"
            f"<table><tr>{cells}</tr><tr>{values}</tr></table>")
    good = work / "long-words.xml"
    good.write_text(directive.replace("<body>", "<body>" + fits, 1), encoding="utf-8")
    out = work / "out"
    result = vanban("render", good, "-o", out)
    check(result.returncode == 0, f"long-words: exit {result.returncode}: {result.stderr}")
    pdf = out / "long-words.pdf"
    if check(pdf.is_file(), "long-words.pdf not written"):
        left, right = text_area("dang")
        words = list(word_boxes(pdf))
        check(any("dichvucong" in w for _, _, _, w in words), "long-words.pdf: the address is not printed")
        for page_number, x_min, x_max, word in words:
            check(left - 0.5 <= x_min and x_max <= right + 0.5,
                  f"long-words.pdf: page {page_number}: {word!r} spans x {x_min:.1f}-{x_max:.1f}, "
                  f"outside the text area {left:.1f}-{right:.1f}")

    wide_cells = "".join(f"<td>Đạt-yêu-cầu-số-{i}</td>" for i in range(16))
    lines_before = directive[:directive.index("<body>")].count("\n")
    bad = work / "wide-table.xml"
    bad.write_text(directive.replace("<body>", f"<body>\n<table><tr>{wide_cells}</tr></table>", 1), encoding="utf-8")
    refused = work / "refused"
    result = vanban("render", bad, good, "-o", refused)
    check(result.returncode == 1, f"wide-table: exit {result.returncode}, expected 1: {result.stderr}")
    prefix = f"{bad}:{lines_before + 2}:1:"  # the <table> start tag
    check(any(line.startswith(prefix) and "the table is wider than the text block" in line
              for line in result.stderr.splitlines()), f"wide-table: no line starting {prefix!r} in: {result.stderr}")
    check(not (refused / "wide-table.pdf").exists() and not (refused / "wide-table.html").exists(),
          "wide-table: something was written for it")
    check((refused / "long-words.pdf").is_file(), "wide-table: the good document beside it was not written")


def group_usage(work):
    """Exit status 2 for bad usage; help and version."""
    good = SOURCE / "content" / "documents" / "chi-thi-dang.xml"
    for args in ([], ["render"], ["check"], ["paint", good], ["render", good, "--colour"],
                 ["render", good, "--format", "docx"], ["render", good, "--format", ""],
                 ["render", good, "-o"], ["check", good, "-o", work]):
        result = vanban(*args)
        check(result.returncode == 2, f"vanban {' '.join(map(str, args))}: exit {result.returncode}, expected 2")
        check(result.stderr.startswith("vanban: "), f"vanban {' '.join(map(str, args))}: stderr {result.stderr!r}")
    for args in (["--help"], ["render", "--help"], ["check", "--help"], ["help", "render"]):
        result = vanban(*args)
        check(result.returncode == 0 and result.stdout.startswith("Usage: vanban"),
              f"vanban {' '.join(args)}: {result.returncode} {result.stdout[:60]!r}")
    check("--format" in vanban("render", "--help").stdout, "render --help does not explain --format")
    version = vanban("--version")
    check(version.returncode == 0 and re.fullmatch(r"vanban \d+\.\d+\.\d+\n", version.stdout) is not None,
          f"--version printed {version.stdout!r}")
    only_html = work / "html-only"
    render_all([good], only_html, "--format", "html")
    # The page and, beside it, the shipped fonts its stylesheet names.
    check(sorted(p.name for p in only_html.iterdir()) == ["chi-thi-dang.html", "fonts"], "--format html wrote other files")
    check((only_html / "fonts" / "LiberationSerif-Regular.ttf").read_bytes()
          == (SOURCE / "fonts" / "LiberationSerif-Regular.ttf").read_bytes(), "--format html: the page's font is not beside it")
    only_pdf = work / "pdf-only"
    render_all([good], only_pdf, "--format", "pdf")
    check(sorted(p.name for p in only_pdf.iterdir()) == ["chi-thi-dang.pdf"], "--format pdf wrote other files")
    # A folder laid out like Windows' Fonts folder (times.ttf ...) is taken by --fonts and
    # $VANBAN_FONTS; the shipped Liberation files stand in for Times New Roman here.
    windows_fonts = work / "windows-fonts"
    windows_fonts.mkdir()
    for style, file in (("Regular", "times.ttf"), ("Bold", "timesbd.ttf"), ("Italic", "timesi.ttf"),
                        ("BoldItalic", "timesbi.ttf")):
        shutil.copy(SOURCE / "fonts" / f"LiberationSerif-{style}.ttf", windows_fonts / file)
    render_all([good], work / "with-fonts-option", "--fonts", windows_fonts)
    render_all([good], work / "with-fonts-env", env=clean_env(VANBAN_FONTS=str(windows_fonts)))
    check((work / "with-fonts-option" / "chi-thi-dang.pdf").read_bytes()
          == (work / "with-fonts-env" / "chi-thi-dang.pdf").read_bytes(), "--fonts and VANBAN_FONTS differ")
    (windows_fonts / "timesbi.ttf").unlink()
    no_bold_italic = vanban("render", good, "-o", work / "x", "--fonts", windows_fonts)
    check(no_bold_italic.returncode == 2 and "Bold Italic" in no_bold_italic.stderr,
          f"a font folder without bold italic: {no_bold_italic.returncode} {no_bold_italic.stderr}")
    missing = vanban("render", good, "-o", work / "x", "--fonts", work / "no-fonts-here")
    check(missing.returncode == 2, f"a missing --fonts folder gave exit {missing.returncode}")
    nested = work / "new" / "nested"
    render_all([good], nested, env=clean_env(VANBAN_DATA=str(SOURCE), VANBAN_FONTS=str(SOURCE / "fonts")))
    check((nested / "chi-thi-dang.pdf").is_file(), "the output folder was not created")


def hostile_document(body_extra="", doctype=""):
    """A valid directive with a DOCTYPE and extra body text spliced in."""
    source = (SOURCE / "content" / "documents" / "chi-thi-dang.xml").read_text(encoding="utf-8")
    source = source.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                            '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype, 1)
    return source.replace("<body>", "<body>\n    <p>" + body_extra + "</p>", 1)


def group_security(work):
    """Entity tricks are refused fast without opening files; output names stay in DIR."""
    fifo = work / "never-opened.fifo"
    os.mkfifo(fifo)  # opening it for reading would block: a parser that tries hangs the test
    secret = work / "secret.txt"
    secret.write_text("TOPSECRET-MARKER\n")
    laughs = "".join(f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">\n' for i in range(1, 12))
    cases = {
        "bomb": hostile_document("&l11;", '<!DOCTYPE document [\n<!ENTITY l0 "ha">\n' + laughs + "]>\n"),
        "xxe-fifo": hostile_document("&x;", f'<!DOCTYPE document [<!ENTITY x SYSTEM "file://{fifo}">]>\n'),
        "xxe-file": hostile_document("&x;", f'<!DOCTYPE document [<!ENTITY x SYSTEM "file://{secret}">]>\n'),
        "external-dtd": hostile_document("", f'<!DOCTYPE document SYSTEM "file://{fifo}">\n'),
        "parameter-entity": hostile_document("", f'<!DOCTYPE document [<!ENTITY % p SYSTEM "file://{fifo}"> %p;]>\n'),
        "xinclude": hostile_document(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{fifo}" parse="text"/>'),
    }
    for name, text in cases.items():
        xml = work / f"{name}.xml"
        xml.write_text(text, encoding="utf-8")
        out = work / f"out-{name}"
        try:
            result, cpu = vanban_cpu("render", xml, "-o", out, timeout=60)
        except subprocess.TimeoutExpired:
            fail(f"{name}: vanban hung (it opened {fifo.name}?)")
            continue
        check(result.returncode == 1, f"{name}: exit {result.returncode}, expected 1: {result.stderr}")
        check(re.search(rf"^{re.escape(str(xml))}:\d+:\d+: ", result.stderr, re.M) is not None,
              f"{name}: no FILE:LINE:COL message: {result.stderr}")
        check(cpu < 3, f"{name}: refused after {cpu:.1f} s of CPU")
        check("TOPSECRET" not in result.stderr + result.stdout, f"{name}: the secret file was read")
        check(not out.exists() or not any(out.iterdir()), f"{name}: output written")

    # Output names: refused when they would hide or escape, never overwritten twice in one run.
    good = (SOURCE / "content" / "documents" / "cong-van-dang.xml").read_text(encoding="utf-8")
    inputs = work / "names"
    (inputs / "a").mkdir(parents=True)
    (inputs / "b").mkdir()
    for relative in ("..xml", ".hidden.xml", "a/.xml", "line\nbreak.xml", "back\\slash.xml", "a/same.xml", "b/same.xml",
                     "traversal.xml"):
        (inputs / relative).write_text(good, encoding="utf-8")
    out = work / "names-out"
    out.mkdir()
    outside = work / "outside.pdf"
    outside.write_text("do not touch")
    os.symlink(outside, out / "same.pdf")
    before = sorted(p.name for p in work.iterdir())
    result = vanban("render", inputs / "..xml", inputs / ".hidden.xml", inputs / "a" / ".xml",
                    inputs / "line\nbreak.xml", inputs / "back\\slash.xml", inputs / "a" / "same.xml",
                    inputs / "b" / "same.xml", inputs / "a" / ".." / "traversal.xml", "-o", out)
    check(result.returncode == 1, f"names: exit {result.returncode}, expected 1")
    for fragment in ("'.' starts with a dot", "'.hidden' starts with a dot", "it has no name before .xml",
                     "holds a control character", "holds a backslash", "output name 'same' is already taken"):
        check(fragment in result.stderr, f"names: {fragment!r} not reported: {result.stderr}")
    written = sorted(p.name for p in out.iterdir())
    check(written == ["fonts", "same.html", "same.pdf", "traversal.html", "traversal.pdf"],
          f"names: the output folder holds {written}")
    check(not (out / "same.pdf").is_symlink() and (out / "same.pdf").read_bytes().startswith(b"%PDF"),
          "names: the symlink at same.pdf was followed or kept")
    check(outside.read_text() == "do not touch", "names: a file outside the output folder was changed")
    check(sorted(p.name for p in work.iterdir()) == before, "names: something was created beside the output folder")

    # What a kill -9 at the moment of rename left is removed by the next run: only that pattern,
    # only for a process that is gone, only directly in the output folder.
    stale_out = work / "stale-out"
    (stale_out / "sub").mkdir(parents=True)
    dead, alive = "999999999", str(os.getpid())
    for name in (f".cong-van-dang.pdf.tmp-{dead}-7", f".cong-van-dang.pdf.tmp-{alive}-7", f"sub/.x.pdf.tmp-{dead}-1",
                 f"x.pdf.tmp-{dead}-1"):
        (stale_out / name).write_text("partial")
    os.symlink(outside, stale_out / f".l.pdf.tmp-{dead}-1")
    result = vanban("render", SOURCE / "content" / "documents" / "cong-van-dang.xml", "-o", stale_out)
    check(result.returncode == 0, f"stale: exit {result.returncode}: {result.stderr}")
    left = sorted(str(p.relative_to(stale_out)) for p in stale_out.rglob("*") if p.parent.name != "fonts")
    check(left == sorted([f".cong-van-dang.pdf.tmp-{alive}-7", f".l.pdf.tmp-{dead}-1", "cong-van-dang.html",
                          "cong-van-dang.pdf", "fonts", "sub", f"sub/.x.pdf.tmp-{dead}-1", f"x.pdf.tmp-{dead}-1"]),
          f"stale: the output folder holds {left}")
    check(outside.read_text() == "do not touch", "stale: the target of a link was touched")

    # An output folder that cannot be written is one message and status 2, before any rendering.
    blocked = work / "blocked-file" / "out"
    blocked.parent.write_text("a file where a folder should be")
    for command in (["render", *samples()], ["build", "--content", SOURCE / "content"]):
        result, cpu = vanban_cpu(*command, "-o", blocked)
        check(result.returncode == 2, f"{command[0]} -o {blocked}: exit {result.returncode}, expected 2: {result.stderr[-500:]}")
        check(result.stderr == f"vanban: the output folder '{blocked}' cannot be written: Not a directory; "
                               "choose another with -o DIR\n" if command[0] == "render" else
              result.stderr.startswith(f"vanban: the output folder '{blocked}/") and result.stderr.count("\n") == 1,
              f"{command[0]} -o {blocked}: not one clear message: {result.stderr[-500:]}")
        check(cpu < 10, f"{command[0]} -o {blocked}: took {cpu:.1f} s of CPU")


def default_signals():
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def group_interrupt(work):
    """A signal in the middle of a long run leaves whole files and no temporary file."""
    report = (SOURCE / "content" / "documents" / "bao-cao-dang.xml").read_text(encoding="utf-8")
    inputs = work / "inputs"
    inputs.mkdir()
    paths = []
    for i in range(400):
        path = inputs / f"r{i:03}.xml"
        path.write_text(report, encoding="utf-8")
        paths.append(path)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        out = work / f"out-{sig.name}"
        # A runner may start tests with SIGINT ignored, which vanban rightly keeps: start it as a
        # terminal would, with the default actions.
        process = subprocess.Popen([VANBAN, "render", *paths, "-o", out], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=clean_env(), preexec_fn=default_signals)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and pdfs_in(out) < 3:
            time.sleep(0.005)
        time.sleep(0.2)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
        check(process.returncode == -sig,
              f"{sig.name}: exit {process.returncode}; the run ended before the signal? {stderr[-300:]!r}")
        names = sorted(p.name for p in out.iterdir())
        pdfs = [n for n in names if n.endswith(".pdf")]
        check(0 < len(pdfs) < len(paths), f"{sig.name}: {len(pdfs)} PDFs written of {len(paths)}")
        temps = [n for n in names if ".tmp-" in n]
        if sig != signal.SIGKILL:  # SIGKILL cannot be caught: a stray temporary file is allowed
            check(temps == [], f"{sig.name}: temporary files left: {temps}")
        check(all(not n.startswith(".") or ".tmp-" in n for n in names), f"{sig.name}: unexpected hidden files")
        for name in pdfs:
            qpdf = tool("qpdf", "--check", out / name)
            check(qpdf.returncode == 0, f"{sig.name}: {name} fails qpdf --check (truncated?)")
            check((out / name.replace(".pdf", ".html")).is_file() or name == pdfs[-1],
                  f"{sig.name}: {name} has no HTML")


class DomCheck(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.h1, self.in_h1, self.html_lang = [], "", False, None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data


def chromium_dom(page, work, window_width=1280):
    profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
    result = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--window-size={window_width},900", "--dump-dom", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, env=clean_env())
    check(result.returncode == 0 and "<html" in result.stdout,
          f"chromium on {page.name}: exit {result.returncode}: {result.stderr[-500:]}")
    dom = DomCheck()
    dom.feed(result.stdout)
    return dom, result.stdout


def check_fits_window(page, work, window_width):
    """Nothing overflows sideways: on a copy of the page, a probe script compares the document's
    scroll width with the window's (the page itself carries no script)."""
    probe = ("<script>addEventListener('load',()=>{const d=document.documentElement;"
             "const p=document.createElement('pre');p.id='probe';"
             "p.textContent=d.scrollWidth+' '+d.clientWidth;document.body.appendChild(p);});</script>")
    copy = work / f"probe-{page.name}"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    _, text = chromium_dom(copy, work, window_width)
    found = re.search(r'<pre id="probe">(\d+) (\d+)</pre>', text)
    if check(found is not None, f"{page.name}: the width probe did not run"):
        check(int(found.group(1)) <= int(found.group(2)),
              f"{page.name}: content {found.group(1)} px wide overflows the {found.group(2)} px window "
              f"({window_width} px wide)")


def group_html(work):
    """Each page as a browser sees it (headless Chromium), and no way to inject script."""
    if not check(shutil.which("chromium") is not None, "chromium is not installed (debian-packages.txt)"):
        return
    inputs = samples()
    out = work / "out"
    render_all(inputs, out)
    for xml in inputs:
        dom, _ = chromium_dom(out / f"{xml.stem}.html", work)
        root = ET.parse(xml).getroot()
        check(dom.html_lang == "vi", f"{xml.stem}.html: <html lang> is {dom.html_lang!r}")
        h1_tags = [t for t, _ in dom.tags if t == "h1"]
        check(len(h1_tags) == 1, f"{xml.stem}.html: {len(h1_tags)} h1 elements")
        heading = squash(dom.h1).casefold()
        expected = {"chi-thi": "chỉthị", "bao-cao": "báocáo"}.get(root.get("type"))
        if expected:
            check(expected in heading, f"{xml.stem}.html: h1 is {dom.h1!r}")
        else:
            check(squash(root.findtext("subject")).casefold() in heading, f"{xml.stem}.html: h1 is {dom.h1!r}")
        check("footer" in [t for t, _ in dom.tags], f"{xml.stem}.html: no <footer>")
        check("table" in [t for t, _ in dom.tags] or root.find("body/table") is None, f"{xml.stem}.html: no <table>")
        check("script" not in [t for t, _ in dom.tags], f"{xml.stem}.html: has a script element")
        # A phone's width: a wide table scrolls in its own box, the page never does.
        check_fits_window(out / f"{xml.stem}.html", work, 390)

    payload = "&lt;script&gt;document.body.dataset.pwned=1&lt;/script&gt;&lt;img src=x onerror=\"document.body.dataset.pwned=2\"&gt;"
    hostile = hostile_document(payload)
    hostile = hostile.replace("<signer>Lê Hoàng Phúc</signer>", "<signer>\"&gt;&lt;svg onload=alert(3)&gt;</signer>")
    hostile = hostile.replace("<recipient>Các đồng chí Tỉnh ủy viên</recipient>",
                              "<recipient>&lt;/footer&gt;&lt;iframe src=javascript:alert(4)&gt;</recipient>")
    hostile = hostile.replace("<subject>về ", "<subject>&lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt; về ")
    xml = work / "hostile.xml"
    xml.write_text(hostile, encoding="utf-8")
    render_all([xml], work / "hostile-out")
    page = work / "hostile-out" / "hostile.html"
    if page.is_file():
        dom, text = chromium_dom(page, work)
        tags = [t for t, _ in dom.tags]
        for bad in ("script", "img", "svg", "iframe"):
            check(bad not in tags, f"hostile.html: a <{bad}> element was injected")
        check(all(not k.startswith("on") for _, attrs in dom.tags for k in attrs), "hostile.html: an on* attribute was injected")
        check("pwned" not in "".join(str(a) for _, a in dom.tags), "hostile.html: injected script ran")
        check("&lt;script&gt;document.body.dataset.pwned=1&lt;/script&gt;" in text,
              "hostile.html: the text '<script>...' is not shown as text")


# ---------------------------------------------------------------------------------------------
# vanban build

MAKE_PROVINCE = ""


def sample_content(work, month_data=None, month_settings=None):
    """A content folder: the shipped sample month (or the meeting data of `month_data`, a folder
    holding 2026-10.xml and 2026-10/*.csv, with `month_settings` as month.xml) and no documents."""
    content = work / "content"
    month = content / "2026-10"
    if month_data is None:
        shutil.copytree(SOURCE / "content" / "2026-10", month)
    else:
        month.mkdir(parents=True)
        shutil.copy(month_data / "2026-10.xml", month / "meetings.xml")
        for csv in sorted((month_data / "2026-10").glob("*.csv")):
            shutil.copy(csv, month / csv.name)
        shutil.copy(month_settings, month / "month.xml")
    return content


def build(*args, expect=0, env=None, timeout=300):
    result = vanban("build", *args, env=env, timeout=timeout)
    check(result.returncode == expect, f"build {' '.join(map(str, args))} exited {result.returncode}, "
                                       f"expected {expect}: {result.stderr[-2000:]}")
    return result


def run_report(folder):
    path = folder / "run-report.json"
    if not check(path.is_file(), f"{path} not written"):
        return {"counts": {}, "written": [], "unchanged": [], "rejected": [], "warnings": []}
    return json.loads(path.read_text(encoding="utf-8"))


def tree_files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def group_build_threads(work):
    """`vanban build` with one and with two threads: the same files, byte for byte; every PDF
    passes qpdf and embeds subset Unicode fonts."""
    outs = {}
    for jobs in (1, 2):
        out = work / f"out-{jobs}"
        result = build("--content", SOURCE / "content", "-o", out, "--jobs", jobs)
        check("2026-10: " in result.stderr and "documents: " in result.stderr,
              f"--jobs {jobs}: no per-folder lines on stderr: {result.stderr[-500:]}")
        outs[jobs] = out
    files = tree_files(outs[1])
    check(files == tree_files(outs[2]), "--jobs 1 and --jobs 2 wrote different file sets")
    month_pdfs = [f for f in files if f.parts[0] == "2026-10" and f.suffix == ".pdf" and not f.stem.endswith("-a5")]
    booklets = [f for f in files if f.parts[0] == "2026-10" and f.stem.endswith("-a5")]
    check(len(booklets) == 6, f"{len(booklets)} A5 booklets for the sample month, expected one per organisation")
    check(len(month_pdfs) >= 20, f"only {len(month_pdfs)} PDFs for the sample month")
    check(len([f for f in files if f.parts[0] == "documents" and f.suffix == ".pdf"]) == len(samples()),
          "not every content/documents sample was built")
    for f in files:
        a, b = (outs[1] / f).read_bytes(), (outs[2] / f).read_bytes()
        if f.name == "run-report.json":  # names its own output folder
            a, b = a.replace(str(outs[1]).encode(), b"OUT"), b.replace(str(outs[2]).encode(), b"OUT")
        check(a == b, f"{f}: --jobs 1 and --jobs 2 differ")
    report = run_report(outs[2] / "2026-10")
    check(report["counts"].get("written") == len(month_pdfs) and report["counts"].get("rejected") == 0,
          f"2026-10 run report counts: {report['counts']}")
    check(all(w["kind"] in ("bao-cao", "cong-van", "huong-dan") and w["pdf_bytes"] > 0 and w["html_bytes"] > 0
              for w in report["written"]), "2026-10 run report: an entry without kind or sizes")
    check(sum(1 for w in report["written"] if w.get("booklet_pdf_bytes", 0) > 0) == 6,
          "2026-10 run report: the guides' booklets are not listed")
    if shutil.which("chromium"):
        for page in ("bao-cao-thang-2026-10.html", "tai-lieu-sinh-hoat-nong-dan-2026-10.html"):
            for width in (1280, 390):
                check_fits_window(outs[2] / "2026-10" / page, work, width)
    summary = [w for w in report["written"] if w["name"] == "bao-cao-thang-2026-10"]
    check(len(summary) == 1 and summary[0].get("pages", 0) >= 2, f"the summary's report entry: {summary}")
    for f in month_pdfs:
        pdf = outs[2] / f
        qpdf = tool("qpdf", "--check", pdf)
        check(qpdf.returncode == 0, f"{f}: qpdf --check exited {qpdf.returncode}")
        fonts = tool("pdffonts", pdf)
        rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
        check(rows and all(r[-5:-2] == ["yes", "yes", "yes"] for r in rows), f"{f}: fonts not embedded subsets: {rows}")
        check_pdf_text_matches_html(pdf, pdf.with_suffix(".html"))


class BlockTexts(html.parser.HTMLParser):
    """The text of every paragraph, heading and table cell in an HTML page's <main>."""
    BLOCKS = {"p", "h1", "h2", "h3", "li", "td", "th"}

    def __init__(self):
        super().__init__()
        self.in_main = 0
        self.stack = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main += 1
        if self.in_main and tag in self.BLOCKS:
            self.stack.append([])

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1
        if self.in_main and tag in self.BLOCKS and self.stack:
            text = "".join(self.stack.pop())
            if self.stack:
                self.stack[-1].append(text)
            if text.strip():
                self.texts.append(text)

    def handle_data(self, data):
        if self.stack:
            self.stack[-1].append(data)


def check_pdf_text_matches_html(pdf, page):
    """A generated document has no markup file to compare with, but its PDF and HTML come from
    the same markup: every block of the HTML must be in the PDF's text, in NFC."""
    _, reading_order = pdf_pages(pdf, None)
    _, stream_order = pdf_pages(pdf, "-raw")  # where a table cell's wrapped lines stay together
    check(unicodedata.is_normalized("NFC", "".join(reading_order)), f"{pdf.name}: pdftotext output is not NFC")
    extractions = [squash("".join(reading_order)), squash("".join(stream_order))]
    parser = BlockTexts()
    parser.feed(page.read_text(encoding="utf-8"))
    check(len(parser.texts) > 3, f"{page.name}: no text blocks found")
    missing = [t for t in parser.texts if not any(squash(t) in e for e in extractions)]
    check(not missing, f"{pdf.name}: {len(missing)} blocks of the HTML are not in the PDF text, e.g. {missing[:2]}")


def file_states(root):
    return {p.relative_to(root): (p.stat().st_ino, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def group_build_rerun(work):
    """A rerun on unchanged input writes nothing and says so; a change rebuilds only what it
    touches; a document that is gone has its outputs removed; a terminal gets a progress bar."""
    content = sample_content(work)
    shutil.copytree(SOURCE / "content" / "documents", content / "documents")
    out = work / "out"
    first = build("--content", content, "-o", out)
    total = run_report(out / "2026-10")["counts"].get("written", 0)
    check(total >= 20, f"first build wrote {total} documents of the month")
    before = file_states(out)
    second = build("--content", content, "-o", out)
    check(f"2026-10: 0 written, {group_thousands(str(total))} unchanged" in second.stderr,
          f"the rerun does not say '0 written, {total} unchanged': {second.stderr}")
    check("documents: 0 written, 6 unchanged" in second.stderr, f"rerun of documents: {second.stderr}")
    after = file_states(out)
    changed = sorted(str(f) for f in before if before[f] != after.get(f) and f.name != "run-report.json")
    check(changed == [], f"the rerun rewrote {changed[:5]}")
    check(run_report(out / "2026-10")["counts"].get("unchanged") == total, "rerun report: not all unchanged")
    third_states = file_states(out)
    build("--content", content, "-o", out, "--quiet")
    check(file_states(out) == third_states, "a third run rewrote something (run-report.json included)")

    # One edited document is rebuilt alone; a deleted one has its outputs removed.
    doc = content / "documents" / "cong-van-dang.xml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("<number>1052</number>", "<number>1053</number>"),
                   encoding="utf-8")
    (content / "documents" / "chi-thi-dang.xml").unlink()
    edited = build("--content", content, "-o", out)
    report = run_report(out / "documents")
    check([w["name"] for w in report["written"]] == ["cong-van-dang"], f"after an edit, written: {report['written']}")
    check(report["removed"] == ["chi-thi-dang"], f"after a deletion, removed: {report['removed']}")
    check(not (out / "documents" / "chi-thi-dang.pdf").exists(), "the deleted document's PDF is still there")
    check("documents: 1 written, 4 unchanged, 1 removed" in edited.stderr, f"edit/delete summary: {edited.stderr}")
    pdf_text = tool("pdftotext", out / "documents" / "cong-van-dang.pdf", "-").stdout
    check("1053-CV/TU" in squash(pdf_text), "the edited number is not in the rebuilt PDF")

    # On a terminal: a bar redrawn in place (carriage returns), the same summary.
    master, slave = pty.openpty()
    process = subprocess.Popen([VANBAN, "build", "--content", content, "-o", work / "out-tty", "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=slave, env=clean_env())
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    check(process.returncode == 0, f"build on a terminal exited {process.returncode}")
    check("\r\x1b[K2026-10 [" in shown and "doc/s" in shown, f"no progress bar on a terminal: {shown[-500:]!r}")
    check(f"{group_thousands(str(total))}/{group_thousands(str(total))}" in shown, "the bar never reached the total")


def make_province(folder, branches):
    result = subprocess.run([MAKE_PROVINCE, folder, "--branches", str(branches)], capture_output=True, text=True,
                            timeout=60)
    check(result.returncode == 0, f"vanban_make_province exited {result.returncode}: {result.stderr}")


def pdfs_in(folder):
    """How many PDFs `folder` holds now; 0 while it is missing. vanban's write probe makes a
    missing output folder and removes it again, so it may vanish between two looks."""
    try:
        return sum(1 for entry in os.scandir(folder) if entry.name.endswith(".pdf"))
    except FileNotFoundError:
        return 0


def group_build_interrupt(work):
    """SIGINT or SIGTERM in the middle of a build of a generated month: exit 130 or 143, only
    whole files (qpdf), no temporary file (the month's scratch database included), a manifest of
    what was done; the next run completes the set, byte for byte as an uninterrupted build. After
    a SIGKILL the next run removes the killed run's scratch databases."""
    if not check(bool(MAKE_PROVINCE), "--make-province not given"):
        return
    content = work / "content"
    make_province(content, 300)
    reference = work / "reference"
    build("--content", content, "-o", reference, "--quiet")
    expected = tree_files(reference)
    total = len([f for f in expected if f.suffix == ".pdf"])
    check(total > 250, f"the generated month has only {total} documents")
    for sig, status in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        out = work / f"out-{sig.name}"
        month = out / "2026-10"
        process = subprocess.Popen([VANBAN, "build", "--content", content, "-o", out, "--jobs", "2"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=clean_env(),
                                   preexec_fn=default_signals)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and pdfs_in(month) < 40:
            time.sleep(0.005)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=120)
        check(process.returncode == status, f"{sig.name}: exit {process.returncode}, expected {status}: {stderr[-500:]}")
        check("run vanban build again to finish" in stderr.decode(), f"{sig.name}: no stop message: {stderr[-500:]}")
        names = sorted(p.name for p in month.iterdir())
        pdfs = [n for n in names if n.endswith(".pdf")]
        check(0 < len(pdfs) < total, f"{sig.name}: {len(pdfs)} of {total} PDFs written: not interrupted mid-run")
        check([n for n in names if ".tmp-" in n or n.startswith(".")] == [], f"{sig.name}: temporary files left")
        for name in pdfs:
            check(tool("qpdf", "--check", month / name).returncode == 0, f"{sig.name}: {name} fails qpdf --check")
            check((month / name.replace(".pdf", ".html")).is_file(), f"{sig.name}: {name} has no HTML")
        manifest = (month / "manifest.txt").read_text(encoding="utf-8").splitlines()
        check(len(manifest) - 1 == len(pdfs), f"{sig.name}: the manifest lists {len(manifest) - 1} documents, "
                                              f"{len(pdfs)} PDFs are there")
        check(run_report(month)["interrupted"] is True, f"{sig.name}: the run report does not say interrupted")

        rest = build("--content", content, "-o", out, "--jobs", "2")
        report = run_report(month)
        check(report["counts"].get("unchanged") == len(pdfs) and
              report["counts"].get("written") == total - len(pdfs),
              f"{sig.name}: the next run: {report['counts']}, expected {len(pdfs)} unchanged")
        check(tree_files(out) == expected, f"{sig.name}: the completed set differs from an uninterrupted build")
        for f in expected:
            if f.name != "run-report.json" and f.name != "manifest.txt":
                check((out / f).read_bytes() == (reference / f).read_bytes(), f"{sig.name}: {f} differs")
        check((month / "manifest.txt").read_bytes() == (reference / "2026-10" / "manifest.txt").read_bytes(),
              f"{sig.name}: the completed manifest differs")
        del rest

    # A kill -9 leaves the run's scratch databases in the output folder: the month's records
    # (store/month_store.h) and the build's bookkeeping (batch/folder_ledger.h); the next run
    # removes them, its process being gone, and completes the set.
    out = work / "out-SIGKILL"
    month = out / "2026-10"
    process = subprocess.Popen([VANBAN, "build", "--content", content, "-o", out, "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and pdfs_in(month) < 40:
        time.sleep(0.005)
    process.kill()
    process.wait(timeout=60)
    left = sorted(p.name.split(".tmp-")[0] for p in month.iterdir() if ".sqlite.tmp-" in p.name)
    check(left == [".build.sqlite", ".month-records.sqlite"], f"SIGKILL: the run's scratch databases: {left}")
    build("--content", content, "-o", out, "--jobs", "2")
    hidden = [p.name for p in month.iterdir() if p.name.startswith(".")]
    check(hidden == [], f"SIGKILL: the next run left {hidden}")
    check(tree_files(out) == expected, "SIGKILL: the completed set differs from an uninterrupted build")


def group_build_inputs(work):
    """CSV and XML give the same documents; bad records are named and the rest is built (exit 1);
    usage errors exit 2."""
    content = sample_content(work)
    xml_out, csv_out = work / "xml", work / "csv"
    build("--content", content, "-o", xml_out, "--month", "2026-10")
    result = build("--content", content, "-o", csv_out, "--month", "2026-10", "--csv")
    check(f"reading {content / '2026-10'}\n" in result.stderr, f"--csv did not read the CSV set: {result.stderr[:300]}")
    xml_files, csv_files = tree_files(xml_out), tree_files(csv_out)
    check(xml_files == csv_files, "XML and CSV built different file sets")
    check(len([f for f in xml_files if f.suffix == ".pdf"]) >= 20, "too few documents built from the sample month")
    for f in xml_files:
        if f.suffix in (".pdf", ".html"):
            check((xml_out / f).read_bytes() == (csv_out / f).read_bytes(), f"{f}: CSV and XML inputs differ")
    check(not (xml_out / "documents").exists(), "--month built content/documents too")

    bad_data = SOURCE / "tests" / "data" / "meetings" / "bad"
    for csv in (False, True):
        bad = sample_content(work / ("bad-csv" if csv else "bad-xml"), bad_data,
                             SOURCE / "tests" / "data" / "month" / "small-month.xml")
        out = work / ("bad-csv-out" if csv else "bad-xml-out")
        result = build("--content", bad, "-o", out, *(["--csv"] if csv else []), expect=1)
        report = run_report(out / "2026-10")
        rejected = [f"{Path(r['file']).name}:{r['line']}:{r['column']}: {r['message']}" for r in report["rejected"]]
        first = ("branches.csv:4:1: " if csv else "meetings.xml:10:13: ") + \
            "branch 'B1' rejected: the id is already used at " + ("branches.csv:2" if csv else "")
        check(len(rejected) == 23 and rejected[0].startswith(first), f"bad records (csv={csv}): {rejected[:3]}")
        check(report["counts"].get("rejected") == 23 and report["counts"].get("warnings") == 1,
              f"bad records (csv={csv}): counts {report['counts']}")
        for r in report["rejected"]:
            line = f"{r['file']}:{r['line']}:{r['column']}: {r['message']}"
            check(line in result.stderr, f"bad records (csv={csv}): not on stderr: {line}")
        check(report["counts"].get("written", 0) >= 2 and
              all((out / "2026-10" / f"{w['name']}.pdf").is_file() for w in report["written"]),
              f"bad records (csv={csv}): the good records were not built: {report['counts']}")
        check(report["failed"] == [], f"bad records (csv={csv}): documents failed: {report['failed']}")

    for args in (["--month", "2031-01", "--content", content], ["--month", "2026-13"], ["x.xml"],
                 ["--jobs", "0"], ["--content", work / "nowhere"], ["--format", "pdf"]):
        result = vanban("build", *args, "-o", work / "usage-out")
        check(result.returncode == 2, f"build {args}: exit {result.returncode}, expected 2: {result.stderr}")
    help_text = vanban("build", "--help")
    check(help_text.returncode == 0 and "Usage: vanban build" in help_text.stdout and "--jobs" in help_text.stdout,
          f"build --help: {help_text.returncode} {help_text.stdout[:200]}")
    check("vanban build" in vanban("--help").stdout, "vanban --help does not mention build")


# ---------------------------------------------------------------------------------------------
# vanban guides: the monthly discussion guides

GUIDE_ORGANISATIONS = ["dang", "mat-tran", "nong-dan", "phu-nu", "cuu-chien-binh", "doan"]
GUIDE_TITLES = {"dang": "Tài liệu sinh hoạt chi bộ", "mat-tran": "Tài liệu sinh hoạt Ban công tác Mặt trận",
                "nong-dan": "Tài liệu sinh hoạt chi, tổ hội", "phu-nu": "Tài liệu sinh hoạt chi, tổ hội",
                "cuu-chien-binh": "Tài liệu sinh hoạt chi, tổ hội", "doan": "Tài liệu sinh hoạt chi đoàn"}


def guide_headings(guidance, organisation):
    """The headings the organisation's guide must have, read from the guidance file: its topics in
    order, then the news, commemorations and meeting days when any is addressed to it."""
    root = ET.parse(guidance).getroot()

    def addressed(element, default="all"):
        audience = element.get("audience", default).split()
        return audience == ["all"] or organisation in audience

    def words(element):
        return " ".join("".join(element.itertext()).split())

    topics = [t for t in root.findall("topic") if addressed(t)]
    headings = [f"Chuyên đề {i}. {words(t.find('title'))}" for i, t in enumerate(topics, start=1)]
    for tag, heading in (("news", "Thông tin thời sự"), ("commemoration", "Những ngày kỷ niệm trong tháng"),
                         ("meeting-days", "Lịch sinh hoạt trong tháng")):
        if any(addressed(e) for e in root.findall(tag)):
            headings.append(heading)
    return headings


def booklet_order(count):
    """A5 page index (0-based, -1 blank) of each half side, as a saddle-stitch booklet prints; the
    outside back cover (the last page) is always blank."""
    padded = (count + 4) // 4 * 4
    order = []
    for sheet in range(padded // 4):
        for index in (padded - 1 - 2 * sheet, 2 * sheet, 2 * sheet + 1, padded - 2 - 2 * sheet):
            order.append(index if index < count else -1)
    return order


def page_words(pdf):
    """Per page: (width, [(xMin, yMin, xMax, yMax, word)]) from pdftotext -bbox."""
    result = tool("pdftotext", "-bbox", pdf, "-")
    check(result.returncode == 0, f"pdftotext -bbox {pdf.name}: {result.stderr}")
    pages = []
    for line in result.stdout.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            pages.append((float(page.group(1)), []))
        word = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if word and pages:
            pages[-1][1].append((*map(float, word.groups()[:4]), html.unescape(word.group(5))))
    return pages


def verify_contents(label, pages, headings):
    """The contents page lists each heading with the number of the first later page showing it.
    `pages`: squashed, case-folded text of every page, page 1 first."""
    toc = next((i for i, text in enumerate(pages) if "mụclục" in text), None)
    if not check(toc is not None, f"{label}: no contents page"):
        return
    for heading in headings:
        needle = squash(heading).casefold()
        entry = re.search(re.escape(needle) + r"\.+(\d+)", pages[toc])
        if not check(entry is not None, f"{label}: contents lack {heading!r}"):
            continue
        listed = int(entry.group(1))
        found = next((n for n in range(toc + 2, len(pages) + 1) if needle in pages[n - 1]), None)
        check(found == listed, f"{label}: contents give page {listed} for {heading!r}, found on page {found}")


def in_rows(words):
    """Words top to bottom, left to right: a contents entry's number stays on its line."""
    return sorted(words, key=lambda w: (round(w[1]), w[0]))


def check_pdf_basics(pdf, size):
    fonts = tool("pdffonts", pdf)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    check(fonts.returncode == 0 and len(rows) >= 2, f"{pdf.name}: pdffonts lists {len(rows)} fonts")
    for row in rows:
        check((row[-5], row[-4], row[-3]) == ("yes", "yes", "yes"), f"{pdf.name}: font {row[0]} not embedded subset with ToUnicode")
    qpdf = tool("qpdf", "--check", pdf)
    check(qpdf.returncode == 0, f"{pdf.name}: qpdf --check exited {qpdf.returncode}: {qpdf.stdout[-300:]}")
    info = tool("pdfinfo", pdf).stdout
    check(re.search(rf"^Page size:\s+{size}", info, re.M) is not None, f"{pdf.name}: page size is not {size}: {info}")
    check(re.search(r"^Author:\s+\S", info, re.M) is not None, f"{pdf.name}: no Author")
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def check_booklet(label, pdf, headings, cover_title):
    """Sides are 2 x ceil(n/4) for n A5 pages, each half holds the A5 page booklet_order says (its
    page number on top; the cover; blank padding), and the contents fit the A5 pages."""
    sides = page_words(pdf)
    halves = []
    for width, words in sides:
        for half in range(2):
            halves.append(in_rows([w for w in words if half * width / 2 <= (w[0] + w[2]) / 2 < (half + 1) * width / 2]))
    numbers = [int(h[0][4]) for h in halves if h and h[0][4].isdigit()]
    if not check(numbers, f"{label}: no numbered A5 page"):
        return
    count = max(numbers)  # the notes page, last, is numbered
    check(len(sides) == 2 * ((count + 4) // 4), f"{label}: {len(sides)} sides for {count} A5 pages")
    order = booklet_order(count)
    check(len(order) == len(halves), f"{label}: {len(halves)} halves, booklet order has {len(order)}")
    a5_pages = [""] * count
    for slot, (index, words) in enumerate(zip(order, halves)):
        where = f"{label}: side {slot // 2 + 1} {'left' if slot % 2 == 0 else 'right'}"
        if index < 0:
            check(not words, f"{where}: padding should be blank, holds {' '.join(w[4] for w in words[:6])!r}")
            continue
        a5_pages[index] = squash(" ".join(w[4] for w in words)).casefold()
        if index == 0:
            check(squash(cover_title).casefold() in a5_pages[0], f"{where}: the cover should be here")
        else:
            check(bool(words) and words[0][4] == str(index + 1),
                  f"{where}: page {index + 1} expected, top word {words[0][4] if words else None!r}")
    verify_contents(label, a5_pages, headings)


def guide_dom_check(page, headings, cover_title, work):
    dom, text = chromium_dom(page, work)
    tags = [t for t, _ in dom.tags]
    check(dom.html_lang == "vi", f"{page.name}: <html lang> is {dom.html_lang!r}")
    check(tags.count("h1") == 1 and squash(cover_title).casefold() in squash(dom.h1).casefold(),
          f"{page.name}: h1 is {dom.h1!r}")
    check("nav" in tags, f"{page.name}: no <nav> contents")
    links = [a.get("href", "") for t, a in dom.tags if t == "a" and a.get("href", "").startswith("#")]
    ids = {a.get("id") for _, a in dom.tags if a.get("id")}
    check(len(links) == len(headings), f"{page.name}: {len(links)} contents links for {len(headings)} headings")
    for link in links:
        check(link[1:] in ids, f"{page.name}: contents link {link} has no target")
    in_text = squash(text).casefold()
    for heading in headings:
        check(squash(heading).casefold() in in_text, f"{page.name}: heading {heading!r} not in the page")
    check("script" not in tags, f"{page.name}: has a script element")


HEADER_DISPATCH = """<?xml version="1.0" encoding="UTF-8"?>
<document layout="{layout}" type="cong-van">
<issuer><name>Ban Thường vụ tỉnh</name><code>BTV</code></issuer>
<number>57</number><place>Vĩnh Giang</place><date>2026-10-05</date>
<subject>tổ chức sinh hoạt tháng 10 năm 2026</subject>
<to><recipient>Các chi hội</recipient></to>
<body><p>Đề nghị các chi hội tổ chức sinh hoạt đúng ngày quy định.</p></body>
<signature><role>Chủ tịch</role><signer>Nguyễn Văn An</signer></signature>
</document>
"""

# docs/layouts/ (Front, Youth Union and unions): each new profile's title lines (right column), the mark under the issuer
# and how the number starts.
HEADER_RULES = {
    "mat-tran": (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], None, "Số: 57/BTV"),
    "doan": (["ĐOÀN TNCS HỒ CHÍ MINH"], "***", "Số: 57-CV/BTV"),
    "hoi-nong-dan": (["HỘI NÔNG DÂN VIỆT NAM"], "*", "Số 57-CV/BTV"),
    "hoi-phu-nu": (["HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM"], "*", "Số 57-CV/BTV"),
    "hoi-cuu-chien-binh": (["HỘI CỰU CHIẾN BINH VIỆT NAM"], "*", "Số 57-CV/BTV"),
}


def horizontal_rules(pdf, work):
    """(x1, x2, y from the top) of every horizontal line on page 1, from the uncompressed stream."""
    plain = work / (pdf.stem + "-qdf.pdf")
    tool("qpdf", "--qdf", "--object-streams=disable", pdf, plain)
    data = plain.read_bytes().decode("latin-1")
    height = float(re.search(r"/MediaBox \[\s*0\s+0\s+[\d.]+\s+([\d.]+)", data).group(1))
    rules = []
    for x1, y1, x2, y2 in re.findall(r"([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l\nS", data):
        if abs(float(y1) - float(y2)) < 0.01:
            rules.append((float(x1), float(x2), height - float(y1)))
    return rules


def find_line(words, text):
    """The words of page 1 that spell `text` in a row: (xMin, yMin, xMax, yMax), or None."""
    parts = text.split()
    for i in range(len(words) - len(parts) + 1):
        run = words[i:i + len(parts)]
        if [w[4] for w in run] == parts and all(abs(w[1] - run[0][1]) < 1 for w in run):
            return (run[0][0], min(w[1] for w in run), run[-1][2], max(w[3] for w in run))
    return None


def check_header_positions(work):
    out = work / "headers"
    inputs = []
    for layout in HEADER_RULES:
        xml = work / f"header-{layout}.xml"
        xml.write_text(HEADER_DISPATCH.format(layout=layout), encoding="utf-8")
        inputs.append(xml)
    render_all(inputs, out, "--format", "pdf")
    for layout, (titles, mark, number) in HEADER_RULES.items():
        pdf = out / f"header-{layout}.pdf"
        if not check(pdf.is_file(), f"{layout}: the dispatch was not rendered"):
            continue
        width, words = page_words(pdf)[0]
        middle, label = width / 2, f"{layout} header"
        lines = [find_line(words, t) for t in titles]
        issuer = find_line(words, "BAN THƯỜNG VỤ TỈNH")
        numbering = find_line(words, number)
        if not check(None not in lines and issuer and numbering,
                     f"{label}: title {lines}, issuer {issuer}, number {numbering} not all found"):
            continue
        for title, box in zip(titles, lines):
            check((box[0] + box[2]) / 2 > middle and box[1] < 40 * MM,
                  f"{label}: {title!r} at x {box[0]:.0f}-{box[2]:.0f} y {box[1]:.0f}: not in the right half near the top")
        check((issuer[0] + issuer[2]) / 2 < middle and abs(issuer[1] - lines[0][1]) < 2,
              f"{label}: the issuer at x {issuer[0]:.0f}-{issuer[2]:.0f} y {issuer[1]:.0f}: not in the left half on the title's line")
        stars = [w for w in words if w[4] in ("*", "***")]
        if mark is None:
            check(not stars, f"{label}: a star mark under the issuer: {stars}")
        else:
            below = [w for w in stars if w[4] == mark and issuer[3] - 1 <= w[1] < numbering[1]
                     and abs((w[0] + w[2]) / 2 - (issuer[0] + issuer[2]) / 2) < 3]
            check(len(below) == 1, f"{label}: no {mark!r} centred between the issuer and the number: {stars}")
        check(numbering[1] > issuer[3] and (numbering[0] + numbering[2]) / 2 < middle,
              f"{label}: {number!r} not under the issuer in the left half")
        last = lines[-1]
        under = [r for r in horizontal_rules(pdf, work)
                 if last[3] - 1 <= r[2] <= last[3] + 8 and abs(r[0] - last[0]) < 1.5 and abs(r[1] - last[2]) < 1.5]
        check(len(under) == 1, f"{label}: no rule as long as {titles[-1]!r} right under it")


def group_guides(work):
    """`vanban guides` on the sample month: every organisation's guide as A4 PDF, A5 booklet and
    HTML; the contents' page numbers against the pages; the booklet's imposition; the HTML in
    headless Chromium; the header positions of the Front and mass-organisation profiles."""
    guidance = SOURCE / "content" / "2026-10" / "guidance.xml"
    out = work / "guides"
    result = vanban("guides", guidance, "-o", out)
    check(result.returncode == 0, f"guides exited {result.returncode}: {result.stderr}")
    written = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
    expected = sorted(f"tai-lieu-sinh-hoat-{o}-2026-10{suffix}" for o in GUIDE_ORGANISATIONS
                      for suffix in (".pdf", "-a5.pdf", ".html"))
    check(written == expected, f"guides wrote {written}")
    has_chromium = check(shutil.which("chromium") is not None, "chromium is not installed (debian-packages.txt)")
    for organisation in GUIDE_ORGANISATIONS:
        name = f"tai-lieu-sinh-hoat-{organisation}-2026-10"
        a4, a5, page = out / f"{name}.pdf", out / f"{name}-a5.pdf", out / f"{name}.html"
        if not check(a4.is_file() and a5.is_file() and page.is_file(), f"{name}: not all written"):
            continue
        headings = guide_headings(guidance, organisation)
        title = GUIDE_TITLES[organisation]
        check_pdf_basics(a4, r"595\.\d* x 841\.\d* pts \(A4\)")
        check_pdf_basics(a5, r"841\.\d* x 595\.\d* pts|839\.\d* x 595\.\d* pts")
        printed, _ = pdf_pages(a4, None)
        pages = [squash(" ".join(w[4] for w in in_rows(words))).casefold() for _, words in page_words(a4)]
        check(squash(title).casefold() in pages[0], f"{name}.pdf: page 1 is not the cover")
        check("ghichép" in pages[-1], f"{name}.pdf: the last page is not the notes page")
        verify_contents(f"{name}.pdf", pages, headings)
        for number, text in enumerate(printed[1:], start=2):
            check(re.search(rf"^\s*{number}\s*$", text, re.M) is not None, f"{name}.pdf: page {number} has no page number")
        check_booklet(f"{name}-a5.pdf", a5, headings, title)
        if has_chromium:
            guide_dom_check(page, headings, title, work)

    bad = work / "bad-guidance.xml"
    bad.write_text(guidance.read_text(encoding="utf-8").replace('audience="nong-dan"', 'audience="nong-dan hoi-sinh-vien"', 1),
                   encoding="utf-8")
    result = vanban("guides", bad, "-o", work / "bad-out")
    check(result.returncode == 1 and re.search(r"bad-guidance\.xml:\d+:\d+: unknown organisation 'hoi-sinh-vien'.*"
                                                r"dang, mat-tran, nong-dan, phu-nu, cuu-chien-binh, doan", result.stderr),
          f"a bad audience: exit {result.returncode}: {result.stderr}")
    check(vanban("guides").returncode == 2, "guides without a file is not bad usage")
    check("Usage: vanban guides" in vanban("guides", "--help").stdout, "guides --help")
    check_header_positions(work)


GROUPS = {
    "samples": group_samples,
    "determinism": group_determinism,
    "bad_inputs": group_bad_inputs,
    "usage": group_usage,
    "security": group_security,
    "interrupt": group_interrupt,
    "html": group_html,
    "build_threads": group_build_threads,
    "build_rerun": group_build_rerun,
    "build_interrupt": group_build_interrupt,
    "build_inputs": group_build_inputs,
    "guides": group_guides,
    "overflow": group_overflow,
}


def main():
    global VANBAN, SOURCE, MAKE_PROVINCE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=sorted(GROUPS))
    parser.add_argument("--vanban", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--make-province", default="", help="bench/vanban_make_province (build_interrupt)")
    args = parser.parse_args()
    VANBAN, SOURCE = str(Path(args.vanban).resolve()), Path(args.source).resolve()
    MAKE_PROVINCE = str(Path(args.make_province).resolve()) if args.make_province else ""
    with tempfile.TemporaryDirectory(prefix=f"vanban-e2e-{args.group}-") as work:
        GROUPS[args.group](Path(work))
    if FAILURES:
        print(f"{args.group}: {len(FAILURES)} checks failed", flush=True)
        return 1
    print(f"{args.group}: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
