"""Decoding image files to ``uint8`` arrays of shape ``(height, width, channels)``.

PNG is decoded here with ``zlib`` and NumPy (all colour types, bit depths
1-16, Adam7 interlacing), so it needs nothing installed; other formats
(JPEG, BMP, GIF) use Pillow, an optional dependency (``pip install
torchkeras-tf[image]``).  Channel conversion follows TF's ``decode_image``
(libpng's): 16-bit samples keep their high byte, grey is repeated to RGB,
alpha is dropped or added (as ``2**bit_depth - 1``: 255, or TF's quirk for
1-4 bit files), RGB becomes grey with libpng's fixed-point 0.299 / 0.587 /
0.114 weights, truncated.  JPEG pixels (Pillow's libjpeg) may differ from
TF's by a few levels.
"""

import struct
import zlib

import numpy as np

__all__ = ["decode_image", "decode_png", "pillow", "read_png", "convert_channels"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_ADAM7 = (
    (0, 0, 8, 8),
    (0, 4, 8, 8),
    (4, 0, 4, 8),
    (0, 2, 4, 4),
    (2, 0, 2, 4),
    (0, 1, 2, 2),
    (1, 0, 1, 2),
)


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = np.abs(p - a), np.abs(p - b), np.abs(p - c)
    return np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))


def _unfilter(data, height, row_bytes, bpp):
    """The raw scanlines of one (sub)image: PNG filters 0-4 undone."""
    out = np.zeros((height, row_bytes), dtype=np.uint8)
    stride = row_bytes + 1
    previous = np.zeros(row_bytes, dtype=np.int32)
    for y in range(height):
        kind = data[y * stride]
        line = np.frombuffer(data, dtype=np.uint8, count=row_bytes, offset=y * stride + 1).astype(
            np.int32
        )
        if kind == 0:
            row = line
        elif kind == 2:
            row = (line + previous) & 0xFF
        elif kind == 1:
            row = (
                np.cumsum(np.pad(line, (0, -row_bytes % bpp)).reshape(-1, bpp), axis=0).reshape(-1)[
                    :row_bytes
                ]
                & 0xFF
            )
        elif kind in (3, 4):
            row = line.copy()
            for x in range(row_bytes):
                left = row[x - bpp] if x >= bpp else 0
                if kind == 3:
                    row[x] = (row[x] + ((left + previous[x]) >> 1)) & 0xFF
                else:
                    upper_left = previous[x - bpp] if x >= bpp else 0
                    row[x] = (row[x] + int(_paeth(left, previous[x], upper_left))) & 0xFF
        else:
            raise ValueError("Invalid PNG data: unknown filter type %d" % kind)
        out[y] = row
        previous = row
    return out


def _samples(rows, width, depth, channels):
    """Scanlines -> an array ``(height, width, channels)`` of sample values (uint8 or uint16)."""
    if depth == 16:
        values = rows.reshape(rows.shape[0], -1, 2).astype(np.uint16)
        values = (values[..., 0] << 8) | values[..., 1]
    elif depth == 8:
        values = rows
    else:
        bits = np.unpackbits(rows, axis=1).reshape(rows.shape[0], -1, depth)
        weights = (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8)
        values = (bits * weights).sum(axis=-1).astype(np.uint8)
    return values[:, : width * channels].reshape(rows.shape[0], width, channels)


def decode_png(content):
    """The pixels of a PNG file's bytes: ``uint8`` (``uint16`` for 16-bit files), ``(h, w, c)``,
    palette expanded."""
    return read_png(content)[0]


def read_png(content):
    """``(pixels, bit_depth)`` of a PNG file's bytes."""
    if not content.startswith(_PNG_SIGNATURE):
        raise ValueError("Not a PNG file.")
    pos, idat, palette, transparency = 8, [], None, None
    header = None
    while pos < len(content):
        length, kind = struct.unpack(">I4s", content[pos : pos + 8])
        chunk = content[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"PLTE":
            palette = np.frombuffer(chunk, dtype=np.uint8).reshape(-1, 3)
        elif kind == b"tRNS":
            transparency = chunk
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("Invalid PNG data: no IHDR chunk.")
    width, height, depth, color_type, _, _, interlace = header
    channels = _CHANNELS[color_type]
    bpp = max(1, channels * depth // 8)
    data = zlib.decompress(b"".join(idat))
    if not interlace:
        row_bytes = (width * channels * depth + 7) // 8
        pixels = _samples(_unfilter(data, height, row_bytes, bpp), width, depth, channels)
    else:
        pixels = np.zeros((height, width, channels), dtype=np.uint16 if depth == 16 else np.uint8)
        offset = 0
        for y0, x0, dy, dx in _ADAM7:
            sub_h, sub_w = (height - y0 + dy - 1) // dy, (width - x0 + dx - 1) // dx
            if sub_h <= 0 or sub_w <= 0:
                continue
            row_bytes = (sub_w * channels * depth + 7) // 8
            size = sub_h * (row_bytes + 1)
            rows = _unfilter(data[offset : offset + size], sub_h, row_bytes, bpp)
            pixels[y0::dy, x0::dx] = _samples(rows, sub_w, depth, channels)
            offset += size
    if color_type == 3:
        index = pixels[..., 0]
        rgb = palette[index]
        if transparency is not None:
            alpha = np.full(len(palette), 255, dtype=np.uint8)
            alpha[: len(transparency)] = np.frombuffer(transparency, dtype=np.uint8)
            return np.concatenate([rgb, alpha[index][..., None]], axis=-1), depth
        return rgb, depth
    if depth < 8:
        pixels = (pixels.astype(np.uint16) * 255 // ((1 << depth) - 1)).astype(np.uint8)
    return pixels, depth


def convert_channels(pixels, channels, filler=255):
    have = pixels.shape[-1]
    if have == channels:
        return pixels
    color, alpha = (pixels[..., :-1], pixels[..., -1:]) if have in (2, 4) else (pixels, None)
    if color.shape[-1] == 1 and channels >= 3:
        color = np.repeat(color, 3, axis=-1)
    elif color.shape[-1] == 3 and channels <= 2:
        wide = color.astype(np.uint32)
        weighted = 9797 * wide[..., 0] + 19234 * wide[..., 1] + 3737 * wide[..., 2]
        color = (weighted >> 15).astype(np.uint8)[..., None]
    if channels in (2, 4):
        alpha = (
            alpha if alpha is not None else np.full(color.shape[:-1] + (1,), filler, dtype=np.uint8)
        )
        return np.concatenate([color, alpha], axis=-1)
    return color


def pillow(what):
    """Pillow's ``PIL.Image``, or the ``ImportError`` naming the ``image`` extra (``what``: the
    work that needs it, for the message)."""
    try:
        from PIL import Image
    except ImportError as error:
        raise ImportError(
            "%s needs Pillow: install the `image` extra (`pip install "
            "torchkeras-tf[image]`) or "
            "`pip install pillow`. PNG files are decoded without it." % what
        ) from error
    return Image


def _decode_with_pillow(content, path):
    image_module = pillow("Decoding %s" % path)
    import io

    with image_module.open(io.BytesIO(content)) as image:
        image.seek(0)
        mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
        if image.mode in ("L", "1"):
            mode = "L"
        array = np.asarray(image.convert(mode))
    return array[..., None] if array.ndim == 2 else array


def decode_image(content, channels, path=""):
    """A file's bytes as a ``uint8`` array ``(h, w, channels)`` (first frame of a GIF), as TF's
    ``decode_image``."""
    if content.startswith(_PNG_SIGNATURE):
        pixels, depth = read_png(content)
        if depth == 16:
            pixels = (pixels >> 8).astype(np.uint8)
        return convert_channels(pixels, channels, filler=(1 << min(depth, 8)) - 1)
    return convert_channels(_decode_with_pillow(content, path), channels)
