"""What a reader sees: contrast as WCAG 2 measures it, read from the browser's computed
styles, and how much of a screenshot changes between two states of a control.

Contrast is worked out in the page (`CONTRAST_JS`): the colour of the text, or of a ring
or mark, over the element's background, each composited over the backgrounds beneath it,
from the page's own colour up. Screenshots are PNGs, read here without an imaging library.
"""

from __future__ import annotations

import struct
import zlib

# Given an element (and, for a ring, which colour to measure), the ratio of its colour to
# what lies behind it. Backgrounds are composited from <html> down to the element;
# a colour with alpha is composited over the background it sits on.
CONTRAST_JS = """
(element, what) => {
  // Colours as they settle: transitions (Material's buttons and links fade) run to their end.
  document.getAnimations().forEach((animation) => animation.finish());
  const parse = (text) => {
    const parts = text.match(/[\\d.]+/g).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const behind = (node, own) => {
    const chain = [];
    for (let n = own ? node : node.parentElement; n; n = n.parentElement) chain.unshift(n);
    let colour = [255, 255, 255, 1];
    for (const n of chain) {
      const background = parse(getComputedStyle(n).backgroundColor);
      if (background[3] > 0) colour = over(background, colour);
    }
    return colour;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(element);
  // Text sits on the element's own background; a ring sits outside it, on the parent's.
  const ground = behind(element, what === "text");
  const colour = over(parse(what === "ring" ? style.outlineColor : style.color), ground);
  const [a, b] = [luminance(colour), luminance(ground)].sort((x, y) => y - x);
  return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
}
"""


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """A PNG's width, height and rows of pixels (8-bit RGB or RGBA, not interlaced: what
    Chromium writes), unfiltered."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and not interlace, "unexpected PNG format"
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                nearest = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + nearest) & 0xFF
        rows.append(bytes(line if size == 3 else _rgb(line)))
        previous = line
    return width, height, rows


def _rgb(line: bytearray) -> bytearray:
    return bytearray(value for index, value in enumerate(line) if index % 4 != 3)


def changed_pixels(before: bytes, after: bytes, threshold: int = 40) -> int:
    """How many pixels differ, by more than `threshold` summed over R, G and B, between
    two screenshots of the same size."""
    width, height, rows_before = png_pixels(before)
    size = png_pixels(after)
    assert size[:2] == (width, height), "screenshots of different sizes"
    count = 0
    for row_before, row_after in zip(rows_before, size[2], strict=True):
        for x in range(0, len(row_before), 3):
            difference = sum(abs(row_before[x + i] - row_after[x + i]) for i in range(3))
            count += difference > threshold
    return count
