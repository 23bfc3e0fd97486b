"""tf.io / tf.image codecs: decode_png/jpeg/gif/bmp/image, encode_png/jpeg, is_jpeg."""

import io

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(4)
PIXELS = (RNG.random((5, 7, 3)) * 255).astype(np.uint8)


def _pillow_file(array, fmt, **options):
    image_module = pytest.importorskip("PIL.Image")
    buffer = io.BytesIO()
    frames = [image_module.fromarray(a) for a in (array if isinstance(array, list) else [array])]
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
    frames[0].save(buffer, fmt, **options)
    return buffer.getvalue()


def _files():
    return {
        "rgb.png": bytes(tf.io.encode_png(PIXELS).numpy()),
        "rgba.png": bytes(tf.io.encode_png(np.concatenate([PIXELS, PIXELS[..., :1]], -1)).numpy()),
        "gray.png": bytes(tf.io.encode_png(PIXELS[..., :1]).numpy()),
        "g16.png": bytes(tf.io.encode_png(PIXELS[..., :1].astype(np.uint16) * 251).numpy()),
        "rgb.jpg": _pillow_file(PIXELS, "JPEG", quality=90),
        "gray.jpg": _pillow_file(PIXELS[..., 0], "JPEG"),
        "rgb.bmp": _pillow_file(PIXELS, "BMP"),
        "anim.gif": _pillow_file([PIXELS, 255 - PIXELS], "GIF"),
        "rgb.webp": _pillow_file(PIXELS, "WEBP", lossless=True),
        "rgba.webp": _pillow_file(
            np.concatenate([PIXELS, PIXELS[..., :1]], -1), "WEBP", lossless=True
        ),
    }


def test_png_round_trip_without_pillow():
    for channels in (1, 2, 3, 4):
        pixels = (RNG.random((4, 6, channels)) * 255).astype(np.uint8)
        encoded = tf.io.encode_png(pixels)
        assert encoded.dtype == tf.string and bytes(encoded.numpy()).startswith(b"\x89PNG")
        np.testing.assert_array_equal(tf.io.decode_png(encoded).numpy(), pixels)
    wide = (RNG.random((3, 2, 3)) * 65535).astype(np.uint16)
    decoded = tf.image.decode_png(tf.image.encode_png(wide, compression=9), dtype=tf.uint16)
    assert decoded.dtype == tf.uint16
    np.testing.assert_array_equal(decoded.numpy(), wide)
    np.testing.assert_array_equal(tf.io.decode_png(tf.io.encode_png(wide)).numpy(), wide >> 8)


def test_png_channels_and_dtypes():
    png = tf.io.encode_png(PIXELS)
    assert tf.io.decode_png(png, channels=4).numpy()[..., 3].min() == 255
    gray = tf.io.decode_png(png, channels=1).numpy()[..., 0].astype(np.uint32)
    wide = PIXELS.astype(np.uint32)
    expected = (9797 * wide[..., 0] + 19234 * wide[..., 1] + 3737 * wide[..., 2]) >> 15
    np.testing.assert_array_equal(gray, expected)
    assert tf.io.decode_png(png, dtype=tf.uint16).numpy()[0, 0, 0] == int(PIXELS[0, 0, 0]) * 257
    floats = tf.io.decode_image(png, dtype=tf.float32)
    np.testing.assert_allclose(floats.numpy(), PIXELS / 255, rtol=1e-6)


@pytest.mark.parametrize(
    "name",
    [
        "rgb.png",
        "rgba.png",
        "gray.png",
        "g16.png",
        "rgb.jpg",
        "gray.jpg",
        "rgb.bmp",
        "anim.gif",
        "rgb.webp",
        "rgba.webp",
    ],
)
@pytest.mark.parametrize(
    "decoder", ["decode_image", "decode_png", "decode_jpeg", "decode_gif", "decode_webp"]
)
def test_decoders_match_tensorflow(name, decoder):
    tf_real = pytest.importorskip("tensorflow")
    data = _files()[name]
    outcomes = []
    for module in (tf, tf_real):
        try:
            outcomes.append(getattr(module.io, decoder)(data).numpy())
        except Exception as error:  # noqa: BLE001 - compared below
            outcomes.append(str(error))
    ours, theirs = outcomes
    if isinstance(theirs, str):
        assert isinstance(ours, str) and ours.split("}} ")[-1] == theirs.split("}} ")[-1]
        return
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    # TF's default JPEG DCT is libjpeg's fast integer one; Pillow's is the accurate one.
    tolerance = 4 if name.endswith(".jpg") else 0
    assert np.abs(ours.astype(int) - theirs.astype(int)).max() <= tolerance


@pytest.mark.parametrize("channels", [0, 1, 3, 4])
def test_decode_png_channels_match_tensorflow(channels):
    tf_real = pytest.importorskip("tensorflow")
    for name in ("rgb.png", "rgba.png", "gray.png"):
        data = _files()[name]
        ours = tf.io.decode_png(data, channels=channels).numpy()
        theirs = tf_real.io.decode_png(data, channels=channels).numpy()
        np.testing.assert_array_equal(ours, theirs)


def test_accurate_jpeg_decoding_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    for name in ("rgb.jpg", "gray.jpg"):
        data = _files()[name]
        ours = tf.io.decode_jpeg(data).numpy()
        theirs = tf_real.io.decode_jpeg(data, dct_method="INTEGER_ACCURATE").numpy()
        assert np.abs(ours.astype(int) - theirs.astype(int)).max() <= 1


def test_encoders_decode_in_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    png = bytes(tf.io.encode_png(PIXELS).numpy())
    np.testing.assert_array_equal(tf_real.io.decode_png(png).numpy(), PIXELS)
    smooth = np.broadcast_to(np.arange(0, 240, 15, dtype=np.uint8)[:, None, None], (16, 8, 3))
    jpeg = bytes(tf.io.encode_jpeg(smooth, quality=100).numpy())
    decoded = tf_real.io.decode_jpeg(jpeg, dct_method="INTEGER_ACCURATE").numpy().astype(int)
    assert np.abs(decoded - smooth).max() <= 2
    assert np.abs(decoded - tf.io.decode_jpeg(jpeg).numpy()).max() <= 1
    assert bool(tf_real.io.is_jpeg(jpeg)) and bool(tf.io.is_jpeg(jpeg))


def test_gif_bmp_and_webp():
    files = _files()
    webp = tf.io.decode_webp(files["rgba.webp"])
    assert webp.shape == (1, 5, 7, 4)
    np.testing.assert_array_equal(webp.numpy()[0, ..., :3], PIXELS)
    assert tf.io.decode_image(files["rgb.webp"], expand_animations=False).shape == (5, 7, 3)
    with pytest.raises(tf.errors.InvalidArgumentError, match="does not match input"):
        tf.io.decode_webp(files["rgba.webp"], channels=3)
    frames = tf.io.decode_gif(files["anim.gif"])
    assert frames.shape == (2, 5, 7, 3) and frames.dtype == tf.uint8
    assert tf.io.decode_image(files["anim.gif"], expand_animations=False).shape == (5, 7, 3)
    np.testing.assert_array_equal(tf.io.decode_bmp(files["rgb.bmp"]).numpy(), PIXELS)
    assert tf.io.decode_bmp(files["rgb.bmp"], channels=4).shape == (5, 7, 4)
    assert tf.image.decode_jpeg(files["rgb.jpg"]).shape == (5, 7, 3)
    assert tf.image.decode_jpeg(files["gray.jpg"]).shape == (5, 7, 1)
    assert not bool(tf.io.is_jpeg(files["rgb.png"]))


@pytest.mark.parametrize(
    "call,message",
    [
        (
            lambda f: tf.io.decode_png(b"abc"),
            "Unknown image file format. One of JPEG, JPEG XL, PNG, GIF, BMP, WebP required. "
            "[Op:DecodePng]",
        ),
        (
            lambda f: tf.io.decode_png(f["rgb.png"], channels=2),
            "`channels` must be 0, 1, 3 or 4 but got 2 [Op:DecodePng]",
        ),
        (
            lambda f: tf.io.decode_png([f["rgb.png"]]),
            "`contents` must be scalar but got shape[1] [Op:DecodePng]",
        ),
        (
            lambda f: tf.io.decode_bmp(f["rgb.png"]),
            "Trying to decode PNG format using DecodeBmp op. Use `decode_png` or `decode_image` "
            "instead. [Op:DecodeBmp]",
        ),
        (
            lambda f: tf.io.decode_jpeg(f["anim.gif"]),
            "Got 2 frames, but animated gifs can only be decoded by tf.io.decode_gif or "
            "tf.io.decode_image [Op:DecodeJpeg]",
        ),
        (
            lambda f: tf.io.decode_image(f["anim.gif"], channels=1),
            "channels must be 0 or 3 for GIF, got 1 [Op:DecodeImage]",
        ),
        (
            lambda f: tf.io.decode_jpeg(f["rgb.jpg"], channels=4),
            "JPEG does not support 4 channels [Op:DecodeJpeg]",
        ),
        (
            lambda f: tf.io.encode_png(tf.zeros([2, 2, 5], tf.uint8)),
            "image must have 1, 2, 3, or 4 channels, got 5 [Op:EncodePng] name: ",
        ),
        (
            lambda f: tf.io.encode_png(tf.zeros([2, 2], tf.uint8)),
            "images must be at least rank 3[2,2] [Op:EncodePng] name: ",
        ),
        (
            lambda f: tf.io.decode_png(b"\x89PNG\r\n\x1a\n"),
            "Invalid PNG. Failed to initialize decoder. [Op:DecodePng]",
        ),
        (
            lambda f: tf.io.decode_image(f["rgb.png"][:-12]),
            "Invalid PNG data, size %d [Op:DecodeImage]" % (len(_files()["rgb.png"]) - 12),
        ),
        (
            lambda f: tf.io.encode_png(tf.zeros([2, 2, 3], tf.uint8), compression=10),
            "compression should be in [-1,9], got 10 [Op:EncodePng] name: ",
        ),
        (
            lambda f: tf.io.encode_jpeg(tf.zeros([2, 2, 3])),
            "cannot compute EncodeJpeg as input #0(zero-based) was expected to be a uint8 tensor "
            "but is a float tensor [Op:EncodeJpeg] name: ",
        ),
        (
            lambda f: tf.io.encode_jpeg(tf.zeros([1, 2, 2, 3], tf.uint8)),
            "image must be 3-dimensional[1,2,2,3] [Op:EncodeJpeg] name: ",
        ),
        (
            lambda f: tf.io.encode_jpeg(tf.zeros([2, 2, 2], tf.uint8)),
            "image must have 1 or 3 channels, got [2,2,2] [Op:EncodeJpeg] name: ",
        ),
    ],
)
def test_errors(call, message):
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        call(_files())
    assert str(info.value).endswith(message)


def test_exported_under_io_and_image():
    assert tf.io.decode_png is tf.image.decode_png
    assert tf.io.encode_jpeg is tf.image.encode_jpeg


def _smooth_image():
    rows = np.linspace(0, 1, 16, dtype=np.float32)[:, None, None]
    cols = np.linspace(0, 1, 24, dtype=np.float32)[None, :, None]
    return np.concatenate([rows * cols, rows + 0 * cols, 1 - cols + 0 * rows], axis=-1)


def test_jpeg_quality_ops_match_tensorflow_closely():
    tf_real = pytest.importorskip("tensorflow")
    image = _smooth_image()
    for quality in (30, 90):
        ours = tf.image.adjust_jpeg_quality(image, quality)
        theirs = tf_real.image.adjust_jpeg_quality(image, quality, dct_method="INTEGER_ACCURATE")
        assert ours.dtype == tf.float32 and ours.shape == theirs.shape
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), atol=4 / 255)
    ours = tf.image.stateless_random_jpeg_quality(image, 40, 90, seed=(3, 4))
    theirs = tf_real.image.stateless_random_jpeg_quality(image, 40, 90, seed=(3, 4))
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), atol=8 / 255)


def test_jpeg_quality_ops():
    image = _smooth_image()
    low = tf.image.adjust_jpeg_quality(image, 5).numpy()
    high = tf.image.adjust_jpeg_quality(image, 100).numpy()
    assert np.abs(high - image).mean() < np.abs(low - image).mean()
    assert tf.image.random_jpeg_quality(image, 20, 80).shape == image.shape
    with pytest.raises(ValueError, match="^jpeg encoding range must be between 0 and 100.$"):
        tf.image.random_jpeg_quality(image, -1, 80)
    with pytest.raises(ValueError, match="must be less than `max_jpeg_quality`"):
        tf.image.stateless_random_jpeg_quality(image, 80, 80, (1, 2))


def test_jpeg_shape_and_cropped_decoding():
    files = _files()
    assert tf.io.extract_jpeg_shape(files["rgb.jpg"]).numpy().tolist() == [5, 7, 3]
    shape = tf.image.extract_jpeg_shape(files["gray.jpg"], tf.int64)
    assert shape.dtype == tf.int64 and shape.numpy().tolist() == [5, 7, 1]
    crop = tf.io.decode_and_crop_jpeg(files["rgb.jpg"], [1, 2, 3, 4])
    assert crop.shape == (3, 4, 3)
    np.testing.assert_array_equal(crop.numpy(), tf.io.decode_jpeg(files["rgb.jpg"])[1:4, 2:6])
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"Invalid JPEG data, size \d+"):
        tf.io.extract_jpeg_shape(files["rgb.png"])
    with pytest.raises(tf.errors.InvalidArgumentError, match="but detected PNG"):
        tf.io.decode_and_crop_jpeg(files["rgb.png"], [1, 2, 3, 4])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Invalid JPEG data or crop window"):
        tf.io.decode_and_crop_jpeg(files["rgb.jpg"], [1, 2, 30, 4])


def test_empty_input_and_bad_channels_get_tfs_messages():
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        tf.image.decode_png(b"")
    assert str(raised.value).endswith("}} Input is empty. [Op:DecodePng]")
    png = tf.image.encode_png(tf.ones([2, 2, 3], tf.uint8))
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        tf.image.decode_png(png, channels=5)
    assert str(raised.value).endswith(
        "}} `channels` must be 0, 1, 3 or 4 but got 5 [Op:DecodePng] name: "
    )


def test_encode_png_encodes_each_image_of_a_batch_as_tf():
    images = np.arange(2 * 3 * 2 * 2 * 3, dtype=np.uint8).reshape(2, 3, 2, 2, 3)
    encoded = tf.io.encode_png(tf.constant(images))
    assert encoded.shape == (2, 3) and encoded.dtype == tf.string
    np.testing.assert_array_equal(tf.io.decode_png(encoded[1, 2]).numpy(), images[1, 2])
    assert tf.io.encode_png(tf.zeros([0, 2, 2, 3], tf.uint8)).shape == (0,)


def test_truncated_png_errors_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    data = _files()["rgb.png"]
    for cut in (data[:8], data[:20], data[:40], data[:60], data[:-12]):
        with pytest.raises(tf_real.errors.InvalidArgumentError) as theirs:
            tf_real.io.decode_png(cut)
        with pytest.raises(tf.errors.InvalidArgumentError) as ours:
            tf.io.decode_png(cut)
        assert str(ours.value) == str(theirs.value)


def test_encode_png_writes_libpngs_bytes():
    tf_real = pytest.importorskip("tensorflow")
    images = [
        np.ones([2, 2, 3], np.uint8),
        np.arange(48, dtype=np.uint8).reshape(4, 4, 3),
        np.random.default_rng(0).integers(0, 256, (17, 9, 1), dtype=np.uint8),
        np.random.default_rng(1).integers(0, 3000, (6, 5, 2)).astype(np.uint16),
    ]
    for image in images:
        for level in (-1, 0, 9):
            ours = tf.io.encode_png(tf.constant(image), compression=level).numpy()
            assert ours == tf_real.io.encode_png(image, compression=level).numpy()
            np.testing.assert_array_equal(tf.io.decode_png(ours, dtype=image.dtype), image)


CONTENTS_SHAPE_CASES = [
    "tf.image.%s(%s)" % (op, contents)
    for op in ("decode_gif", "decode_bmp", "decode_webp", "decode_image", "extract_jpeg_shape")
    + ("decode_jpeg", "is_jpeg")
    for contents in (
        "np.array(['a', 'b'])",
        "tf.constant(['a', 'b'])",
        "['a', 'b']",
        "np.zeros((0, 3), np.float32)",
    )
] + ["tf.image.decode_and_crop_jpeg(np.array([b'a']), [0, 0, 1, 1])"]
CONTENTS_SHAPE_CASES += [
    "tf.image.%s(np.ones((4, 4, 3), np.float32), %s)" % (op, attr)
    for op in ("decode_png", "decode_jpeg", "decode_bmp", "decode_webp", "decode_image")
    + ("encode_png",)
    for attr in ("None", "'x'", "np.array(['a', 'b'])", "[1, 'a']")
]


@pytest.mark.parametrize("expression", CONTENTS_SHAPE_CASES)
def test_contents_of_the_wrong_shape_match_tensorflow(expression):
    """TF's text for non-scalar contents, with its `` name: `` part where TF prints it (a Tensor
    or NumPy array; never for the JPEG decoders); an empty numeric array converts to
    strings."""
    tf_real = pytest.importorskip("tensorflow")

    def outcome(module):
        try:
            return repr(eval(expression, {"tf": module, "np": np}).numpy())  # noqa: S307
        except Exception as error:  # noqa: BLE001 - comparing what each side raises
            return type(error).__name__, str(error)

    assert outcome(tf) == outcome(tf_real)


def test_contents_of_the_wrong_shape():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.io.extract_jpeg_shape(np.array([b"a", b"b"]))
    assert str(info.value).endswith(
        "contents must be scalar, got shape [2] [Op:ExtractJpegShape] name: "
    )
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.io.decode_gif(["a", "b"])
    assert str(info.value).endswith("got shape[2] [Op:DecodeGif]")
    assert tf.io.is_jpeg(np.zeros((0, 3), np.float32)).shape == (0, 3)
    with pytest.raises(TypeError, match=r"^Expected int for argument 'channels' not 'x'\.$"):
        tf.io.decode_png(np.ones(3, np.float32), "x")
