"""Differential tests of the numeric and image preprocessing layers against real Keras 3 (the
oracle venv): same inputs, outputs to 1e-5; for the random layers, the inference identity and
the settings whose randomness is degenerate (a zero or single-valued factor).  Skips without
TensorFlow."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

import torch  # noqa: E402

import torchkeras as tf  # noqa: E402
from torchkeras import keras  # noqa: E402
from torchkeras.keras.layers.preprocessing import _affine  # noqa: E402

RNG = np.random.RandomState(3)
IMAGES = RNG.rand(3, 7, 9, 2).astype("float32") * 255


def _both(name, *args, **kwargs):
    return getattr(keras.layers, name)(*args, **kwargs), getattr(real_keras.layers, name)(
        *args, **kwargs
    )


def _compare(name, kwargs, x, atol=1e-5, **call):
    ours, theirs = _both(name, **kwargs)
    got = np.asarray(ours(x, **call))
    want = np.asarray(theirs(x, **call))
    assert got.shape == want.shape
    assert str(got.dtype) == str(want.dtype)
    np.testing.assert_allclose(got, want, atol=atol, rtol=1e-5)
    assert ours.get_config() == theirs.get_config() | {"name": ours.name}


RESIZE_CASES = [
    dict(height=h, width=w, interpolation=m)
    for m in ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5")
    for h, w in ((4, 5), (11, 13), (7, 3))
]
RESIZE_CASES += [
    dict(height=4, width=4, crop_to_aspect_ratio=True),
    dict(height=5, width=3, crop_to_aspect_ratio=True),
    dict(height=4, width=4, pad_to_aspect_ratio=True, fill_value=7.0),
    dict(height=3, width=9, pad_to_aspect_ratio=True),
    dict(height=3, width=4, antialias=True),
    dict(height=3, width=4, interpolation="bicubic", antialias=True),
]


@pytest.mark.parametrize(
    "kwargs", RESIZE_CASES, ids=lambda k: "-".join("%s" % v for v in k.values())
)
def test_resizing(kwargs):
    _compare("Resizing", kwargs, IMAGES / 255, atol=2e-5)
    _compare("Resizing", kwargs, IMAGES[0] / 255, atol=2e-5)


def test_resizing_channels_first_and_integers():
    _compare(
        "Resizing",
        dict(height=4, width=6, data_format="channels_first"),
        IMAGES.transpose(0, 3, 1, 2),
    )
    _compare("Resizing", dict(height=5, width=4), IMAGES.astype("uint8"))


@pytest.mark.parametrize("size", [(3, 5), (7, 9), (8, 4), (10, 12)])
def test_center_crop(size):
    _compare("CenterCrop", dict(height=size[0], width=size[1]), IMAGES, atol=1e-3)
    _compare(
        "CenterCrop",
        dict(height=size[0], width=size[1], data_format="channels_first"),
        IMAGES.transpose(0, 3, 1, 2),
        atol=1e-3,
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(scale=1 / 255.0),
        dict(scale=2.0, offset=-1.0),
        dict(scale=[1.0, 0.5], offset=[0.0, 1.0]),
    ],
)
def test_rescaling(kwargs):
    _compare("Rescaling", kwargs, IMAGES)
    _compare("Rescaling", kwargs, IMAGES.astype("uint8"))


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(axis=-1),
        dict(axis=None),
        dict(axis=(1, 2)),
        dict(axis=-1, invert=True),
        dict(mean=2.0, variance=9.0),
        dict(axis=(1, 3), mean=[1.0, 2.0], variance=[4, 5]),
    ],
)
def test_normalization_adapt_array(kwargs):
    ours, theirs = _both("Normalization", **kwargs)
    if "mean" not in kwargs:
        ours.adapt(IMAGES)
        theirs.adapt(IMAGES)
        for a, b in zip(ours.get_weights(), theirs.get_weights()):
            np.testing.assert_allclose(a, b, rtol=1e-5)
    np.testing.assert_allclose(
        np.asarray(ours(IMAGES)), np.asarray(theirs(IMAGES)), rtol=1e-5, atol=1e-5
    )
    assert ours.get_config() == theirs.get_config() | {"name": ours.name}


@pytest.mark.parametrize("axis", [-1, None, (1, 2)])
def test_normalization_adapt_dataset_and_tensor(axis):
    ours, theirs = _both("Normalization", axis=axis)
    ours.adapt(tf.data.Dataset.from_tensor_slices(IMAGES).batch(2))
    theirs.adapt(tf_real.data.Dataset.from_tensor_slices(IMAGES).batch(2))
    for a, b in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5)
    ours, theirs = _both("Normalization", axis=axis)
    ours.adapt(tf.constant(IMAGES))
    theirs.adapt(tf_real.constant(IMAGES))
    for a, b in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5)


def test_normalization_adapt_unbatched_vector_dataset():
    data = RNG.rand(300).astype("float32")
    ours, theirs = _both("Normalization", axis=None)
    ours.adapt(tf.data.Dataset.from_tensor_slices(data))
    theirs.adapt(tf_real.data.Dataset.from_tensor_slices(data))
    for a, b in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5)


@pytest.mark.parametrize("mode", ["one_hot", "multi_hot", "count"])
@pytest.mark.parametrize(
    "data",
    [
        np.array([0, 3, 1, 3]),
        np.array([[0], [2], [3]]),
        np.array([[0, 1, 1], [3, 3, 2]]),
        np.array(2),
        np.array([[0, 7], [1, 2]]),
        np.array([[[0, 1, 9]]]),
    ],
    ids=["r1", "col", "r2", "scalar", "too-large", "r3"],
)
def test_category_encoding(mode, data):
    _compare("CategoryEncoding", dict(num_tokens=4, output_mode=mode), data)


@pytest.mark.parametrize(
    "data", [np.array([0, -1]), np.array([[0, -2], [1, 2]]), np.array([[-2, -5, 1], [1, -4, 2]])]
)
def test_category_encoding_negative(data):
    ours, theirs = _both("CategoryEncoding", num_tokens=4, output_mode="one_hot")
    np.testing.assert_array_equal(np.asarray(ours(data)), np.asarray(theirs(data)))
    ours, theirs = _both("CategoryEncoding", num_tokens=4, output_mode="count")
    with pytest.raises(tf_real.errors.InvalidArgumentError) as expected:
        theirs(data)
    with pytest.raises(tf.errors.InvalidArgumentError) as got:
        ours(data)
    assert got.value.message in expected.value.message


def test_category_encoding_count_weights():
    ours, theirs = _both("CategoryEncoding", num_tokens=4, output_mode="count")
    data, weights = np.array([[0, 1, 1], [3, 3, 2]]), np.array([[0.5, 1.0, 2.0], [1.5, 2.5, 3.0]])
    np.testing.assert_allclose(
        np.asarray(ours(data, count_weights=weights)),
        np.asarray(theirs(data, count_weights=weights)),
    )


RANDOM_LAYERS = [
    ("RandomFlip", dict(mode="horizontal")),
    ("RandomFlip", dict()),
    ("RandomRotation", dict(factor=0.3)),
    ("RandomZoom", dict(height_factor=0.3)),
    ("RandomTranslation", dict(height_factor=0.2, width_factor=0.2)),
    ("RandomContrast", dict(factor=0.5)),
    ("RandomBrightness", dict(factor=0.3)),
    ("RandomCrop", dict(height=4, width=5, seed=7)),
]


@pytest.mark.parametrize("name, kwargs", RANDOM_LAYERS, ids=[c[0] for c in RANDOM_LAYERS])
def test_random_layers_inference_identity(name, kwargs):
    _compare(name, kwargs, IMAGES, training=False)


DETERMINISTIC = [
    ("RandomRotation", dict(factor=0.0)),
    ("RandomRotation", dict(factor=(0.25, 0.25), fill_mode="constant", fill_value=3.0)),
    ("RandomRotation", dict(factor=(0.1, 0.1), interpolation="nearest", fill_mode="wrap")),
    ("RandomRotation", dict(factor=(-0.07, -0.07), fill_mode="nearest")),
    ("RandomZoom", dict(height_factor=0.0)),
    ("RandomZoom", dict(height_factor=(0.4, 0.4))),
    ("RandomZoom", dict(height_factor=(-0.3, -0.3), width_factor=(0.5, 0.5), fill_mode="constant")),
    ("RandomZoom", dict(height_factor=(0.2, 0.2), interpolation="nearest", fill_mode="wrap")),
    ("RandomTranslation", dict(height_factor=0.0, width_factor=0.0)),
    ("RandomTranslation", dict(height_factor=(0.3, 0.3), width_factor=(-0.2, -0.2))),
    (
        "RandomTranslation",
        dict(
            height_factor=(-0.5, -0.5),
            width_factor=(0.35, 0.35),
            fill_mode="constant",
            fill_value=1.0,
        ),
    ),
    (
        "RandomTranslation",
        dict(
            height_factor=(0.45, 0.45),
            width_factor=(0.7, 0.7),
            fill_mode="wrap",
            interpolation="nearest",
        ),
    ),
    (
        "RandomTranslation",
        dict(height_factor=(0.2, 0.2), width_factor=(-0.9, -0.9), fill_mode="nearest"),
    ),
    ("RandomContrast", dict(factor=0.0)),
    ("RandomBrightness", dict(factor=(0.2, 0.2))),
    ("RandomBrightness", dict(factor=(-0.5, -0.5), value_range=(0, 1))),
    ("RandomCrop", dict(height=7, width=9, seed=1)),
    ("RandomCrop", dict(height=7, width=4, seed=1)),
    ("RandomCrop", dict(height=10, width=12, seed=1)),
]


@pytest.mark.parametrize("name, kwargs", DETERMINISTIC, ids=[c[0] for c in DETERMINISTIC])
def test_random_layers_deterministic_training(name, kwargs):
    _compare(name, kwargs, IMAGES, atol=1e-3, training=True)
    _compare(name, kwargs, IMAGES[1], atol=1e-3, training=True)
    channels_first = dict(kwargs, data_format="channels_first")
    if name not in ("RandomContrast", "RandomBrightness"):
        _compare(name, channels_first, IMAGES.transpose(0, 3, 1, 2), atol=1e-3, training=True)


@pytest.mark.parametrize(
    "name, kwargs", RANDOM_LAYERS + DETERMINISTIC, ids=[c[0] for c in RANDOM_LAYERS + DETERMINISTIC]
)
def test_config_loads_in_keras(name, kwargs):
    ours = getattr(keras.layers, name)(**kwargs)
    theirs = getattr(real_keras.layers, name).from_config(ours.get_config())
    assert theirs.get_config() == ours.get_config()


def test_flip_matches_a_flip_of_keras_per_image():
    ours = keras.layers.RandomFlip(seed=5)
    out = np.asarray(ours(IMAGES, training=True))
    for image, result in zip(IMAGES, out):
        assert np.array_equal(result, image) or np.array_equal(result, image[::-1, ::-1])


def _centroids(images):
    weights = images[..., 0]
    total = weights.sum(axis=(1, 2))
    rows = (weights.sum(axis=2) * np.arange(images.shape[1])).sum(axis=1) / total
    cols = (weights.sum(axis=1) * np.arange(images.shape[2])).sum(axis=1) / total
    return np.stack([rows, cols], axis=1)


def _marker_batch(count=600, size=21):
    images = np.zeros((count, size, size, 1), "float32")
    images[:, 4, 14] = 1.0
    return images


GEOMETRY = [
    ("RandomRotation", dict(factor=0.2, fill_mode="constant")),
    ("RandomRotation", dict(factor=(-0.1, 0.05), fill_mode="constant")),
    ("RandomZoom", dict(height_factor=(-0.3, 0.4), fill_mode="constant")),
    ("RandomZoom", dict(height_factor=0.2, width_factor=(0.0, 0.5), fill_mode="constant")),
    ("RandomTranslation", dict(height_factor=0.1, width_factor=(-0.3, 0.1), fill_mode="constant")),
]


@pytest.mark.parametrize("name, kwargs", GEOMETRY, ids=[c[0] for c in GEOMETRY])
def test_geometric_distributions_match_keras(name, kwargs):
    """Where a marker pixel lands: the same range and moments as in Keras (not the same draws)."""
    images = _marker_batch()
    ours, theirs = _both(name, seed=3, **kwargs)
    got = _centroids(np.asarray(ours(images, training=True)))
    want = _centroids(np.asarray(theirs(images, training=True)))
    np.testing.assert_allclose(got.min(axis=0), want.min(axis=0), atol=0.4)
    np.testing.assert_allclose(got.max(axis=0), want.max(axis=0), atol=0.4)
    np.testing.assert_allclose(got.mean(axis=0), want.mean(axis=0), atol=0.35)
    np.testing.assert_allclose(got.std(axis=0), want.std(axis=0), rtol=0.15, atol=0.05)


COLOR = [
    ("RandomContrast", dict(factor=(0.2, 0.7), value_range=(0, 1))),
    ("RandomBrightness", dict(factor=(-0.2, 0.4), value_range=(0, 1))),
    ("RandomFlip", dict(mode="horizontal")),
]


@pytest.mark.parametrize("name, kwargs", COLOR, ids=[c[0] for c in COLOR])
def test_photometric_distributions_match_keras(name, kwargs):
    """The per-image contrast factor / brightness delta / flip: Keras' range and moments."""
    images = RNG.rand(4000, 3, 4, 1).astype("float32") * 0.2 + 0.4

    def statistic(out):
        if name == "RandomContrast":
            return out.std(axis=(1, 2, 3)) / images.std(axis=(1, 2, 3))
        if name == "RandomBrightness":
            return (out - images).mean(axis=(1, 2, 3))
        return (out[:, 0, 0, 0] == images[:, 0, -1, 0]).astype("float32")

    ours, theirs = _both(name, seed=5, **kwargs)
    got = statistic(np.asarray(ours(images, training=True)))
    want = statistic(np.asarray(theirs(images, training=True)))
    np.testing.assert_allclose([got.min(), got.max()], [want.min(), want.max()], atol=0.02)
    np.testing.assert_allclose(got.mean(), want.mean(), atol=0.04)
    np.testing.assert_allclose(got.std(), want.std(), rtol=0.1)


def _image_model(lib, data):
    normalization = lib.layers.Normalization()
    normalization.adapt(data)
    return lib.Sequential(
        [
            lib.Input((7, 9, 2)),
            lib.layers.Rescaling(0.5),
            normalization,
            lib.layers.RandomFlip(seed=1),
            lib.layers.RandomRotation(0.1, seed=1),
            lib.layers.Resizing(4, 5, interpolation="bicubic"),
            lib.layers.CenterCrop(3, 3),
            lib.layers.Flatten(),
            lib.layers.Dense(2),
        ]
    )


@pytest.mark.parametrize("source", ["torchkeras", "keras"])
def test_keras_files_load_both_ways(tmp_path, source):
    path = str(tmp_path / "preprocessing.keras")
    ours_first = source == "torchkeras"
    model = _image_model(keras if ours_first else real_keras, IMAGES)
    model.save(path)
    loaded = (real_keras if ours_first else keras).models.load_model(path)
    np.testing.assert_allclose(
        np.asarray(loaded.predict(IMAGES, verbose=0)),
        np.asarray(model.predict(IMAGES, verbose=0)),
        rtol=1e-4,
        atol=1e-4,
    )
    np.testing.assert_allclose(
        loaded.layers[1].get_weights()[0], model.layers[1].get_weights()[0], rtol=1e-6
    )


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
@pytest.mark.parametrize("fill_mode", ["reflect", "wrap", "constant", "nearest"])
@pytest.mark.parametrize("shape", [(3, 6, 8, 2), (2, 5, 1, 1)])
def test_affine_transform_matches_tf_projective_transform(interpolation, fill_mode, shape):
    """The warp under RandomRotation / Zoom / Translation against TF's kernel on random
    projective maps."""
    rng = np.random.RandomState(5)
    images = rng.rand(*shape).astype("float32")
    for trial in range(6):
        angle, scale = rng.uniform(-3, 3, shape[0]), rng.uniform(0.3, 2.5, shape[0])
        transforms = np.zeros((shape[0], 8), "float32")
        rotation = np.stack([np.cos(angle), -np.sin(angle), np.sin(angle), np.cos(angle)], 1)
        transforms[:, [0, 1, 3, 4]] = rotation * scale[:, None]
        transforms[:, [2, 5]] = rng.uniform(-20, 20, (shape[0], 2))
        if trial % 2:
            transforms[:, 6:] = rng.uniform(-0.05, 0.05, (shape[0], 2))
        want = tf_real.raw_ops.ImageProjectiveTransformV3(
            images=images,
            transforms=transforms,
            output_shape=shape[1:3],
            fill_value=0.5,
            interpolation=interpolation.upper(),
            fill_mode=fill_mode.upper(),
        ).numpy()
        got = _affine.affine_transform(
            torch.tensor(images), torch.tensor(transforms), interpolation, fill_mode, 0.5
        )
        np.testing.assert_allclose(got.numpy(), want, atol=1e-4)
