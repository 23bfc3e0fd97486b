"""``tf.summary.scalar/histogram/image/text/audio``: TensorBoard's v2 summaries without TF.

Each builds the same tensor TensorBoard's ``summary_v2`` module builds with TF ops (scalar:
float32; histogram: ``[buckets, 3]`` float64 of ``[left, right, count]``; image: ``[width,
height, png...]`` strings; audio: ``[k, 2]`` of ``[wav, label]``; text: the strings), computed
with NumPy, and tags it with the plugin's own ``metadata.create_summary_metadata``.  Encoding
the data (buckets, PNG, WAV) happens only when the summary is recorded, as in TF.  PNG bytes
come from Pillow (a tensorboard dependency) and can differ from TF's libpng bytes; the pixels
are the same.
"""

from __future__ import annotations

import io
import wave

import numpy as np

from ..api_export import tf_export
from ..framework.tensor import Tensor
from . import _tensorboard
from .debugging import assert_rank, assert_scalar
from .summary_ops import write_proto, tensor_proto

__all__ = ["scalar", "histogram", "image", "text", "audio"]

DEFAULT_BUCKET_COUNT = 30


def _metadata(plugin, description):
    """A callable building the plugin's ``SummaryMetadata`` (imported only when recording)."""

    def make():
        module = _tensorboard.require("tensorboard.plugins.%s.metadata" % plugin)
        if plugin == "audio":
            return module.create_summary_metadata(
                display_name=None, description=description, encoding=module.Encoding.Value("WAV")
            )
        return module.create_summary_metadata(display_name=None, description=description)

    return make


def _numpy(data):
    if isinstance(data, (list, tuple)):
        return np.asarray([_numpy(item) for item in data])
    return np.asarray(data)


@tf_export("summary.scalar")
def scalar(name, data, step=None, description=None):
    """``tf.summary.scalar``: writes ``data`` (a real scalar, stored as float32) under ``name``.

    Returns a bool Tensor: True when written, False without a default writer (or while
    ``record_if`` is off).  ``ValueError`` for a non-scalar, or without any step."""
    metadata = _metadata("scalar", description)
    assert_scalar(data)
    value = _numpy(data)
    return write_proto(name, lambda: tensor_proto(value.astype(np.float32)), step, metadata)


def histogram_buckets(data, bucket_count=None):
    """TensorBoard's v2 histogram tensor (``[k, 3]`` float64) for ``data``, as its TF ops do."""
    bucket_count = DEFAULT_BUCKET_COUNT if bucket_count is None else int(bucket_count)
    bucket_count = max(0, bucket_count)
    data = np.asarray(data, dtype=np.float64).reshape(-1)
    if data.size == 0 or bucket_count == 0:
        return np.zeros((bucket_count, 3), dtype=np.float64)
    low, high = data.min(), data.max()
    width = high - low
    if width == 0:
        edges = np.full(bucket_count, high)
        counts = np.zeros(bucket_count)
        counts[-1] = data.size
        return np.stack([edges, edges, counts]).T.copy()
    indices = np.floor((data - low) / (width / bucket_count)).astype(np.int32)
    indices = np.minimum(indices, bucket_count - 1)
    counts = np.bincount(indices, minlength=bucket_count).astype(np.float64)
    edges = low + np.arange(bucket_count + 1, dtype=np.float64) * ((high - low) / bucket_count)
    edges[-1] = high
    return np.stack([edges[:-1], edges[1:], counts]).T.copy()


@tf_export("summary.histogram")
def histogram(name, data, step=None, buckets=None, description=None):
    """``tf.summary.histogram``: writes ``buckets`` (30) equal-width buckets over all of
    ``data``'s elements (TensorBoard's Histograms and Distributions dashboards)."""
    metadata = _metadata("histogram", description)
    value = _numpy(data)
    return write_proto(
        name, lambda: tensor_proto(histogram_buckets(value, buckets)), step, metadata
    )


def _to_uint8(images):
    """``tf.image.convert_image_dtype(images, tf.uint8, saturate=True)``."""
    if images.dtype == np.uint8:
        return images
    if images.dtype.kind == "f":
        return np.clip(images.astype(np.float64) * 255.5, 0, 255).astype(np.uint8)
    if images.dtype.kind == "b":
        return images.astype(np.uint8)
    info = np.iinfo(images.dtype)
    if info.max > 255:
        scaled = images // ((int(info.max) + 1) // 256)
    else:
        scaled = images.astype(np.int64) * (256 // (int(info.max) + 1))
    return np.clip(scaled, 0, 255).astype(np.uint8)


def _png(image):
    pil = _tensorboard.require("PIL.Image")
    mode = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}[image.shape[-1]]
    pixels = image[..., 0] if mode == "L" else image
    buffer = io.BytesIO()
    pil.fromarray(np.ascontiguousarray(pixels), mode=mode).save(buffer, format="PNG")
    return buffer.getvalue()


def _non_negative(max_outputs):
    if int(np.asarray(max_outputs)) < 0:
        from ..framework.errors import InvalidArgumentError

        raise InvalidArgumentError(None, None, "Condition x >= 0 did not hold.")
    return int(np.asarray(max_outputs))


@tf_export("summary.image")
def image(name, data, step=None, max_outputs=3, description=None):
    """``tf.summary.image``: writes the first ``max_outputs`` images of ``data``
    (``[k, h, w, c]``, c in 1..4; floats clipped to [0, 1]) as PNGs."""
    metadata = _metadata("image", description)

    def make():
        assert_rank(data, 4)
        images = _to_uint8(_numpy(data))
        encoded = [_png(one) for one in images[: _non_negative(max_outputs)]]
        header = [str(images.shape[2]).encode(), str(images.shape[1]).encode()]
        return tensor_proto(np.array(header + encoded, dtype=object))

    return write_proto(name, make, step, metadata)


def _string_array(data):
    value = data._value if isinstance(data, Tensor) else data
    array = np.asarray(value, dtype=object) if not isinstance(value, np.ndarray) else value
    if array.dtype.kind == "U":
        array = array.astype(object)
    if array.dtype.kind != "O" or not all(isinstance(v, (str, bytes)) for v in array.flat):
        return None
    return (
        np.vectorize(lambda s: s.encode("utf-8") if isinstance(s, str) else s, otypes=[object])(
            array
        )
        if array.size
        else array
    )


@tf_export("summary.text")
def text(name, data, step=None, description=None):
    """``tf.summary.text``: writes a string (or a tensor of strings; Markdown is rendered)."""
    metadata = _metadata("text", description)
    strings = _string_array(data)
    if strings is None:
        from ..framework.convert import convert_to_tensor

        raise TypeError(
            "tensor must be of type <dtype: 'string'>; got %r" % (convert_to_tensor(data).dtype,)
        )
    return write_proto(name, lambda: tensor_proto(strings), step, metadata)


def _wav(clip, sample_rate):
    """TF's ``encode_wav``: 16-bit PCM, ``round(x * 32768)`` clamped to int16."""
    scaled = clip.astype(np.float32) * np.float32(32768.0)
    rounded = np.trunc(scaled + np.copysign(np.float32(0.5), scaled))
    samples = np.clip(rounded, -32768, 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(clip.shape[1])
        out.setsampwidth(2)
        out.setframerate(int(sample_rate))
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


@tf_export("summary.audio")
def audio(name, data, sample_rate, step=None, max_outputs=3, encoding=None, description=None):
    """``tf.summary.audio``: writes the first ``max_outputs`` clips of ``data``
    (``[k, t, c]`` floats in [-1, 1]) as 16-bit WAV at ``sample_rate`` Hz."""
    if encoding is None:
        encoding = "wav"
    if encoding != "wav":
        raise ValueError("Unknown encoding: %r" % encoding)
    metadata = _metadata("audio", description)

    def make():
        assert_rank(data, 3)
        clips = _numpy(data)[: _non_negative(max_outputs)]
        rate = np.asarray(sample_rate).reshape(())
        rows = [[_wav(clip, rate), b""] for clip in clips]
        return tensor_proto(np.array(rows, dtype=object).reshape(len(rows), 2))

    return write_proto(name, make, step, metadata)
