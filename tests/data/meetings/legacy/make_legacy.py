#!/usr/bin/env python3
"""Writes the legacy-encoded copies of tests/data/meetings/small/2026-10/*.csv.

    python3 tests/data/meetings/legacy/make_legacy.py

  tcvn3/2026-10/    TCVN3 (ABC) bytes, as a .VnTime sheet saved as CSV
  vni/2026-10/      VNI-Windows bytes, as a VNI-Times sheet saved as CSV
  utf16/2026-10/    UTF-16 LE with BOM, tab-separated, CRLF: Excel's "Unicode text"
  tcvn3-as-1252/2026-10/  UTF-8 of TCVN3 bytes read as Windows-1252: an old .VnTime sheet
                    opened in a recent Excel and saved as "CSV UTF-8"

The tables here are written independently of generator/text/legacy_encoding.cpp (TCVN3 as the
code chart in byte order, VNI derived from the Unicode decomposition), so the C++ tests that
read these files check one transcription against the other.
"""
import csv
import io
import pathlib
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent / "small" / "2026-10"
FILES = ["branches.csv", "cadres.csv", "assignments.csv", "meetings.csv"]

# TCVN3 (ABC): the code chart from 0xA1 up; "-" marks an unused byte.
TCVN3_CHART = (
    "ĂÂÊÔƠƯĐăâêôơưđ"  # 0xA1-0xAE
    "------"  # 0xAF-0xB4
    "àảãáạ-ằẳẵắ"  # 0xB5-0xBE
    "-------ặầẩẫấậè-ẻẽéẹềểễếệìỉ---ĩíịò"  # 0xBF-0xDF
    "-ỏõóọồổỗốộờởỡớợù-ủũúụừửữứựỳỷỹýỵ"  # 0xE0-0xFE
)
TCVN3 = {ch: 0xA1 + i for i, ch in enumerate(TCVN3_CHART) if ch != "-"}

# VNI-Windows: an ASCII vowel, then one mark byte for the tone, or for the hat with the tone.
TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
HAT = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
BREVE = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}
# Letters that are one byte of their own (with any tone mark they carry).
VNI_SINGLE = {"đ": [0xF1], "í": [0xED], "ì": [0xEC], "ỉ": [0xE6], "ĩ": [0xF3], "ị": [0xF2],
              "ỵ": [0xEE]}


def vni_small(ch):
    if ch in VNI_SINGLE:
        return VNI_SINGLE[ch]
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in TONE), None)
    if "\u031b" in marks:  # horn: ơ and ư are one byte, the tone follows
        return [{"o": 0xF4, "u": 0xF6}[base]] + ([TONE[tone]] if tone else [])
    if "\u0302" in marks:
        return [ord(base), HAT[tone]]
    if "\u0306" in marks:
        return [ord(base), BREVE[tone]]
    return [ord(base)] + ([TONE[tone]] if tone else [])


def to_vni(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        small = vni_small(ch.lower())
        if ch.isupper():  # the Latin-1 capital of each byte
            small = [b - 0x20 if b >= 0x80 else ord(chr(b).upper()) for b in small]
        out.extend(small)
    return bytes(out)


def to_tcvn3(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        else:  # no capitals with tone marks in TCVN3: the small letter
            out.append(TCVN3[ch.lower()])
    return bytes(out)


def write(folder, name, data):
    path = HERE / folder / "2026-10" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def main():
    for name in FILES:
        text = (SOURCE / name).read_text(encoding="utf-8")
        write("tcvn3", name, to_tcvn3(text))
        write("vni", name, to_vni(text))
        write("tcvn3-as-1252", name, to_tcvn3(text).decode("cp1252").encode("utf-8"))
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if name == "cadres.csv" else ","))
        tsv = io.StringIO()
        csv.writer(tsv, delimiter="\t", lineterminator="\r\n").writerows(rows)
        write("utf16", name, b"\xff\xfe" + tsv.getvalue().encode("utf-16-le"))


if __name__ == "__main__":
    main()
