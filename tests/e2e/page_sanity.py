#!/usr/bin/env python3
"""Page sanity of every PDF the shipped content produces, in every layout family.

Usage: page_sanity.py --vanban PATH --source DIR [--known FILE] [--jobs N] [--keep DIR] [--all]

What is checked:
- `vanban build --content SOURCE/content`: every month folder (reports, dispatches, discussion
  guides as A4 and as A5 booklets) and content/documents;
- every sample of content/documents rendered in each of the other layout families found in
  templates/profiles/*.xml (its layout="..." switched, an edition="..." dropped: an edition
  belongs to one family), named profiles/<sample>.<family>.pdf.

Each page is read with pdfminer (Debian python3-pdfminer): glyph boxes, text runs (glyphs drawn
one after the other without a jump) and vector paths. Checks, each with its name:
  overlap       no two glyphs of different runs drawn over each other (glyph cores, 0.5 pt
                tolerance; rules and borders are paths and are not glyphs);
  header-gutter page 1 of a lettered document: at least 2 mm between the left (issuer, number)
                and right (title, place and date) header columns, taken as the boxes of their
                text down to the type name, "Kính gửi:" or body;
  sheet-edge    no glyph or path within 5 mm of the sheet edge; on the A5 booklets (NAME-a5.pdf)
                also within 5 mm of the edges of each A5 half;
  split         no forbidden line break: a document code split at its hyphen or slash
                ("784- / QĐ/TU") anywhere; in centred and short-measure lines (all but the
                justified lines of body text) also a phrase of templates/phrases/keep-together.txt
                or a place name of the content ("Trường / Giang"), a number from its unit
                ("6 / tháng", "12 / %") or a date ("ngày / 12");
  draft-blank an unnumbered "Số" ("Số      -BC/HPN") leaves at least 12 pt for the number.

Every failure is printed as `DOC page N: what (text, position)`, positions in pt from the top
left of the sheet. The test passes when the set of (DOC, check) that fail equals the checked-in
list tests/e2e/page_sanity_known.txt: a new failure is an error, and so is a listed failure that
no longer happens (remove its line: the list only shrinks). --all ignores the list and fails on
any failure (what the test becomes once the list is empty).
"""
import argparse
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

try:
    import pdfminer  # noqa: F401
except ImportError:  # an interpreter other than Debian's (pyenv, venv): use Debian's package
    sys.path.append("/usr/lib/python3/dist-packages")
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTRect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

MM = 72 / 25.4
EDGE = 5 * MM          # nothing closer to the sheet (or A5 half) edge
GUTTER = 2 * MM        # between the header columns
DRAFT_BLANK = 12.0     # pt left for a number written by hand
OVERLAP_TOLERANCE = 0.5
CHECKS = ("overlap", "header-gutter", "sheet-edge", "split", "draft-blank")

# Words a number must stay with in short-measure text.
UNITS = {"tháng", "ngày", "năm", "tuần", "giờ", "phút", "%", "người", "lượt", "buổi", "lần",
         "đồng", "nghìn", "triệu", "tỷ", "hộ", "ha", "km"}
DATE_WORDS = {"ngày", "tháng", "năm"}
EDGE_PUNCT = "\"'“”‘’()[]{},;:.!?…"
PHRASES = []  # casefolded word lists, set by main() (and in each worker)


# ---------------------------------------------------------------------------------------------
# Reading pages

class Run:
    """Glyphs drawn one after the other on one baseline in one font: one text item of the layout
    (a header line, a word of a justified line, a table cell line)."""
    __slots__ = ("chars", "x0", "x1", "base", "size", "text", "id")

    def __init__(self, first, ident):
        self.chars, self.id = [first], ident

    def finish(self, height):
        self.x0 = min(c[0] for c in self.chars)
        self.x1 = max(c[1] for c in self.chars)
        self.base = height - self.chars[0][2]  # from the top
        self.size = max(c[3] for c in self.chars)
        self.text = "".join(c[4] for c in self.chars)


class Page:
    def __init__(self, number, width, height):
        self.number, self.width, self.height = number, width, height
        self.runs, self.paths = [], []  # paths: (x0, top, x1, bottom, line width)
        self.bars = []  # filled rectangles (a chart's bars, a value's ground): (x0, top, x1, bottom)


def read_pages(pdf):
    pages = []
    with open(pdf, "rb") as f:
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        for number, pdf_page in enumerate(PDFPage.get_pages(f), start=1):
            interpreter.process_page(pdf_page)
            layout = device.get_result()
            x0, y0, x1, y1 = layout.bbox
            page = Page(number, x1 - x0, y1 - y0)
            previous = None
            stack = list(layout)[::-1]
            while stack:
                item = stack.pop()
                if isinstance(item, LTFigure):
                    stack.extend(list(item)[::-1])
                elif isinstance(item, LTChar):
                    base = item.matrix[5]
                    glyph = (item.x0, item.x1, base, item.size, item.get_text(), item.fontname)
                    if (previous is not None and abs(previous[2] - base) < 0.01 and previous[5] == glyph[5]
                            and abs(glyph[0] - previous[1]) < 0.05):
                        page.runs[-1].chars.append(glyph)
                    else:
                        page.runs.append(Run(glyph, len(page.runs)))
                    previous = glyph
                elif isinstance(item, LTCurve):  # LTLine and LTRect are curves
                    half = (item.linewidth or 0) / 2
                    page.paths.append((item.x0 - half, page.height - item.y1 - half,
                                       item.x1 + half, page.height - item.y0 + half, item.linewidth or 0))
                    if isinstance(item, LTRect) and item.fill and item.width > 2 and item.height > 2:
                        page.bars.append((item.x0, page.height - item.y1, item.x1, page.height - item.y0))
            for run in page.runs:
                run.finish(page.height)
            pages.append(page)
    return pages


def where(run):
    return f"x {run.x0:.1f}, y {run.base:.1f}"


def short(text, limit=60):
    text = text.strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# overlap

def check_overlap(page):
    """Pairs of runs with glyph cores over each other: x within the advance (less 0.3 pt each
    side), y from 0.15 em under the baseline to 0.7 em over it."""
    boxes = []
    for run in page.runs:
        for x0, x1, base, size, text, _ in run.chars:
            if text.isspace() or x1 - x0 <= 0.6:
                continue
            top = page.height - base
            boxes.append((x0 + 0.3, x1 - 0.3, top - 0.70 * size, top + 0.15 * size, run))
    boxes.sort(key=lambda b: b[0])
    active, pairs = [], {}
    for box in boxes:
        active = [a for a in active if a[1] > box[0] + OVERLAP_TOLERANCE]
        for a in active:
            if a[4] is box[4]:
                continue
            dx = min(a[1], box[1]) - max(a[0], box[0])
            dy = min(a[3], box[3]) - max(a[2], box[2])
            if dx > OVERLAP_TOLERANCE and dy > OVERLAP_TOLERANCE:
                key = (min(a[4].id, box[4].id), max(a[4].id, box[4].id))
                pairs.setdefault(key, (a[4], box[4]))
        active.append(box)
    return [f"glyphs drawn over each other: {short(a.text)!r} ({where(a)}) and {short(b.text)!r} ({where(b)})"
            for a, b in pairs.values()]


# ---------------------------------------------------------------------------------------------
# header-gutter

DATE_LINE = re.compile(r"ngày\s+\S+\s+tháng|tháng\s+\S+\s+năm\s+\S+")  # whole or wrapped
NUMBER_LINE = re.compile(r"^Số\b:?")


def check_header_gutter(page):
    runs = page.runs
    dates = [r for r in runs if DATE_LINE.search(r.text) and (r.x0 + r.x1) / 2 > page.width / 2
             and r.base < page.height / 3]
    numbers = [r for r in runs if NUMBER_LINE.match(r.text) and (r.x0 + r.x1) / 2 < page.width / 2
               and r.base < page.height / 3]
    if not dates:
        if numbers:
            return [f"no place and date line in the right header column beside {short(numbers[0].text)!r} "
                    f"({where(numbers[0])})"]
        return []  # no letter header on this page (a cover)
    date = min(dates, key=lambda r: r.base)
    right_axis = (date.x0 + date.x1) / 2
    if numbers:
        left_axis = (numbers[0].x0 + numbers[0].x1) / 2
    else:
        lefts = [r for r in runs if (r.x0 + r.x1) / 2 < right_axis - 40 and r.base <= date.base + 0.5]
        if not lefts:
            return [f"no left header column found beside {short(date.text)!r} ({where(date)})"]
        top = min(lefts, key=lambda r: r.base)
        left_axis = (top.x0 + top.x1) / 2
    zone = [r for r in runs if r.base <= date.base + 0.5 and not r.text.isspace()]
    last = max((r.base for r in zone if abs((r.x0 + r.x1) / 2 - left_axis) < 4), default=date.base)
    for r in sorted((r for r in runs if r.base > date.base + 0.5), key=lambda r: (r.base, r.x0)):
        if abs((r.x0 + r.x1) / 2 - left_axis) < 4 and r.base - last < 2.5 * r.size:
            zone.append(r)  # the left column goes on under the date line (công văn subject, urgency)
            last = r.base
        elif r.base > last + 0.5:
            break
    left = [r for r in zone if abs((r.x0 + r.x1) / 2 - left_axis) < abs((r.x0 + r.x1) / 2 - right_axis)]
    right = [r for r in zone if r not in left]
    if not left or not right:
        return []
    widest_left = max(left, key=lambda r: r.x1)
    first_right = min(right, key=lambda r: r.x0)
    gap = first_right.x0 - widest_left.x1
    if gap >= GUTTER:
        return []
    return [f"header columns {gap:.1f} pt apart (at least {GUTTER:.1f} pt = 2 mm): left {short(widest_left.text)!r} "
            f"ends at x {widest_left.x1:.1f} (y {widest_left.base:.1f}), right {short(first_right.text)!r} "
            f"starts at x {first_right.x0:.1f} (y {first_right.base:.1f})"]


# ---------------------------------------------------------------------------------------------
# sheet-edge

def check_sheet_edge(page, booklet):
    areas = [("sheet", 0.0, page.width)]
    if booklet:
        areas += [("left A5 half", 0.0, page.width / 2), ("right A5 half", page.width / 2, page.width)]
    items = []
    for run in page.runs:
        ink = [c for c in run.chars if not c[4].isspace()]
        if not ink:
            continue
        top = min(page.height - c[2] - 0.784 * c[3] for c in ink)
        bottom = max(page.height - c[2] + 0.216 * c[3] for c in ink)
        items.append((f"text {short(run.text, 40)!r}", min(c[0] for c in ink), top, max(c[1] for c in ink), bottom))
    for x0, top, x1, bottom, _ in page.paths:
        items.append((f"a path at x {x0:.1f}-{x1:.1f}, y {top:.1f}-{bottom:.1f}", x0, top, x1, bottom))
    found = []
    for label, x0, top, x1, bottom in items:
        centre = (x0 + x1) / 2
        for area, left, right in areas:
            if not (left <= centre < right or area == "sheet"):
                continue
            distance = min(x0 - left, right - x1, top, page.height - bottom)
            if distance < EDGE - 0.01:
                found.append(f"{label} {distance / MM:.1f} mm from the edge of the {area} (at least 5 mm; "
                             f"box x {x0:.1f}-{x1:.1f}, y {top:.1f}-{bottom:.1f})")
                break
    return found


# ---------------------------------------------------------------------------------------------
# Lines, for split and draft-blank

class Line:
    def __init__(self, runs):
        self.runs = runs
        self.x0 = min(r.x0 for r in runs)
        self.x1 = max(r.x1 for r in runs)
        self.base = runs[0].base
        self.size = max(r.size for r in runs)
        text = runs[0].text
        for a, b in zip(runs, runs[1:]):
            text += (" " if b.x0 - a.x1 > 0.1 * b.size else "") + b.text
        self.text = re.sub(r"\s+", " ", text).strip()
        # A justified line of body text: one run per word (a word may carry a spaced dash,
        # "trị -"), words spaced by the justification.
        self.justified = len(runs) >= 3 and len(runs) >= 0.6 * len(self.text.split())


def build_lines(page, booklet):
    """Runs on one baseline joined while the gap is under 1.2 em and no vertical rule (a table
    border) or the fold of a booklet sheet lies between them."""
    verticals = [p for p in page.paths if p[2] - p[0] < 2 and p[3] - p[1] > 4]
    by_base = {}
    for run in page.runs:
        if run.text.strip():
            by_base.setdefault(round(run.base * 4) / 4, []).append(run)
    lines = []
    for base, runs in by_base.items():
        runs.sort(key=lambda r: r.x0)
        current = [runs[0]]
        for run in runs[1:]:
            previous = current[-1]
            gap_left, gap_right = previous.x1, run.x0
            ruled = any(gap_left - 0.5 <= (p[0] + p[2]) / 2 <= gap_right + 0.5 and p[1] - 2 <= base <= p[3] + 2
                        for p in verticals)
            fold = booklet and gap_left <= page.width / 2 <= gap_right
            if gap_right - gap_left < 1.2 * max(run.size, previous.size) and not ruled and not fold:
                current.append(run)
            else:
                lines.append(Line(current))
                current = [run]
        lines.append(Line(current))
    lines.sort(key=lambda l: (l.base, l.x0))
    return lines


def bar_of(line, page):
    """The filled rectangle that `line` labels: one that starts within 2 em right of the text
    and spans its middle height (a chart's category label beside its bar), or None."""
    middle = line.base - 0.35 * line.size
    for bar in page.bars:
        if 0 <= bar[0] - line.x1 <= 2 * line.size and bar[1] - 0.5 <= middle <= bar[3] + 0.5:
            return bar
    return None


def next_line(line, lines, page):
    """The line under `line` in the same block: the nearest lower baseline within 1.9 em whose
    text overlaps it horizontally, with no rule between them. The labels of two chart bars are
    two texts, not one wrapped over two lines."""
    best = None
    bar = bar_of(line, page)
    for other in lines:
        drop = other.base - line.base
        if drop <= 0.5 or drop > 1.9 * max(line.size, other.size):
            continue
        overlap = min(line.x1, other.x1) - max(line.x0, other.x0)
        if overlap <= 0:
            continue
        if best is not None and other.base > best.base + 0.5:
            continue
        ruled = any(p[3] - p[1] < 2 and line.base < (p[1] + p[3]) / 2 < other.base - other.size * 0.7
                    and min(p[2], line.x1, other.x1) - max(p[0], line.x0, other.x0) > 0 for p in page.paths)
        if ruled:
            continue
        other_bar = bar_of(other, page)
        if (bar or other_bar) and bar != other_bar:
            continue
        if best is None or other.base < best.base - 0.5 or abs(other.x0 - line.x0) < abs(best.x0 - line.x0):
            best = other
    return best


OLD_TONE = re.compile("([uo])([yae])([\u0300\u0301\u0303\u0309\u0323])$")


def fold(word):
    """Casefolded NFC with the punctuation around a word removed and a word-final "uỷ", "oà",
    "oè" (tone mark on the last vowel, as 36-HD writes) moved to the first vowel ("ủy", "òa"), so
    that either spelling matches either."""
    word = unicodedata.normalize("NFD", unicodedata.normalize("NFC", word).casefold().strip(EDGE_PUNCT))
    return unicodedata.normalize("NFC", OLD_TONE.sub(r"\1\3\2", word))


UNIT_WORDS = re.compile(r"^(xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh|đặc khu)\s+", re.I)


def load_phrases(path, content):
    """The phrases of keep-together.txt, and the place names of the shipped content (<place>,
    and the communes and districts of the meeting data without "xã", "huyện" ...): a name such as
    "Trường Giang" is not split either ("TỈNH TRƯỜNG / GIANG")."""
    texts = [line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    for xml in sorted(content.rglob("*.xml")):
        data = xml.read_text(encoding="utf-8")
        texts += re.findall(r"<place>([^<]+)</place>", data)
        texts += [UNIT_WORDS.sub("", name) for name in re.findall(r'\b(?:commune|district)="([^"]+)"', data)]
    phrases = []
    for text in texts:
        words = [fold(w) for w in text.split()]
        if len(words) >= 2 and words not in phrases:
            phrases.append(words)
    return phrases


def phrase_matches(words):
    """(first, last) word ranges of the phrases in `words`, as vanban reads them: leftmost, then
    longest, first, and a match that begins inside an earlier one and runs past its end is none
    ("Ban Thường trực" in "Phó Trưởng ban Thường trực": "ban" belongs to "Phó Trưởng ban")."""
    found = sorted(((i, i + len(p)) for i in range(len(words)) for p in PHRASES if words[i:i + len(p)] == p),
                   key=lambda m: (m[0], -m[1]))
    kept = []
    for first, last in found:
        if not any(k0 < first < k1 < last for k0, k1 in kept):
            kept.append((first, last))
    return kept


CODE_HEAD = re.compile(r"[\dA-ZĐ][\w.]*[-/]$")      # "784-", "07/CT-", "12/3/"
CODE_TAIL = re.compile(r"^[\dA-ZĐ][\w]*([-/][\w]+)*")  # "QĐ/TU", "UBND-VX", "2026"
NUMBER = re.compile(r"^\d+([.,]\d+)*$")
LIST_MARKER = re.compile(r"^\d+[.)]$")  # "1." starting the next item, not a day or a year


def split_problem(a, b):
    """Why the break between line `a` and line `b` is forbidden, or None."""
    words_a, words_b = a.text.split(), b.text.split()
    if not words_a or not words_b:
        return None
    last, first = words_a[-1], words_b[0]
    if (CODE_HEAD.search(last) and any(ch.isalnum() for ch in last[:-1]) and CODE_TAIL.match(first)) or \
            (re.search(r"\d[\w]*$", last) and re.match(r"^[-/][\dA-ZĐ]", first)):
        return f"a code split: {last!r} / {first!r}"
    if a.justified or last[-1] in ".;:!?":
        return None  # body text may break there; a sentence or item ends there
    folded_a = [fold(w) for w in words_a[-6:]]
    folded_b = [fold(w) for w in words_b[:6]]
    words, cut = folded_a + folded_b, len(folded_a)
    for begin, end in phrase_matches(words):
        if begin < cut < end:
            return f"{' '.join(words[begin:cut])!r} / {' '.join(words[cut:end])!r} split (keep-together phrase)"
    if NUMBER.match(last.strip(EDGE_PUNCT)) and (fold(first) in UNITS or first.startswith("%")):
        return f"a number split from its unit: {last!r} / {first!r}"
    if fold(last) in DATE_WORDS and re.match(r"^\d", first) and not LIST_MARKER.match(first):
        return f"a date split: {last!r} / {first!r}"
    return None


def check_splits(page, lines):
    found = []
    for line in lines:
        below = next_line(line, lines, page)
        if below is None:
            continue
        problem = split_problem(line, below)
        if problem:
            found.append(f"{problem}: {short(line.text[-40:])!r} (x {line.x0:.1f}, y {line.base:.1f}) / "
                         f"{short(below.text, 40)!r} (y {below.base:.1f})")
    return found


# ---------------------------------------------------------------------------------------------
# draft-blank

def check_draft_blank(lines):
    found = []
    for line in lines:
        if not re.match(r"^Số:?\s*[-/]", line.text):
            continue
        chars = [c for r in line.runs for c in r.chars if not c[4].isspace()]
        # S, ố, maybe ":", then the separator
        index = 2 + (1 if len(chars) > 2 and chars[2][4] == ":" else 0)
        if len(chars) <= index or chars[index][4] not in "-/":
            continue
        blank = chars[index][0] - chars[index - 1][1]
        if blank < DRAFT_BLANK:
            found.append(f"unnumbered {line.text!r} leaves {blank:.1f} pt for the number (at least "
                         f"{DRAFT_BLANK:.0f} pt; x {line.x0:.1f}, y {line.base:.1f})")
    return found


# ---------------------------------------------------------------------------------------------
# The rules on made-up lines: each rule must catch what it is for (today's output has no code
# split, for instance) and let the ordinary breaks pass.

class _FakeLine:
    def __init__(self, text, justified=False):
        self.text, self.justified = text, justified


SPLIT_CASES = [
    # (line, next line, whether the first is a justified body line, the kind of problem or None)
    ("Thực hiện Quyết định số 784-", "QĐ/TU ngày 12 tháng 3", True, "code"),
    ("Căn cứ Công văn số 784", "-QĐ/TU của Tỉnh ủy", True, "code"),
    ("Số: 12/CT-", "UBND", False, "code"),
    ("báo cáo ngày 12/3/", "2026 của Ban", True, "code"),
    ("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ", "MINH", False, "phrase"),
    ("PHÓ TRƯỞNG BAN DÂN VẬN THỊ", "UỶ", False, "phrase"),
    ("HỘI CỰU CHIẾN BINH TỈNH TRƯỜNG", "GIANG", False, "phrase"),
    ("Báo cáo chậm 6", "ngày (gửi ngày", False, "unit"),
    ("tổ chức 6", "tháng đầu năm", False, "unit"),
    ("đạt 97,22", "% kế hoạch", False, "unit"),
    ("(hạn ngày", "05/11/2026)", False, "date"),
    ("Hà Nội, ngày 12 tháng 3 năm", "2026", False, "date"),
    ("Ủy ban Mặt trận Tổ", "quốc cùng cấp", True, None),   # justified body: a penalty, not a ban
    ("chức sinh hoạt bù ngay trong tháng.", "2. Nâng cao chất lượng", False, None),
    ("III. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM", "1. Hoàn thành bố trí", False, None),
    ("các đoàn thể chính trị -", "xã hội tỉnh", False, None),
    ("TỈNH ỦY TRƯỜNG GIANG", "BAN TUYÊN GIÁO", False, None),
    ("HỘI LIÊN HIỆP PHỤ NỮ TỈNH", "TRƯỜNG GIANG", False, None),
    ("PHÓ TRƯỞNG BAN", "THƯỜNG TRỰC", False, None),       # "ban" belongs to "Phó Trưởng ban"
    ("Ủy viên Ban", "Thường trực Đảng ủy", False, "phrase"),
]


def self_test():
    problems = []
    kinds = {"code": "a code split", "phrase": "keep-together phrase", "unit": "from its unit", "date": "a date split"}
    for first, second, justified, kind in SPLIT_CASES:
        found = split_problem(_FakeLine(first, justified), _FakeLine(second))
        if kind is None and found is not None:
            problems.append(f"self-test: {first!r} / {second!r} should pass, got {found!r}")
        elif kind is not None and (found is None or kinds[kind] not in found):
            problems.append(f"self-test: {first!r} / {second!r} should be {kind!r}, got {found!r}")
    return problems


# ---------------------------------------------------------------------------------------------
# One PDF

def check_pdf(job):
    label, pdf, phrases = job
    PHRASES[:] = phrases
    booklet = pdf.name.endswith("-a5.pdf")
    failures = []
    try:
        pages = read_pages(pdf)
    except Exception as error:  # a PDF pdfminer cannot read is a failure of every check
        return [(label, check, f"{label}: cannot be read: {error}") for check in CHECKS], 0
    for page in pages:
        lines = build_lines(page, booklet)
        results = {
            "overlap": check_overlap(page),
            "header-gutter": check_header_gutter(page) if page.number == 1 and not booklet else [],
            "sheet-edge": check_sheet_edge(page, booklet),
            "split": check_splits(page, lines),
            "draft-blank": check_draft_blank(lines),
        }
        for check, messages in results.items():
            for message in messages:
                failures.append((label, check, f"{label} page {page.number}: {check}: {message}"))
    return failures, len(pages)


# ---------------------------------------------------------------------------------------------
# Producing the PDFs

def clean_env():
    return {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "VANBAN_DATA", "VANBAN_FONTS")}


def families(source):
    found = set()
    for profile in (source / "templates" / "profiles").glob("*.xml"):
        match = re.search(r'<profile\b[^>]*\bfamily="([^"]+)"', profile.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return sorted(found)


def in_family(xml, family):
    def switch(root):
        tag = re.sub(r'\s+edition="[^"]*"', "", root.group(0))
        return re.sub(r'layout="[^"]*"', f'layout="{family}"', tag)
    return re.sub(r"<document\b[^>]*>", switch, xml, count=1)


def produce(vanban, source, work):
    """(label, path) of every PDF to check; problems producing them."""
    problems = []
    built = work / "build"
    # The documents only: the web site holds copies of the same PDFs.
    result = subprocess.run([vanban, "build", "--content", str(source / "content"), "-o", str(built), "--quiet",
                             "--no-site"],
                            capture_output=True, text=True, env=clean_env(), timeout=300)
    if result.returncode != 0:
        problems.append(f"vanban build --content {source / 'content'} exited {result.returncode}: {result.stderr[-2000:]}")
    pdfs = [(str(p.relative_to(built)), p) for p in sorted(built.rglob("*.pdf"))]

    variants, rendered = work / "profiles", work / "profiles-out"
    variants.mkdir()
    inputs = []
    for sample in sorted((source / "content" / "documents").glob("*.xml")):
        xml = sample.read_text(encoding="utf-8")
        own = re.search(r'<document\b[^>]*\blayout="([^"]+)"', xml)
        for family in families(source):
            if own and own.group(1) == family:
                continue  # documents/<sample>.pdf of the build
            path = variants / f"{sample.stem}.{family}.xml"
            path.write_text(in_family(xml, family), encoding="utf-8")
            inputs.append(path)
    if inputs:
        result = subprocess.run([vanban, "render", *map(str, inputs), "-o", str(rendered), "--format", "pdf"],
                                capture_output=True, text=True, env=clean_env(), timeout=300)
        if result.returncode != 0:
            problems.append(f"vanban render of the samples in other families exited {result.returncode}: "
                            f"{result.stderr[-2000:]}")
        for path in inputs:
            pdf = rendered / f"{path.stem}.pdf"
            if pdf.is_file():
                pdfs.append((f"profiles/{pdf.name}", pdf))
            else:
                problems.append(f"profiles/{pdf.name} was not written")
    if len(pdfs) < 10:
        problems.append(f"only {len(pdfs)} PDFs were produced")
    return pdfs, problems


def read_known(path):
    known = set()
    if not path.is_file():
        return known, [f"{path} is missing"]
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2 or parts[1] not in CHECKS:
            problems.append(f"{path.name}:{number}: expected 'DOC CHECK' with CHECK one of {', '.join(CHECKS)}: {line!r}")
            continue
        known.add((parts[0], parts[1]))
    return known, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vanban", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--known", help="known failures (default: tests/e2e/page_sanity_known.txt)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", help="copy the PDFs checked into this folder")
    parser.add_argument("--all", action="store_true", help="ignore the known failures: fail on any")
    args = parser.parse_args()
    vanban, source = str(Path(args.vanban).resolve()), Path(args.source).resolve()
    known_path = Path(args.known) if args.known else source / "tests" / "e2e" / "page_sanity_known.txt"
    phrases_path = source / "templates" / "phrases" / "keep-together.txt"
    started = time.monotonic()

    errors = []
    if not phrases_path.is_file():
        errors.append(f"{phrases_path} is missing")
        phrases = []
    else:
        phrases = load_phrases(phrases_path, source / "content")
    PHRASES[:] = phrases
    errors += self_test()
    with tempfile.TemporaryDirectory(prefix="vanban-page-sanity-") as work:
        pdfs, problems = produce(vanban, source, Path(work))
        errors += problems
        if args.keep:
            for label, pdf in pdfs:
                target = Path(args.keep) / label
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, target)
        jobs = [(label, pdf, phrases) for label, pdf in pdfs]
        if args.jobs > 1:
            with multiprocessing.Pool(args.jobs) as pool:
                results = pool.map(check_pdf, jobs, chunksize=1)
        else:
            results = [check_pdf(job) for job in jobs]
    failures = [f for result, _ in results for f in result]

    for message in errors:
        print(f"ERROR: {message}")
    failing = {}
    for label, check, message in failures:
        failing.setdefault((label, check), []).append(message)
    if args.all:
        known, problems = set(), []
    else:
        known, problems = read_known(known_path)
    for message in problems:
        print(f"ERROR: {message}")
    new = sorted(failing.keys() - known)
    fixed = sorted(known - failing.keys())
    for key in sorted(failing):
        tag = "FAIL" if key in new else "known"
        for message in failing[key]:
            print(f"{tag}: {message}")
    for label, check in fixed:
        print(f"FIXED: {label} {check} passes now: remove its line from {known_path.name} (the list only shrinks)")
    elapsed = time.monotonic() - started
    pages = sum(count for _, count in results)
    print(f"page_sanity: {len(pdfs)} PDFs, {pages} pages checked in {elapsed:.0f} s; "
          f"{len(failing)} document/check pairs fail ({len(failing) - len(new)} known), "
          f"{len(new)} new, {len(fixed)} known failures fixed")
    if new:
        print("New failures (DOC CHECK), fix them; a lead may list them in the known file only to land a "
              "change that the layout fixes follow:")
        for label, check in new:
            print(f"  {label} {check}")
    return 1 if errors or problems or new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
