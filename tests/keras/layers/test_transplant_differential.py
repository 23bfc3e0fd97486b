"""Differential test against real Keras: build every built-in layer in both,
copy Keras' weights into ours with ``set_weights``, compare outputs (1e-5).

Runs only where TensorFlow is importable (the oracle venv)."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402

# Real Keras warns that rms_scaling=True is deprecated when a LayerNormalization is made with it
# and again on each call (ours does not warn).
pytestmark = pytest.mark.filterwarnings("ignore:(?s).*You passed `rms_scaling=True`:UserWarning")

RNG = np.random.RandomState(0)
X2 = RNG.randn(4, 7).astype("float32")
X3 = RNG.randn(2, 3, 7).astype("float32")
X4 = RNG.randn(2, 3, 4, 5).astype("float32")
IDS = RNG.randint(0, 10, size=(3, 5)).astype("int32")
PAIR = [RNG.randn(4, 7).astype("float32"), RNG.randn(4, 7).astype("float32")]
PAIR3 = [RNG.randn(2, 3, 4).astype("float32"), RNG.randn(2, 3, 5).astype("float32")]

CASES = [
    ("Dense", dict(units=5), X2),
    ("Dense", dict(units=5, activation="relu", use_bias=False), X2),
    ("Dense", dict(units=3, activation="softmax"), X3),
    ("Dense", dict(units=3, activation="tanh"), X4),
    ("Activation", dict(activation="gelu"), X3),
    ("Dropout", dict(rate=0.5), X3),
    ("Flatten", dict(), X4),
    ("Reshape", dict(target_shape=(12, 5)), X4),
    ("Reshape", dict(target_shape=(-1, 4)), X4),
    ("Permute", dict(dims=(3, 1, 2)), X4),
    ("RepeatVector", dict(n=3), X2),
    ("Identity", dict(), X3),
    ("Embedding", dict(input_dim=10, output_dim=4), IDS),
    ("BatchNormalization", dict(), X2),
    ("BatchNormalization", dict(axis=1, momentum=0.9, epsilon=1e-2), X4),
    ("BatchNormalization", dict(center=False, scale=False), X3),
    ("LayerNormalization", dict(), X3),
    ("LayerNormalization", dict(axis=[1, 2], epsilon=1e-5), X4),
    ("LayerNormalization", dict(rms_scaling=True), X3),
    ("Add", dict(), PAIR),
    ("Subtract", dict(), PAIR),
    ("Multiply", dict(), PAIR),
    ("Average", dict(), PAIR),
    ("Maximum", dict(), PAIR),
    ("Minimum", dict(), PAIR),
    ("Concatenate", dict(axis=1), PAIR),
    ("Concatenate", dict(axis=-1), PAIR3),
    ("Dot", dict(axes=1), PAIR),
    ("Dot", dict(axes=1, normalize=True), PAIR),
    ("Dot", dict(axes=(1, 1)), PAIR3),
]


def _pair(name, config):
    ours = getattr(keras.layers, name)(**config)
    theirs = getattr(real_keras.layers, name)(**config)
    return ours, theirs


def _randomise(layer):
    """Non-trivial weights in the real Keras layer (so the transplant matters)."""
    layer.set_weights(
        [
            np.abs(w) + RNG.rand(*w.shape).astype(w.dtype) if w.ndim else w
            for w in layer.get_weights()
        ]
    )


@pytest.mark.parametrize(
    "name,config,x", CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(CASES)]
)
@pytest.mark.parametrize("training", [False, True])
def test_layer_matches_keras_after_weight_transplant(name, config, x, training):
    ours, theirs = _pair(name, config)
    expected_build = theirs(x)
    _randomise(theirs)
    ours(x)
    ours.set_weights(theirs.get_weights())
    assert [tuple(w.shape) for w in ours.weights] == [tuple(w.shape) for w in theirs.weights]
    assert [w.name for w in ours.weights] == [w.name for w in theirs.weights]
    assert [w.trainable for w in ours.weights] == [w.trainable for w in theirs.weights]
    kwargs = (
        {"training": training}
        if name in ("BatchNormalization", "Dropout") and not (name == "Dropout" and training)
        else {}
    )
    expected = np.asarray(theirs(x, **kwargs))
    got = np.asarray(ours(x, **kwargs))
    assert got.shape == expected.shape == tuple(expected_build.shape)
    assert got.dtype == expected.dtype
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    for mine, real in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(mine, real, rtol=1e-5, atol=1e-6)
    assert ours.count_params() == theirs.count_params()


@pytest.mark.parametrize(
    "name,config,x", CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(CASES)]
)
def test_symbolic_output_shape_matches_keras(name, config, x):
    ours, theirs = _pair(name, config)
    if isinstance(x, list):
        args = [
            [keras.Input(shape=a.shape[1:], dtype=str(a.dtype)) for a in x],
            [real_keras.Input(shape=a.shape[1:], dtype=str(a.dtype)) for a in x],
        ]
    else:
        args = [
            keras.Input(shape=x.shape[1:], dtype=str(x.dtype)),
            real_keras.Input(shape=x.shape[1:], dtype=str(x.dtype)),
        ]
    got, expected = ours(args[0]), theirs(args[1])
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    assert ours.compute_output_shape(
        tuple(args[0].shape) if not isinstance(x, list) else [a.shape for a in args[0]]
    ) == theirs.compute_output_shape(
        tuple(args[1].shape) if not isinstance(x, list) else [a.shape for a in args[1]]
    )


@pytest.mark.parametrize(
    "name",
    [
        "relu",
        "leaky_relu",
        "relu6",
        "elu",
        "selu",
        "gelu",
        "softplus",
        "softsign",
        "swish",
        "silu",
        "exponential",
        "linear",
        "sigmoid",
        "hard_sigmoid",
        "tanh",
        "mish",
        "softmax",
        "log_softmax",
        "hard_silu",
        "celu",
        "log_sigmoid",
        "hard_tanh",
        "soft_shrink",
        "hard_shrink",
        "tanh_shrink",
        "squareplus",
        "glu",
    ],
)
def test_activation_matches_keras(name):
    x = RNG.randn(3, 8).astype("float32") * 3
    expected = np.asarray(getattr(real_keras.activations, name)(x))
    np.testing.assert_allclose(
        np.asarray(getattr(keras.activations, name)(x)), expected, rtol=1e-5, atol=1e-6
    )
    np.testing.assert_allclose(
        np.asarray(keras.layers.Dense(8, activation=name, kernel_initializer="identity")(x)),
        np.asarray(real_keras.layers.Dense(8, activation=name, kernel_initializer="identity")(x)),
        rtol=1e-5,
        atol=1e-6,
    )


def _transplant_model(ours, theirs, x):
    theirs(x)
    ours(x)
    ours.set_weights(theirs.get_weights())
    np.testing.assert_allclose(np.asarray(ours(x)), np.asarray(theirs(x)), rtol=1e-5, atol=1e-5)
    assert ours.count_params() == theirs.count_params()


def test_sequential_matches_keras():
    def build(k):
        return k.Sequential(
            [
                k.layers.Dense(16, activation="relu"),
                k.layers.BatchNormalization(),
                k.layers.Dropout(0.3),
                k.layers.Dense(3, activation="softmax"),
            ]
        )

    _transplant_model(build(keras), build(real_keras), X2)


def test_functional_two_branch_residual_matches_keras():
    def build(k):
        a = k.Input(shape=(7,))
        b = k.Input(shape=(3, 7))
        h = k.layers.Dense(7, activation="relu")(a)
        h = k.layers.Add()([h, a])
        shared = k.layers.Dense(4)
        g = k.layers.Flatten()(shared(b))
        merged = k.layers.Concatenate()([shared(h), g])
        return k.Model(
            [a, b], [k.layers.Dense(1)(merged), k.layers.Dense(2, activation="softmax")(merged)]
        )

    ours, theirs = build(keras), build(real_keras)
    inputs = [X2[:2], X3]
    expected = theirs(inputs)
    ours.set_weights(theirs.get_weights())
    got = ours(inputs)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(np.asarray(g), np.asarray(e), rtol=1e-5, atol=1e-5)
    assert [layer.name.split("_")[0] for layer in ours.layers] == [
        layer.name.split("_")[0] for layer in theirs.layers
    ]
    assert [type(layer).__name__ for layer in ours.layers] == [
        type(layer).__name__ for layer in theirs.layers
    ]
