"""The PNG decoder and keras.utils.image_dataset_from_directory on generated folders (no
TensorFlow, no Pillow)."""

import struct
import sys
import zlib

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.ops.image_decode import decode_image, decode_png

RNG = np.random.RandomState(3)


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _filtered(raw, bpp):
    """PNG scanlines, cycling through the five filter types."""
    out, previous = [], np.zeros(raw.shape[1], dtype=np.int32)
    for y, row in enumerate(raw.astype(np.int32)):
        kind = y % 5
        left = np.concatenate([np.zeros(bpp, np.int32), row[:-bpp]])
        upper_left = np.concatenate([np.zeros(bpp, np.int32), previous[:-bpp]])
        if kind == 0:
            line = row
        elif kind == 1:
            line = row - left
        elif kind == 2:
            line = row - previous
        elif kind == 3:
            line = row - (left + previous) // 2
        else:
            p = left + previous - upper_left
            pa, pb, pc = abs(p - left), abs(p - previous), abs(p - upper_left)
            line = row - np.where(
                (pa <= pb) & (pa <= pc), left, np.where(pb <= pc, previous, upper_left)
            )
        out.append(bytes([kind]) + (line & 0xFF).astype(np.uint8).tobytes())
        previous = row
    return b"".join(out)


def png_bytes(pixels, color_type, depth=8, palette=None):
    """A PNG file of ``pixels`` ((h, w, c) samples, or (h, w) palette indices)."""
    height, width = pixels.shape[:2]
    samples = pixels.reshape(height, -1)
    if depth == 16:
        raw = samples.astype(">u2").view(np.uint8).reshape(height, -1)
    else:
        raw = samples.astype(np.uint8)
    bpp = max(1, raw.shape[1] // width)
    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    chunks = _chunk(b"IHDR", header)
    if palette is not None:
        chunks += _chunk(b"PLTE", palette.astype(np.uint8).tobytes())
    chunks += _chunk(b"IDAT", zlib.compress(_filtered(raw, bpp))) + _chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


@pytest.mark.parametrize("color_type,channels", [(0, 1), (2, 3), (4, 2), (6, 4)])
def test_decode_png_colour_types(color_type, channels):
    pixels = RNG.randint(0, 256, (7, 9, channels)).astype(np.uint8)
    np.testing.assert_array_equal(decode_png(png_bytes(pixels, color_type)), pixels)


def test_decode_png_16_bit_and_palette():
    wide = RNG.randint(0, 65536, (4, 5, 3)).astype(np.uint16)
    data = png_bytes(wide, 2, depth=16)
    np.testing.assert_array_equal(decode_png(data), wide)
    np.testing.assert_array_equal(decode_image(data, 3), (wide >> 8).astype(np.uint8))
    palette = RNG.randint(0, 256, (4, 3))
    index = RNG.randint(0, 4, (3, 6))
    np.testing.assert_array_equal(decode_png(png_bytes(index, 3, palette=palette)), palette[index])


def test_decode_image_channel_conversion():
    rgb = np.array([[[117, 166, 22], [10, 10, 10]]], dtype=np.uint8)
    data = png_bytes(rgb, 2)
    assert decode_image(data, 1)[..., 0].tolist() == [[134, 10]]
    assert decode_image(data, 4)[0, 0].tolist() == [117, 166, 22, 255]
    grey = png_bytes(np.array([[[7]]], dtype=np.uint8), 0)
    assert decode_image(grey, 3).tolist() == [[[7, 7, 7]]]


def test_non_png_without_pillow_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(ImportError, match=r"torchkeras-tf\[image\]"):
        decode_image(b"\xff\xd8\xff\xe0 not really a jpeg", 3, "x.jpg")


@pytest.fixture
def image_dir(tmp_path):
    for label, count in (("cats", 3), ("dogs", 2)):
        (tmp_path / label).mkdir()
        for i in range(count):
            pixels = np.full((6, 8, 3), 40 * i + (100 if label == "dogs" else 0), dtype=np.uint8)
            (tmp_path / label / ("%d.png" % i)).write_bytes(png_bytes(pixels, 2))
    (tmp_path / "cats" / "notes.txt").write_text("not an image")
    return tmp_path


def test_image_dataset_shapes_labels_and_messages(image_dir, capsys):
    ds = keras.utils.image_dataset_from_directory(
        str(image_dir), image_size=(3, 4), batch_size=4, shuffle=False
    )
    assert capsys.readouterr().out == "Found 5 files belonging to 2 classes.\n"
    assert ds.class_names == ["cats", "dogs"] and len(ds.file_paths) == 5
    images, labels = next(iter(ds.as_numpy_iterator()))
    assert images.shape == (4, 3, 4, 3) and images.dtype == np.float32
    assert labels.tolist() == [0, 0, 0, 1]
    np.testing.assert_allclose(images[:, 0, 0, 0], [0, 40, 80, 100])


def test_image_dataset_options(image_dir):
    grey = keras.utils.image_dataset_from_directory(
        str(image_dir),
        image_size=6,
        color_mode="grayscale",
        crop_to_aspect_ratio=True,
        label_mode="categorical",
        shuffle=False,
        verbose=False,
    )
    images, labels = next(iter(grey.as_numpy_iterator()))
    assert images.shape == (5, 6, 6, 1) and labels.shape == (5, 2)
    nearest = keras.utils.image_dataset_from_directory(
        str(image_dir),
        image_size=(5, 5),
        interpolation="nearest",
        pad_to_aspect_ratio=True,
        labels=None,
        batch_size=None,
        shuffle=False,
        verbose=False,
    )
    first = next(iter(nearest.as_numpy_iterator()))
    assert first.dtype == np.uint8 and first.shape == (5, 5, 3)
    train = keras.utils.image_dataset_from_directory(
        str(image_dir),
        image_size=(2, 2),
        validation_split=0.4,
        subset="training",
        seed=1,
        verbose=False,
    )
    assert sum(len(b[1]) for b in train.as_numpy_iterator()) == 3
    with pytest.raises(ValueError, match="`color_mode` must be one of"):
        keras.utils.image_dataset_from_directory(str(image_dir), color_mode="cmyk")
    with pytest.raises(ValueError, match="'bilinear' or 'nearest'"):
        keras.utils.image_dataset_from_directory(str(image_dir), interpolation="bicubic")
