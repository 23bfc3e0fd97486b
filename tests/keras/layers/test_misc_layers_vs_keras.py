"""The remaining Keras layers against real Keras: 3D reshaping, RMSNormalization,
SpectralNormalization,
Discretization (fixed and adapted bins), adaptive pooling, AlphaDropout at inference.  Weights are
transplanted with ``set_weights``; outputs compare to 1e-5 and configs are identical.  ``.keras``
files
move both ways.  Runs only where TensorFlow is importable (the oracle venv)."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402

RNG = np.random.RandomState(2)
X3 = RNG.randn(3, 7, 4).astype("float32")
X4 = RNG.randn(2, 7, 5, 3).astype("float32")
X5 = RNG.randn(2, 5, 6, 7, 3).astype("float32")

CASES = [
    ("Cropping3D", {}, X5),
    ("Cropping3D", {"cropping": (1, (0, 2), (3, 1))}, X5),
    ("Cropping3D", {"cropping": 1, "data_format": "channels_first"}, X5),
    ("ZeroPadding3D", {}, X5),
    ("ZeroPadding3D", {"padding": ((1, 0), 2, (0, 3))}, X5),
    ("ZeroPadding3D", {"padding": 1, "data_format": "channels_first"}, X5),
    ("UpSampling3D", {}, X5),
    ("UpSampling3D", {"size": (1, 2, 3), "data_format": "channels_first"}, X5),
    ("RMSNormalization", {}, X3),
    ("RMSNormalization", {"axis": [1, 2], "epsilon": 1e-3}, X3),
    ("RMSNormalization", {"axis": 1}, X4[:, :, 0, 0]),
    ("AlphaDropout", {"rate": 0.3}, X3),
    ("AdaptiveAveragePooling1D", {"output_size": 3}, X3),
    ("AdaptiveMaxPooling1D", {"output_size": 5}, X3),
    ("AdaptiveAveragePooling1D", {"output_size": 9}, X3),
    ("AdaptiveMaxPooling1D", {"output_size": (2,)}, X3),
    ("AdaptiveAveragePooling2D", {"output_size": (3, 2)}, X4),
    ("AdaptiveMaxPooling2D", {"output_size": 4}, X4),
    ("AdaptiveAveragePooling2D", {"output_size": 1}, X4),
    ("AdaptiveMaxPooling2D", {"output_size": (2, 3), "data_format": "channels_first"}, X4),
    ("AdaptiveAveragePooling3D", {"output_size": (2, 3, 4)}, X5),
    ("AdaptiveMaxPooling3D", {"output_size": 3}, X5),
    ("AdaptiveAveragePooling3D", {"output_size": 2, "data_format": "channels_first"}, X5),
    ("Discretization", {"bin_boundaries": [-1.0, 0.0, 0.5]}, X3),
    ("Discretization", {"bin_boundaries": [-1.0, 0.0, 0.5], "output_mode": "one_hot"}, X3),
    (
        "Discretization",
        {"bin_boundaries": [-1.0, 0.0, 0.5], "output_mode": "one_hot"},
        X3[:, :1, 0:1][:, 0],
    ),
    ("Discretization", {"bin_boundaries": [-1.0, 0.0, 0.5], "output_mode": "multi_hot"}, X3),
    ("Discretization", {"bin_boundaries": [-1.0, 0.0, 0.5], "output_mode": "count"}, X3[:, :, 0]),
    ("Discretization", {"bin_boundaries": [-1.0, 0.0, 0.5], "output_mode": "count"}, X3[0, :, 0]),
]


def _config(layer):
    return {k: v for k, v in layer.get_config().items() if k != "name"}


@pytest.mark.parametrize("name,kwargs,x", CASES)
def test_matches_keras(name, kwargs, x):
    ours = getattr(keras.layers, name)(**kwargs)
    theirs = getattr(real_keras.layers, name)(**kwargs)
    expected = np.asarray(theirs(x))
    if theirs.weights:
        weights = [RNG.rand(*w.shape).astype("float32") + 0.5 for w in theirs.weights]
        theirs.set_weights(weights)
        ours.build(x.shape)
        ours.set_weights(weights)
        expected = np.asarray(theirs(x))
    got = ours(x)
    assert got.dtype.name == str(expected.dtype)
    np.testing.assert_allclose(got.numpy(), expected, rtol=1e-5, atol=1e-5)
    assert ours.compute_output_shape(x.shape) == tuple(theirs.compute_output_shape(x.shape))
    assert _config(ours) == _config(theirs)


@pytest.mark.parametrize(
    "make,x",
    [
        (lambda k: k.layers.Dense(4), RNG.randn(3, 5).astype("float32")),
        (lambda k: k.layers.Conv2D(4, 3), X4),
        (lambda k: k.layers.Embedding(10, 3), np.array([[1, 4, 7]])),
    ],
)
@pytest.mark.parametrize("power_iterations", [1, 3])
def test_spectral_normalization_matches_keras(make, x, power_iterations):
    ours = keras.layers.SpectralNormalization(make(keras), power_iterations=power_iterations)
    theirs = real_keras.layers.SpectralNormalization(
        make(real_keras), power_iterations=power_iterations
    )
    theirs(x)
    ours(x)
    assert [w.shape for w in ours.weights] == [tuple(w.shape) for w in theirs.weights]
    weights = [RNG.randn(*w.shape).astype("float32") for w in theirs.weights]
    theirs.set_weights(weights)
    ours.set_weights(weights)
    for _ in range(2):
        expected = np.asarray(theirs(x, training=True))
        np.testing.assert_allclose(ours(x, training=True).numpy(), expected, rtol=1e-5, atol=1e-5)
    for a, b in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(a, np.asarray(b), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(ours(x).numpy(), np.asarray(theirs(x)), rtol=1e-5, atol=1e-5)
    assert _config(ours)["power_iterations"] == power_iterations


@pytest.mark.parametrize(
    "num_bins,epsilon,batches", [(4, 0.01, 1), (5, 0.1, 3), (3, 0.05, 2), (10, 0.01, 4)]
)
def test_discretization_adapt_matches_keras(num_bins, epsilon, batches):
    data = RNG.randn(batches, 57, 3).astype("float32")
    ours = keras.layers.Discretization(num_bins=num_bins, epsilon=epsilon)
    theirs = real_keras.layers.Discretization(num_bins=num_bins, epsilon=epsilon)
    ours.adapt(list(data))
    theirs.adapt(list(data))
    np.testing.assert_allclose(ours.bin_boundaries, theirs.bin_boundaries, rtol=1e-6)
    np.testing.assert_array_equal(ours(data[0]).numpy(), np.asarray(theirs(data[0])))
    assert ours.get_config()["bin_boundaries"] == pytest.approx(
        theirs.get_config()["bin_boundaries"]
    )


def _model(k):
    return k.Sequential(
        [
            k.Input((7, 4)),
            k.layers.PReLU(alpha_initializer="random_normal"),
            k.layers.RMSNormalization(),
            k.layers.ReLU(max_value=1.5),
            k.layers.LeakyReLU(),
            k.layers.ELU(),
            k.layers.Softmax(),
            k.layers.Reshape((7, 4, 1)),
            k.layers.AdaptiveMaxPooling2D((3, 2)),
            k.layers.ZeroPadding2D(1),
        ]
    )


def test_keras_files_move_both_ways(tmp_path):
    ours = _model(keras)
    ours.layers[1].scale.assign(RNG.rand(4).astype("float32"))
    path = str(tmp_path / "ours.keras")
    ours.save(path)
    loaded = real_keras.models.load_model(path)
    np.testing.assert_allclose(np.asarray(loaded(X3)), ours(X3).numpy(), rtol=1e-5, atol=1e-6)
    theirs = _model(real_keras)
    theirs.layers[1].scale.assign(RNG.rand(4).astype("float32"))
    path = str(tmp_path / "theirs.keras")
    theirs.save(path)
    revived = keras.models.load_model(path)
    np.testing.assert_allclose(revived(X3).numpy(), np.asarray(theirs(X3)), rtol=1e-5, atol=1e-6)


def test_names_exist_in_keras():
    names = [
        "ReLU",
        "LeakyReLU",
        "PReLU",
        "ELU",
        "Softmax",
        "Cropping3D",
        "UpSampling3D",
        "ZeroPadding3D",
        "AlphaDropout",
        "RMSNormalization",
        "SpectralNormalization",
        "Discretization",
        "Wrapper",
        "TorchModuleWrapper",
        "AdaptiveAveragePooling1D",
        "AdaptiveAveragePooling2D",
        "AdaptiveAveragePooling3D",
        "AdaptiveMaxPooling1D",
        "AdaptiveMaxPooling2D",
        "AdaptiveMaxPooling3D",
        "Convolution1D",
        "Convolution2D",
        "Convolution3D",
        "Convolution1DTranspose",
        "Convolution2DTranspose",
        "Convolution3DTranspose",
        "SeparableConvolution1D",
        "SeparableConvolution2D",
        "serialize",
        "deserialize",
    ]
    for name in names:
        assert hasattr(real_keras.layers, name) and hasattr(keras.layers, name), name
    assert keras.layers.serialize(keras.layers.ReLU(name="r")) == real_keras.layers.serialize(
        real_keras.layers.ReLU(name="r")
    )
