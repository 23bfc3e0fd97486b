"""``tf.io`` / ``tf.image`` image codecs: ``decode_*``, ``encode_png``, ``encode_jpeg``,
``is_jpeg``, and the JPEG-quality augmentations.

As TF, every decoder sniffs the format (``decode_png`` reads a JPEG too; only
``decode_bmp`` and ``decode_image`` read BMP, and ``decode_bmp`` reads nothing else) and
returns ``[height, width, channels]`` (``[frames, h, w, 3]`` for GIFs where TF does).
PNG is decoded and encoded here with ``zlib`` and NumPy
(``ops/image_decode.py``); JPEG, GIF and BMP go through Pillow, the optional ``image``
extra; its JPEG decoder uses libjpeg's accurate DCT (TF's ``dct_method="INTEGER_ACCURATE"``),
so it can differ by a few levels from TF's default fast DCT. ``encode_png`` writes
libpng's bytes (its adaptive row filters, window and 8 KiB IDAT chunks) where Python's zlib
compresses as TF's does (zlib versions differ: some larger images get other bytes).
"""

import io as _io
import struct
import zlib

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import dims_text, eager_name, input_dtype_error, op_error, type_name
from ..framework.tensor import TensorOperators, wrap
from . import image_decode
from ._args import int_attr
from .image_convert_ops import convert_image_dtype
from .random_ops import uniform
from .stateless_random_ops import stateless_uniform

__all__ = []

_JPEG = b"\xff\xd8\xff"
_PNG = b"\x89PNG\r\n\x1a\n"
_FORMAT_NAMES = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "bmp": "BMP", "webp": "WebP"}


def _error(opname, text):
    return op_error(opname, text, None, name=None)


_NAMELESS_SHAPE_ERRORS = ("DecodeJpeg", "DecodeAndCropJpeg")
"""Decoders whose error for non-scalar ``contents`` never prints TF's `` name:`` part."""


def _contents(contents, opname):
    """The bytes of a scalar string tensor (TF's error for other shapes: with `` name: ``
    after it for a Tensor or NumPy array, which TF's fast path takes)."""
    storage = convert_to_tensor(contents, dtype=dtypes.string)._value
    if storage.ndim:
        if opname == "ExtractJpegShape":
            text = "contents must be scalar, got shape %s" % dims_text(storage.shape)
        else:
            text = "`contents` must be scalar but got shape%s" % dims_text(storage.shape)
        fast = isinstance(contents, (TensorOperators, np.ndarray))
        named = fast and opname not in _NAMELESS_SHAPE_ERRORS
        raise op_error(opname, text, None, name="" if named else None)
    return storage.item()


def _format(data, opname):
    if not data:
        raise _error(opname, "Input is empty.")
    if data.startswith(_JPEG):
        return "jpeg"
    if data.startswith(_PNG):
        return "png"
    if data.startswith(b"GIF8"):
        return "gif"
    if data.startswith(b"BM"):
        return "bmp"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    raise _error(
        opname, "Unknown image file format. One of JPEG, JPEG XL, PNG, GIF, BMP, WebP required."
    )


def _check_channels(channels, opname, name=None):
    if channels not in (0, 1, 3, 4):
        raise op_error(
            opname, "`channels` must be 0, 1, 3 or 4 but got %d" % channels, None, name=name
        )


def _png_chunk_kinds(data):
    """The kinds of the chunks whose 8-byte header is in ``data``, in order."""
    pos, kinds = 8, []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        kinds.append(kind)
        pos += 12 + length
    return kinds


def _png(data, channels, dtype, opname):
    """TF's libpng errors: chunks cut before the first ``IDAT`` fail to initialise the
    decoder; bad image data or a missing ``IEND`` (``png_read_end``) are invalid data."""
    kinds = _png_chunk_kinds(data)
    if b"IDAT" not in kinds:
        raise _error(opname, "Invalid PNG. Failed to initialize decoder.")
    try:
        pixels, depth = image_decode.read_png(data)
    except (ValueError, struct.error, zlib.error):
        pixels = None
    if pixels is None or b"IEND" not in kinds:
        raise _error(opname, "Invalid PNG data, size %d" % len(data))
    if dtype == dtypes.uint16:
        if depth != 16:
            pixels = pixels.astype(np.uint16) * 257
        if channels:
            pixels = image_decode.convert_channels(pixels, channels, filler=65535)
        return pixels.astype(np.uint16)
    if depth == 16:
        pixels = (pixels >> 8).astype(np.uint8)
    if channels:
        pixels = image_decode.convert_channels(pixels, channels, (1 << min(depth, 8)) - 1)
    return pixels


def _open(data, what):
    return image_decode.pillow(what).open(_io.BytesIO(data))


def _jpeg(data, channels, opname):
    if channels == 4:
        raise _error(opname, "JPEG does not support 4 channels")
    with _open(data, "Decoding JPEG") as image:
        if channels == 1 or (channels == 0 and image.mode == "L"):
            image.draft("L", image.size)
            array = np.asarray(image.convert("L"))[..., None]
        else:
            array = np.asarray(image.convert("RGB"))
    return array


def _gif_frames(data):
    with _open(data, "Decoding GIF") as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(np.asarray(image.convert("RGB")))
    return np.stack(frames)


def _bmp(data, channels, opname):
    if channels not in (0, 3, 4):
        raise _error(opname, "`channels` must be 0, 3 or 4 for BMP, but got %d" % channels)
    with _open(data, "Decoding BMP") as image:
        has_alpha = "A" in image.getbands()
        want = channels or (4 if has_alpha else 3)
        return np.asarray(image.convert("RGBA" if want == 4 else "RGB"))


def _webp_frames(data, channels, opname):
    """A WebP file's frames ``[n, h, w, c]`` (RGBA when the file has alpha)."""
    with _open(data, "Decoding WebP") as image:
        native = 4 if "A" in image.getbands() or image.info.get("transparency") else 3
        if channels not in (0, native):
            raise _error(opname, "Number of channels requested does not match input")
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(np.asarray(image.convert("RGBA" if native == 4 else "RGB")))
    return np.stack(frames)


def _decode(data, channels, dtype, opname, animation):
    """Pixels of any supported file; ``animation``: ``"4d"`` (GIFs as frames), ``"first"``
    (a GIF's first frame) or ``"single"`` (TF's error for animated GIFs)."""
    _check_channels(channels, opname)
    kind = _format(data, opname)
    if kind == "png":
        return _png(data, channels, dtype, opname)
    if kind == "jpeg":
        return _jpeg(data, channels, opname)
    if kind == "webp":
        frames = _webp_frames(data, channels, opname)
        return frames[0] if animation == "first" else frames
    if kind == "bmp":
        if opname != "DecodeImage":
            raise _error(
                opname,
                "Trying to decode BMP format using a wrong op. Use `decode_bmp` or "
                "`decode_image` instead. Op used: %s" % opname,
            )
        return _bmp(data, channels, opname)
    if opname == "DecodeWebP":
        raise _error(opname, "Bad op type DecodeWebP")
    if channels not in (0, 3):
        raise _error(opname, "channels must be 0 or 3 for GIF, got %d" % channels)
    frames = _gif_frames(data)
    if animation == "4d":
        return frames
    if animation == "single" and len(frames) > 1:
        raise _error(
            opname,
            "Got %d frames, but animated gifs can only be decoded by tf.io.decode_gif or "
            "tf.io.decode_image" % len(frames),
        )
    return frames[0]


def _tensor(array):
    return wrap(torch.from_numpy(np.array(array, copy=True)).to(_device.current()))


def _uint_dtype(dtype, opname, allowed=(dtypes.uint8, dtypes.uint16)):
    dtype = dtypes.as_dtype(dtype)
    if dtype not in allowed:
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'dtype' of %s is not in the list of allowed values: %s [Op:%s]"
            % (type_name(dtype), ", ".join(d.name for d in allowed), opname),
        )
    return dtype


@tf_export("io.decode_png", "image.decode_png")
def decode_png(contents, channels=0, dtype=dtypes.uint8, name=None):
    """Decodes a PNG (or JPEG, single-frame GIF, BMP) file to ``uint8`` or ``uint16``
    ``[h, w, c]``; ``channels`` 0 keeps the file's, 1 grey, 3 RGB, 4 RGBA."""
    channels = int_attr(channels, "channels", 0)
    dtype = _uint_dtype(dtype, "DecodePng")
    _check_channels(channels, "DecodePng", eager_name(contents))
    tensor = _tensor(
        _decode(_contents(contents, "DecodePng"), channels, dtype, "DecodePng", "single")
    )
    return tensor if tensor.dtype == dtype else convert_image_dtype(tensor, dtype)


@tf_export("io.decode_jpeg", "image.decode_jpeg")
def decode_jpeg(
    contents,
    channels=0,
    ratio=1,
    fancy_upscaling=True,
    try_recover_truncated=False,
    acceptable_fraction=1,
    dct_method="",
    name=None,
):
    """Decodes a JPEG (or PNG, single-frame GIF, BMP) file to ``uint8`` ``[h, w, c]``
    (Pillow's libjpeg; ``ratio`` and the recovery options are not supported)."""
    if ratio != 1:
        raise NotImplementedError("decode_jpeg: only ratio=1 is supported by torchkeras")
    channels = int_attr(channels, "channels", 0)
    data = _contents(contents, "DecodeJpeg")
    return _tensor(_decode(data, channels, dtypes.uint8, "DecodeJpeg", "single"))


@tf_export("io.decode_gif", "image.decode_gif")
def decode_gif(contents, name=None):
    """Decodes a GIF's frames to ``uint8`` ``[frames, h, w, 3]`` (other formats as one
    frame)."""
    data = _contents(contents, "DecodeGif")
    array = _decode(data, 3, dtypes.uint8, "DecodeGif", "4d")
    return _tensor(array if array.ndim == 4 else array[None])


@tf_export("io.decode_bmp", "image.decode_bmp")
def decode_bmp(contents, channels=0, name=None):
    """Decodes a BMP file to ``uint8`` ``[h, w, c]`` (channels 0, 3 or 4)."""
    channels = int_attr(channels, "channels", 0)
    data = _contents(contents, "DecodeBmp")
    kind = _format(data, "DecodeBmp")
    if kind != "bmp":
        raise _error(
            "DecodeBmp",
            "Trying to decode %s format using DecodeBmp op. Use `decode_%s` or `decode_image` "
            "instead." % (_FORMAT_NAMES[kind], kind),
        )
    return _tensor(_bmp(data, channels, "DecodeBmp"))


@tf_export("io.decode_webp", "image.decode_webp")
def decode_webp(contents, channels=0, dtype=dtypes.uint8, name=None):
    """Decodes a WebP file to ``[frames, h, w, c]`` (``c`` the file's: 3, or 4 with alpha;
    other formats as ``decode_png`` does), through Pillow."""
    channels = int_attr(channels, "channels", 0)
    dtype = _uint_dtype(dtype, "DecodeWebP", (dtypes.uint8,))
    data = _contents(contents, "DecodeWebP")
    return _tensor(_decode(data, channels, dtype, "DecodeWebP", "4d"))


@tf_export("io.decode_image", "image.decode_image")
def decode_image(contents, channels=None, dtype=dtypes.uint8, name=None, expand_animations=True):
    """Decodes a BMP, GIF, JPEG or PNG file: ``[h, w, c]``, or ``[frames, h, w, 3]`` for GIFs
    with ``expand_animations``; ``dtype`` uint8, uint16 or float32 (rescaled as
    ``convert_image_dtype``)."""
    channels = int_attr(channels, "channels", 0)
    dtype = _uint_dtype(dtype, "DecodeImage", (dtypes.uint8, dtypes.uint16, dtypes.float32))
    data = _contents(contents, "DecodeImage")
    decode_as = dtypes.uint16 if dtype == dtypes.uint16 else dtypes.uint8
    if dtype == dtypes.float32 and data.startswith(_PNG) and data[24] == 16:
        decode_as = dtypes.uint16
    animation = "4d" if expand_animations else "first"
    tensor = _tensor(_decode(data, channels or 0, decode_as, "DecodeImage", animation))
    return tensor if tensor.dtype == dtype else convert_image_dtype(tensor, dtype)


@tf_export("io.is_jpeg", "image.is_jpeg")
def is_jpeg(contents, name=None):
    """Whether the bytes start with JPEG's marker ``\\xff\\xd8\\xff`` (a bool tensor)."""
    storage = convert_to_tensor(contents, dtype=dtypes.string)._value
    flags = np.vectorize(lambda data: data[:3] == _JPEG, otypes=[bool])(storage)
    return wrap(torch.from_numpy(np.asarray(flags)))


def _chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


_PNG_COLOR_TYPES = {1: 0, 2: 4, 3: 2, 4: 6}


_ENCODE_PNG_SIGNATURE = (
    "Op<name=EncodePng; signature=image:T -> contents:string; attr=compression:int,default=-1; "
    "attr=T:type,default=DT_UINT8,allowed=[DT_UINT8, DT_UINT16]>"
)


def _png_pixels(image, compression):
    """The pixels of ``encode_png``'s argument (rank >= 3) after TF's dtype and level checks."""
    tensor = convert_to_tensor(image)
    if tensor.dtype not in (dtypes.uint8, dtypes.uint16):
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'T' of %s is not in the list of allowed values: uint8, uint16\n\t; "
            "NodeDef: {{node EncodePng}}; %s [Op:EncodePng] name: "
            % (type_name(tensor.dtype), _ENCODE_PNG_SIGNATURE),
        )
    storage = tensor._value
    if not -1 <= int(compression) <= 9:
        fast = isinstance(compression, int) and tensor is image
        raise op_error(
            "EncodePng",
            "compression should be in [-1,9], got %d" % int(compression),
            storage,
            name="" if fast else None,
        )
    if storage.dim() < 3:
        raise op_error("EncodePng", "images must be at least rank 3%s" % dims_text(storage.shape))
    return storage.detach().cpu().numpy()


def _filtered_rows(rows, bpp):
    """libpng's adaptive filtering: each row with the filter (None, Sub, Up, Average, predictor,
    first on ties) whose bytes, read as signed, have the least absolute sum."""
    out = []
    previous = np.zeros(rows.shape[1], np.int16)
    for row in rows.astype(np.int16):
        left = np.concatenate([np.zeros(bpp, np.int16), row[:-bpp]])
        upper_left = np.concatenate([np.zeros(bpp, np.int16), previous[:-bpp]])
        base = left + previous - upper_left
        near_left, near_up = np.abs(base - left), np.abs(base - previous)
        near_corner = np.abs(base - upper_left)
        predictor = np.where(
            (near_left <= near_up) & (near_left <= near_corner),
            left,
            np.where(near_up <= near_corner, previous, upper_left),
        )
        average = (left + previous) // 2
        candidates = [row, row - left, row - previous, row - average, row - predictor]
        candidates = [(c % 256).astype(np.uint8) for c in candidates]
        sums = [int(np.minimum(c, 256 - c.astype(np.int32)).sum()) for c in candidates]
        kind = sums.index(min(sums))
        out.append(bytes([kind]) + candidates[kind].tobytes())
        previous = row
    return b"".join(out)


def _png_deflate(data, compression):
    """zlib data as libpng writes it: the window shrunk for small images (and the header's
    window size with it), the ``Z_FILTERED`` strategy."""
    bits = 15
    if len(data) <= 16384:
        while bits > 8 and len(data) + 262 <= 1 << (bits - 1):
            bits -= 1
    engine = zlib.compressobj(int(compression), zlib.DEFLATED, max(bits, 9), 8, zlib.Z_FILTERED)
    stream = bytearray(engine.compress(data) + engine.flush())
    if len(data) <= 16384:
        info, half_window = stream[0] >> 4, 1 << ((stream[0] >> 4) + 7)
        if len(data) <= half_window:
            while info > 0 and len(data) <= half_window:
                half_window >>= 1
                info -= 1
            stream[0] = (stream[0] & 0x0F) | (info << 4)
            flags = stream[1] & 0xE0
            stream[1] = flags + 0x1F - ((stream[0] << 8) + flags) % 0x1F
    return bytes(stream)


def _png_bytes(pixels, compression):
    height, width, channels = pixels.shape
    depth = 16 if pixels.dtype == np.uint16 else 8
    rows = pixels.astype(">u2" if depth == 16 else np.uint8).reshape(height, -1).view(np.uint8)
    raw = _filtered_rows(rows, channels * depth // 8) if rows.size else b""
    header = struct.pack(">IIBBBBB", width, height, depth, _PNG_COLOR_TYPES[channels], 0, 0, 0)
    stream = _png_deflate(raw, compression)
    idat = b"".join(  # libpng writes a chunk each time its 8 KiB buffer fills
        _chunk(b"IDAT", stream[i : i + 8192]) for i in range(0, max(len(stream), 1), 8192)
    )
    return _PNG + _chunk(b"IHDR", header) + idat + _chunk(b"IEND", b"")


@tf_export("io.encode_png", "image.encode_png")
def encode_png(image, compression=-1, name=None):
    """PNG bytes of a ``uint8`` / ``uint16`` ``[..., h, w, c]`` image (1-4 channels), one
    string per image of a batch; ``compression`` is zlib's level (-1: default, up to 9)."""
    compression = int_attr(compression, "compression", -1)
    pixels = _png_pixels(image, compression)
    channels = pixels.shape[-1]
    if channels not in _PNG_COLOR_TYPES:
        raise op_error("EncodePng", "image must have 1, 2, 3, or 4 channels, got %d" % channels)
    images = pixels.reshape((-1,) + pixels.shape[-3:])
    encoded = np.empty(len(images), dtype=object)
    encoded[:] = [_png_bytes(one, compression) for one in images]
    return convert_to_tensor(encoded.reshape(pixels.shape[:-3]))


@tf_export("io.encode_jpeg", "image.encode_jpeg")
def encode_jpeg(
    image,
    format="",
    quality=95,
    progressive=False,
    optimize_size=False,
    chroma_downsampling=True,
    density_unit="in",
    x_density=300,
    y_density=300,
    xmp_metadata="",
    name=None,
):
    """JPEG bytes of a ``uint8`` ``[h, w, 1 or 3]`` image, through Pillow (its bytes are not
    TF's; decoding gives nearly the same pixels)."""
    tensor = convert_to_tensor(image)
    if tensor.dtype != dtypes.uint8:
        raise input_dtype_error("EncodeJpeg", 0, dtypes.uint8, tensor.dtype, name=eager_name(image))
    if tensor.shape.rank != 3:
        raise op_error(
            "EncodeJpeg", "image must be 3-dimensional%s" % dims_text(tensor.shape), tensor._value
        )
    pixels = tensor._value.detach().cpu().numpy()
    if pixels.shape[-1] not in (1, 3) or format not in ("", "grayscale", "rgb"):
        raise op_error(
            "EncodeJpeg", "image must have 1 or 3 channels, got %s" % dims_text(pixels.shape)
        )
    module = image_decode.pillow("Encoding JPEG")
    picture = module.fromarray(pixels[..., 0] if pixels.shape[-1] == 1 else pixels)
    buffer = _io.BytesIO()
    picture.save(
        buffer,
        "JPEG",
        quality=int(quality),
        progressive=bool(progressive),
        optimize=bool(optimize_size),
        subsampling=2 if chroma_downsampling else 0,
        dpi=(x_density, y_density),
    )
    return convert_to_tensor(buffer.getvalue())


@tf_export("image.adjust_jpeg_quality")
def adjust_jpeg_quality(image, jpeg_quality, dct_method="", name=None):
    """An image ``[h, w, 1 or 3]`` round-tripped through JPEG at ``jpeg_quality`` (0-100),
    back in its dtype. Pillow's encoder and decoder: the artefacts are close to TF's, not
    identical."""
    tensor = convert_to_tensor(image)
    pixels = convert_image_dtype(tensor, dtypes.uint8, saturate=True)
    quality = int(convert_to_tensor(jpeg_quality, dtype=dtypes.int32)._value)
    if not 0 <= quality <= 100:
        raise _error("EncodeJpegVariableQuality", "quality must be in [0,100], got %d" % quality)
    encoded = encode_jpeg(pixels, quality=quality)
    decoded = decode_jpeg(encoded, channels=tensor.shape[-1])
    return convert_image_dtype(decoded, tensor.dtype, saturate=True)


def _check_jpeg_range(low, high):
    if low < 0 or high < 0 or low > 100 or high > 100:
        raise ValueError("jpeg encoding range must be between 0 and 100.")
    if low >= high:
        raise ValueError("`min_jpeg_quality` must be less than `max_jpeg_quality`.")


@tf_export("image.random_jpeg_quality")
def random_jpeg_quality(image, min_jpeg_quality, max_jpeg_quality, seed=None):
    """``adjust_jpeg_quality`` at a quality drawn uniformly from ``[min, max)``."""
    _check_jpeg_range(min_jpeg_quality, max_jpeg_quality)
    quality = uniform([], min_jpeg_quality, max_jpeg_quality, dtype=dtypes.int32, seed=seed)
    return adjust_jpeg_quality(image, quality)


@tf_export("image.stateless_random_jpeg_quality")
def stateless_random_jpeg_quality(image, min_jpeg_quality, max_jpeg_quality, seed):
    """``random_jpeg_quality`` with the quality TF draws for the seed pair ``seed``."""
    _check_jpeg_range(min_jpeg_quality, max_jpeg_quality)
    quality = stateless_uniform(
        [], seed, minval=min_jpeg_quality, maxval=max_jpeg_quality, dtype=dtypes.int32
    )
    return adjust_jpeg_quality(image, quality)


@tf_export("io.extract_jpeg_shape", "image.extract_jpeg_shape")
def extract_jpeg_shape(contents, output_type=dtypes.int32, name=None):
    """``[height, width, channels]`` of a JPEG file, read from its header (through Pillow)."""
    data = _contents(contents, "ExtractJpegShape")
    if not data.startswith(_JPEG):
        raise _error("ExtractJpegShape", "Invalid JPEG data, size %d" % len(data))
    with _open(data, "Reading a JPEG header") as picture:
        shape = [picture.height, picture.width, len(picture.getbands())]
    return convert_to_tensor(shape, dtype=output_type)


@tf_export("io.decode_and_crop_jpeg", "image.decode_and_crop_jpeg")
def decode_and_crop_jpeg(
    contents,
    crop_window,
    channels=0,
    ratio=1,
    fancy_upscaling=True,
    try_recover_truncated=False,
    acceptable_fraction=1,
    dct_method="",
    name=None,
):
    """The ``crop_window`` ``[y, x, height, width]`` of a decoded JPEG. Decoded whole, then
    cropped: TF's cropping decoder can differ by a few levels at chroma block edges."""
    opname = "DecodeAndCropJpeg"
    data = _contents(contents, opname)
    window = convert_to_tensor(crop_window, dtype=dtypes.int32)._value
    if tuple(window.shape) != (4,):
        raise _error(opname, "crop_size must have four elements %s" % dims_text(window.shape))
    kind = _format(data, opname)
    if kind != "jpeg":
        raise _error(
            opname,
            "DecodeAndCropJpeg operation can run on JPEG only, but detected %s."
            % _FORMAT_NAMES[kind],
        )
    top, left, height, width = (int(v) for v in window.tolist())
    pixels = _jpeg(data, channels, opname)
    if top < 0 or left < 0 or height <= 0 or width <= 0:
        raise _error(opname, "jpeg::Uncompress failed. Invalid JPEG data or crop window.")
    if top + height > pixels.shape[0] or left + width > pixels.shape[1]:
        raise _error(opname, "jpeg::Uncompress failed. Invalid JPEG data or crop window.")
    return _tensor(pixels[top : top + height, left : left + width])
