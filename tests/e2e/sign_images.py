"""Test images for signing, drawn at test time: a blue handwritten-like signature and a red seal,
RGBA PNGs with a transparent background and their DPI in a pHYs chunk (python3 + zlib only)."""

import math
import struct
import zlib


def png_bytes(width, height, pixels, dpi):
    """pixels: a bytearray of width*height RGBA; dpi is written as pixels per metre."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    rows = b"".join(b"\x00" + bytes(pixels[y * width * 4:(y + 1) * width * 4]) for y in range(height))
    ppm = round(dpi / 0.0254)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
            + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def _dot(pixels, width, height, x, y, r, rgb):
    for j in range(int(y - r), int(y + r) + 1):
        for i in range(int(x - r), int(x + r) + 1):
            if 0 <= i < width and 0 <= j < height and (i - x) ** 2 + (j - y) ** 2 <= r * r:
                pixels[(j * width + i) * 4:(j * width + i) * 4 + 4] = bytes(rgb) + b"\xff"


def signature_png():
    """A 50 x 20 mm blue scribble at 200 dpi (NĐ 30's scan resolution)."""
    width, height = 394, 158
    pixels = bytearray(width * height * 4)
    for step in range(2400):
        t = step / 2400
        x = 20 + t * (width - 40)
        y = height / 2 + 45 * math.sin(t * 6 * math.pi) * math.cos(t * 2.3 * math.pi)
        _dot(pixels, width, height, x, y, 2.6, (20, 40, 170))
    for step in range(600):  # an underline flourish
        t = step / 600
        _dot(pixels, width, height, 40 + t * 300, height - 25 - 10 * t, 2.0, (20, 40, 170))
    return png_bytes(width, height, pixels, 200)


def seal_png():
    """A red seal, 36 mm across at 300 dpi: two rings and a star."""
    size = 425
    pixels = bytearray(size * size * 4)
    c = size / 2
    for j in range(size):
        for i in range(size):
            d = math.hypot(i + 0.5 - c, j + 0.5 - c)
            if (c - 12 <= d <= c - 2) or (c - 60 <= d <= c - 54):
                pixels[(j * size + i) * 4:(j * size + i) * 4 + 4] = b"\xd0\x10\x10\xff"
    star = [(c + (50 if k % 2 == 0 else 20) * math.sin(k * math.pi / 5),
             c - (50 if k % 2 == 0 else 20) * math.cos(k * math.pi / 5)) for k in range(10)]
    for j in range(size):
        for i in range(size):
            inside = False
            for k in range(10):
                (x1, y1), (x2, y2) = star[k], star[(k + 1) % 10]
                if (y1 > j) != (y2 > j) and i < x1 + (j - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
            if inside:
                pixels[(j * size + i) * 4:(j * size + i) * 4 + 4] = b"\xd0\x10\x10\xff"
    return png_bytes(size, size, pixels, 300)
