"""The numeric and image preprocessing layers without TensorFlow: configs, shapes, errors, the
random layers' modes and distributions, ``Normalization.adapt`` and saving in a model."""

import json

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

RNG = np.random.RandomState(0)
IMAGES = RNG.rand(4, 6, 8, 3).astype("float32")

LAYERS = [
    ("Rescaling", dict(scale=1 / 255.0, offset=-0.5)),
    ("Normalization", dict(axis=(1, 2), invert=True)),
    ("Normalization", dict(mean=[1.0, 2.0], variance=[3.0, 4.0])),
    ("CategoryEncoding", dict(num_tokens=5, output_mode="count")),
    ("Resizing", dict(height=3, width=4, interpolation="bicubic", crop_to_aspect_ratio=True)),
    ("CenterCrop", dict(height=2, width=3, data_format="channels_first")),
    ("RandomFlip", dict(mode="vertical", seed=3)),
    ("RandomRotation", dict(factor=(-0.2, 0.1), fill_mode="constant", fill_value=1.0)),
    ("RandomZoom", dict(height_factor=0.2, width_factor=(-0.1, 0.3), interpolation="nearest")),
    ("RandomTranslation", dict(height_factor=0.1, width_factor=0.2, fill_mode="wrap")),
    ("RandomContrast", dict(factor=0.4, value_range=(0, 1))),
    ("RandomBrightness", dict(factor=(-0.1, 0.3), value_range=(1, 0))),
    ("RandomCrop", dict(height=3, width=3, seed=9)),
]


@pytest.mark.parametrize("name, kwargs", LAYERS, ids=[c[0] for c in LAYERS])
def test_config_round_trip(name, kwargs):
    layer = getattr(keras.layers, name)(**kwargs)
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert clone.get_config() == config
    restored = keras.saving.deserialize_keras_object(keras.saving.serialize_keras_object(layer))
    assert json.loads(json.dumps(restored.get_config())) == json.loads(json.dumps(config))


def test_defaults():
    config = keras.layers.RandomRotation(0.1).get_config()
    assert (
        config["factor"],
        config["fill_mode"],
        config["interpolation"],
        config["fill_value"],
        config["seed"],
    ) == ((-0.1, 0.1), "reflect", "bilinear", 0.0, None)
    assert keras.layers.RandomFlip().mode == "horizontal_and_vertical"
    assert keras.layers.RandomContrast(0.2).factor == (0, 0.2)
    assert keras.layers.RandomBrightness(0.2, value_range=(255, 0)).value_range == [0, 255]
    assert keras.layers.Normalization().axis == (-1,)
    assert keras.layers.Normalization(axis=None).axis == ()
    assert keras.layers.CategoryEncoding(3).output_mode == "multi_hot"
    assert keras.layers.CategoryEncoding(3, output_mode="binary").output_mode == "multi_hot"
    assert isinstance(keras.layers.RandomCrop(2, 2).seed, int)
    resizing = keras.layers.Resizing(2, 3).get_config()
    assert (resizing["interpolation"], resizing["antialias"], resizing["data_format"]) == (
        "bilinear",
        False,
        "channels_last",
    )


@pytest.mark.parametrize(
    "call, error",
    [
        (
            lambda: keras.layers.RandomRotation(1.5),
            "in the range \\[-1, 1\\]. Received: factor=1.5",
        ),
        (lambda: keras.layers.RandomContrast(-0.1), "in the range \\[0, 1\\]"),
        (lambda: keras.layers.RandomZoom(-1.0), "Received: input_number=-1.0"),
        (
            lambda: keras.layers.RandomTranslation((0.1, 0.2, 0.3), 0.1),
            "Received: height_factor=\\(0.1, 0.2, 0.3\\)",
        ),
        (lambda: keras.layers.RandomBrightness(0.1, value_range=5), "Received: value_range=5"),
        (
            lambda: keras.layers.Resizing(2, 2, interpolation="cubic")(np.ones((1, 4, 4, 1))),
            "Received: interpolation=cubic",
        ),
        (
            lambda: keras.layers.Resizing(
                2, 2, crop_to_aspect_ratio=True, pad_to_aspect_ratio=True
            ),
            "Only one of",
        ),
        (lambda: keras.layers.CategoryEncoding(0), "`num_tokens` must be >= 1"),
        (
            lambda: keras.layers.CategoryEncoding(3, output_mode="tf_idf"),
            "Unknown arg for output_mode",
        ),
        (lambda: keras.layers.Normalization(mean=1.0), "both `mean` and `variance` must be set"),
        (
            lambda: keras.layers.Normalization(mean=[1.0, 2.0], variance=[1.0]),
            "must have the same shape",
        ),
        (
            lambda: keras.layers.RandomFlip()(np.ones((2, 3), "float32")),
            "Expected image tensor to have rank 3",
        ),
    ],
)
def test_argument_errors(call, error):
    with pytest.raises(ValueError, match=error):
        call()


def test_unsupported_modes_raise_not_implemented():
    with pytest.raises(NotImplementedError, match="Unknown `fill_mode` mirror"):
        keras.layers.RandomRotation(0.1, fill_mode="mirror")
    with pytest.raises(NotImplementedError, match="Unknown `interpolation` bicubic"):
        keras.layers.RandomZoom(0.1, interpolation="bicubic")


def test_rescaling_casts_integers():
    out = keras.layers.Rescaling(0.5, offset=1.0)(np.array([[2, 4]], "uint8"))
    assert out.dtype == tf.float32
    np.testing.assert_allclose(out.numpy(), [[2.0, 3.0]])


def test_category_encoding_modes():
    data = np.array([[0, 1, 1], [3, 3, 2]])
    np.testing.assert_array_equal(
        keras.layers.CategoryEncoding(4)(data).numpy(), [[1, 1, 0, 0], [0, 0, 1, 1]]
    )
    np.testing.assert_array_equal(
        keras.layers.CategoryEncoding(4, "count")(data).numpy(), [[1, 2, 0, 0], [0, 0, 1, 2]]
    )
    one_hot = keras.layers.CategoryEncoding(4, "one_hot")(np.array([[1], [3]]))
    np.testing.assert_array_equal(one_hot.numpy(), [[0, 1, 0, 0], [0, 0, 0, 1]])
    weighted = keras.layers.CategoryEncoding(4, "count")(
        data, count_weights=np.array([[1, 2, 3], [4, 5, 6.0]])
    )
    np.testing.assert_allclose(weighted.numpy(), [[1, 5, 0, 0], [0, 0, 6, 9]])
    with pytest.raises(ValueError, match="`count_weights` is not used"):
        keras.layers.CategoryEncoding(4)(data, count_weights=np.ones((2, 3)))
    with pytest.raises(tf.errors.InvalidArgumentError, match="must be non-negative"):
        keras.layers.CategoryEncoding(4)(np.array([1, -1]))


def test_shapes_batched_unbatched_and_symbolic():
    inputs = keras.Input((6, 8, 3))
    for layer, shape in [
        (keras.layers.Resizing(3, 5), (3, 5, 3)),
        (keras.layers.CenterCrop(4, 4), (4, 4, 3)),
        (keras.layers.RandomCrop(2, 7), (2, 7, 3)),
        (keras.layers.RandomZoom(0.2), (6, 8, 3)),
    ]:
        assert layer(IMAGES).shape == (4,) + shape
        assert layer(IMAGES[0]).shape == shape
        assert tuple(layer(inputs).shape) == (None,) + shape
    assert keras.layers.CategoryEncoding(5, "one_hot")(keras.Input((3,), dtype="int32")).shape == (
        None,
        3,
        5,
    )


def test_center_crop_and_resize_values():
    np.testing.assert_array_equal(
        keras.layers.CenterCrop(2, 4)(IMAGES).numpy(), IMAGES[:, 2:4, 2:6]
    )
    np.testing.assert_allclose(keras.layers.Resizing(6, 8)(IMAGES).numpy(), IMAGES, atol=1e-6)
    doubled = keras.layers.Resizing(12, 16, interpolation="nearest")(IMAGES).numpy()
    np.testing.assert_array_equal(doubled, IMAGES.repeat(2, axis=1).repeat(2, axis=2))
    halved = keras.layers.Resizing(3, 4, interpolation="area")(IMAGES).numpy()
    np.testing.assert_allclose(
        halved, IMAGES.reshape(4, 3, 2, 4, 2, 3).mean(axis=(2, 4)), atol=1e-6
    )


RANDOM = [
    keras.layers.RandomFlip,
    lambda **k: keras.layers.RandomRotation(0.3, **k),
    lambda **k: keras.layers.RandomZoom(0.3, **k),
    lambda **k: keras.layers.RandomTranslation(0.3, 0.3, **k),
    lambda **k: keras.layers.RandomContrast(0.5, value_range=(0, 1), **k),
    lambda **k: keras.layers.RandomBrightness(0.3, value_range=(0, 1), **k),
]


@pytest.mark.parametrize("make", RANDOM)
def test_random_layers_modes_and_seed(make):
    images = RNG.rand(16, 6, 8, 3).astype("float32")
    layer = make(seed=11)
    np.testing.assert_array_equal(layer(images, training=False).numpy(), images)
    trained = layer(images).numpy()
    assert not np.allclose(trained, images)
    np.testing.assert_array_equal(make(seed=11)(images, training=True).numpy(), trained)
    model = keras.Sequential([keras.Input((6, 8, 3)), make(seed=1)])
    np.testing.assert_array_equal(model.predict(images, verbose=0), images)


def test_flip_statistics():
    images = np.broadcast_to(np.arange(5, dtype="float32")[None, None, :, None], (2000, 1, 5, 1))
    out = keras.layers.RandomFlip("horizontal", seed=2)(images).numpy()
    flipped = out[:, 0, 0, 0] == 4
    assert np.all(flipped | (out[:, 0, 0, 0] == 0))
    assert 0.45 < flipped.mean() < 0.55
    vertical = keras.layers.RandomFlip("vertical", seed=2)(images).numpy()
    np.testing.assert_array_equal(vertical, images)


def test_contrast_and_brightness_statistics():
    images = RNG.rand(2000, 4, 4, 1).astype("float32") * 0.2 + 0.4
    out = keras.layers.RandomContrast((0.3, 0.6), value_range=(0, 1), seed=1)(images).numpy()
    factor = out.std(axis=(1, 2, 3)) / images.std(axis=(1, 2, 3))
    assert 0.7 - 1e-4 <= factor.min() < 0.75 and 1.55 < factor.max() <= 1.6 + 1e-4
    assert abs(factor.mean() - 1.15) < 0.03
    out = keras.layers.RandomBrightness((-0.1, 0.2), value_range=(0, 1), seed=1)(images).numpy()
    delta = (out - images).mean(axis=(1, 2, 3))
    assert -0.1 - 1e-6 <= delta.min() < -0.09 and 0.19 < delta.max() <= 0.2 + 1e-6
    assert abs(delta.mean() - 0.05) < 0.01


def test_geometric_transforms_exact_cases():
    square = RNG.rand(2, 5, 5, 1).astype("float32")
    quarter = keras.layers.RandomRotation((0.25, 0.25))(square).numpy()
    np.testing.assert_allclose(quarter, np.rot90(square, k=1, axes=(1, 2)), atol=1e-5)
    shifted = keras.layers.RandomTranslation(
        (1 / 6, 1 / 6), (-0.25, -0.25), fill_mode="constant", fill_value=-1.0
    )
    out = shifted(IMAGES).numpy()
    np.testing.assert_allclose(out[:, 1:, :6], IMAGES[:, :5, 2:], atol=1e-5)
    np.testing.assert_allclose(out[:, 0], -1.0, atol=1e-6)
    np.testing.assert_allclose(out[:, :, 6:], -1.0, atol=1e-6)
    wrapped = keras.layers.RandomTranslation(
        0.0, (0.25, 0.25), fill_mode="wrap", interpolation="nearest"
    )(IMAGES)
    np.testing.assert_array_equal(wrapped.numpy(), np.roll(IMAGES, 2, axis=2))


def test_random_crop_windows():
    images = np.arange(2 * 6 * 8, dtype="float32").reshape(2, 6, 8, 1)
    layer = keras.layers.RandomCrop(3, 4, seed=4)
    starts = set()
    for _ in range(60):
        out = layer(images).numpy()
        top, left = divmod(int(out[0, 0, 0, 0]), 8)
        np.testing.assert_array_equal(out, images[:, top : top + 3, left : left + 4])
        starts.add((top, left))
    assert {top for top, _ in starts} == {0, 1, 2, 3} and {left for _, left in starts} == {
        0,
        1,
        2,
        3,
        4,
    }
    np.testing.assert_array_equal(layer(images, training=False).numpy(), images)


def test_normalization_adapt_sources_agree():
    data = RNG.rand(50, 4).astype("float32") * 3 + 1
    expected_mean, expected_var = data.mean(axis=0), data.var(axis=0)
    sources = [
        data,
        tf.constant(data),
        tf.data.Dataset.from_tensor_slices(data).batch(7),
        tf.data.Dataset.from_tensor_slices((data, np.zeros(50))).batch(16),
        [data[:20], data[20:]],
    ]
    for source in sources:
        layer = keras.layers.Normalization()
        layer.adapt(source)
        mean, variance, count = layer.get_weights()
        np.testing.assert_allclose(mean, expected_mean, rtol=1e-5)
        np.testing.assert_allclose(variance, expected_var, rtol=1e-4)
        assert count == 0
        out = layer(data).numpy()
        np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-5)
        np.testing.assert_allclose(out.std(axis=0), 1, atol=1e-4)
    inverse = keras.layers.Normalization(invert=True)
    inverse.adapt(data)
    np.testing.assert_allclose(inverse(layer(data)).numpy(), data, rtol=1e-5)
    with pytest.raises(ValueError, match="incompatible shape"):
        layer.adapt(np.ones((3, 5), "float32"))
    with pytest.raises(TypeError, match="Unsupported data type"):
        keras.layers.Normalization().adapt(3)


def test_normalization_fixed_statistics():
    layer = keras.layers.Normalization(axis=(1, 3), mean=[1.0, 2.0], variance=[4.0, 9.0])
    x = np.ones((2, 2, 3, 2), "float32")
    expected = (x - np.array([1.0, 2.0])) / np.array([2.0, 3.0])
    np.testing.assert_allclose(layer(x).numpy(), expected, rtol=1e-6)
    assert layer.weights == []


def test_normalization_in_model_fit_save_and_load(tmp_path):
    pytest.importorskip("h5py")
    x = RNG.rand(64, 3).astype("float32") * [1, 10, 100]
    y = (x @ np.array([1.0, 0.1, 0.01], "float32"))[:, None]
    normalization = keras.layers.Normalization()
    normalization.adapt(x)
    model = keras.Sequential([keras.Input((3,)), normalization, keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=2, batch_size=16, verbose=0)
    path = str(tmp_path / "normalized.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(loaded.layers[0].get_weights()[0], x.mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(
        loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-5, atol=1e-6
    )


def test_augmentation_model_fit_save_and_load(tmp_path):
    pytest.importorskip("h5py")
    images = RNG.rand(32, 8, 8, 3).astype("float32") * 255
    labels = RNG.randint(0, 2, 32)
    model = keras.Sequential(
        [
            keras.Input((8, 8, 3)),
            keras.layers.Rescaling(1 / 255.0),
            keras.layers.RandomFlip("horizontal", seed=1),
            keras.layers.RandomRotation(0.1, seed=1),
            keras.layers.RandomZoom(0.1, seed=1),
            keras.layers.RandomTranslation(0.1, 0.1, seed=1),
            keras.layers.RandomContrast(0.2, value_range=(0, 1)),
            keras.layers.Resizing(6, 6),
            keras.layers.CenterCrop(4, 4),
            keras.layers.Flatten(),
            keras.layers.Dense(2, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
    path = str(tmp_path / "augmented.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    assert [type(layer).__name__ for layer in loaded.layers] == [
        type(layer).__name__ for layer in model.layers
    ]
    np.testing.assert_allclose(
        loaded.predict(images, verbose=0), model.predict(images, verbose=0), rtol=1e-5
    )


def test_normalization_statistics_that_do_not_broadcast_are_tfs_error():
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"Incompatible shapes: \[1,2\] vs"):
        keras.layers.Normalization(mean=[1.0, 2.0], variance=[1.0, 1.0])(np.ones((2, 3)))


def test_resizing_bad_sizes_as_tf():
    with pytest.raises(IndexError, match="tuple index out of range"):
        keras.layers.Resizing(2, 2)(np.ones((4, 4)))
    with pytest.raises(tf.errors.InvalidArgumentError, match="output dimensions must be positive"):
        keras.layers.Resizing(0, 2)(np.ones((1, 4, 4, 1)))
    with pytest.raises(tf.errors.InvalidArgumentError, match="input image must be of non-zero"):
        keras.layers.Resizing(2, 2)(np.zeros((0, 3, 2)))


@pytest.mark.parametrize(
    "make,value",
    [
        (lambda: keras.layers.Rescaling("a"), np.ones((2, 3))),
        (lambda: keras.layers.Normalization(), np.array([["a"]])),
    ],
)
def test_text_where_keras_casts_to_float_is_tfs_cast_error(make, value):
    with pytest.raises(tf.errors.UnimplementedError, match="Cast string to float is not supported"):
        make()(value)


def test_resizing_checks_the_interpolation_when_called_as_keras():
    layer = keras.layers.Resizing(2, 2, interpolation="nope")
    with pytest.raises(ValueError, match="Invalid value for argument `interpolation`"):
        layer(np.ones((1, 4, 4, 1)))
