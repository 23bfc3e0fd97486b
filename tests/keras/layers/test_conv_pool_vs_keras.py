"""Differential test against real Keras for the convolution, pooling, reshaping and
regularisation layers: same weights (``set_weights``), same inputs, outputs to 1e-5,
over a grid of padding / strides / dilation / data_format.  Runs only where TensorFlow
is importable (the oracle venv).

The ``channels_first`` references are real Keras' ``channels_last`` layers run on the
transposed input: TF 2.21's CPU (oneDNN) NCHW convolution path returns wrong sums when
a bias is added and the last spatial dim equals ``filters`` (checked against torch and
against Keras' own ``channels_last`` result), so it cannot serve as the oracle."""

import itertools
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402
from tests.keras.layer_contract import assert_same_config  # noqa: E402

RNG = np.random.RandomState(1)


def _input(rank, data_format, channels=3, sizes=(7, 6, 5)):
    spatial = sizes[:rank]
    shape = (2,) + (
        spatial + (channels,) if data_format == "channels_last" else (channels,) + spatial
    )
    return RNG.randn(*shape).astype("float32")


def _grid():
    cases = []
    for rank, padding, strides, dilation, fmt in itertools.product(
        (1, 2, 3), ("valid", "same"), (1, 2), (1, 2), ("channels_last", "channels_first")
    ):
        if strides > 1 and dilation > 1:
            continue
        name = "Conv%dD" % rank
        for kernel in (2, 3):
            cases.append(
                (
                    name,
                    dict(
                        filters=4,
                        kernel_size=kernel,
                        strides=strides,
                        padding=padding,
                        dilation_rate=dilation,
                        data_format=fmt,
                    ),
                    rank,
                    fmt,
                )
            )
        if rank < 3:
            cases.append(
                (
                    "SeparableConv%dD" % rank,
                    dict(
                        filters=4,
                        kernel_size=3,
                        strides=strides,
                        padding=padding,
                        dilation_rate=dilation,
                        data_format=fmt,
                        depth_multiplier=2,
                    ),
                    rank,
                    fmt,
                )
            )
            cases.append(
                (
                    "DepthwiseConv%dD" % rank,
                    dict(
                        kernel_size=2,
                        strides=strides,
                        padding=padding,
                        dilation_rate=dilation,
                        data_format=fmt,
                        depth_multiplier=2,
                    ),
                    rank,
                    fmt,
                )
            )
        if dilation == 1:
            for kernel in (2, 3):
                cases.append(
                    (
                        "Conv%dDTranspose" % rank,
                        dict(
                            filters=2,
                            kernel_size=kernel,
                            strides=strides,
                            padding=padding,
                            data_format=fmt,
                        ),
                        rank,
                        fmt,
                    )
                )
    cases += [
        (
            "Conv1D",
            dict(filters=3, kernel_size=3, padding="causal", dilation_rate=2),
            1,
            "channels_last",
        ),
        ("Conv1D", dict(filters=3, kernel_size=2, padding="causal", strides=2), 1, "channels_last"),
        (
            "Conv2D",
            dict(filters=4, kernel_size=3, activation="relu", use_bias=False),
            2,
            "channels_last",
        ),
        (
            "Conv2D",
            dict(filters=6, kernel_size=(3, 2), groups=3, padding="same", strides=(2, 1)),
            2,
            "channels_last",
        ),
        (
            "Conv1D",
            dict(filters=6, kernel_size=3, groups=3, data_format="channels_first"),
            1,
            "channels_first",
        ),
        (
            "Conv2DTranspose",
            dict(filters=2, kernel_size=3, strides=2, output_padding=1),
            2,
            "channels_last",
        ),
        (
            "Conv2DTranspose",
            dict(filters=2, kernel_size=3, strides=3, padding="same", output_padding=2),
            2,
            "channels_last",
        ),
        (
            "Conv1DTranspose",
            dict(filters=2, kernel_size=4, strides=3, padding="valid", output_padding=0),
            1,
            "channels_last",
        ),
        (
            "Conv2DTranspose",
            dict(filters=2, kernel_size=3, dilation_rate=2, padding="same"),
            2,
            "channels_last",
        ),
        ("Conv2DTranspose", dict(filters=2, kernel_size=2, strides=4), 2, "channels_first"),
        ("DepthwiseConv2D", dict(kernel_size=3, strides=2, dilation_rate=2), 2, "channels_last"),
        (
            "DepthwiseConv2D",
            dict(kernel_size=2, strides=2, dilation_rate=2, padding="same"),
            2,
            "channels_last",
        ),
        (
            "SeparableConv1D",
            dict(filters=3, kernel_size=3, strides=2, dilation_rate=2, padding="same"),
            1,
            "channels_last",
        ),
    ]
    return cases


CONV_CASES = _grid()


def _randomise(layer):
    layer.set_weights([RNG.randn(*w.shape).astype("float32") for w in layer.get_weights()])


def _real_output(name, config, x, kwargs):
    """Real Keras' layer and its output (``channels_first`` computed through ``channels_last``)."""
    theirs = getattr(real_keras.layers, name)(**config)
    theirs(x)
    _randomise(theirs)
    if config.get("data_format") != "channels_first":
        return theirs, np.asarray(theirs(x, **kwargs))
    last = getattr(real_keras.layers, name)(**dict(config, data_format="channels_last"))
    x_last = np.moveaxis(x, 1, -1)
    last(x_last)
    last.set_weights(theirs.get_weights())
    out = np.asarray(last(x_last, **kwargs))
    return theirs, np.moveaxis(out, -1, 1) if out.ndim == x.ndim else out


def _compare(name, config, x, kwargs=None):
    kwargs = kwargs or {}
    ours = getattr(keras.layers, name)(**config)
    theirs, expected = _real_output(name, config, x, kwargs)
    ours(x)
    assert [tuple(w.shape) for w in ours.weights] == [tuple(w.shape) for w in theirs.weights]
    assert [w.name for w in ours.weights] == [w.name for w in theirs.weights]
    ours.set_weights(theirs.get_weights())
    got = np.asarray(ours(x, **kwargs))
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    assert ours.compute_output_shape(x.shape) == tuple(theirs.compute_output_shape(x.shape))
    symbolic = (None,) + x.shape[1:]
    assert ours.compute_output_shape(symbolic) == tuple(theirs.compute_output_shape(symbolic))
    assert ours.count_params() == theirs.count_params()
    assert_same_config(ours, theirs, ignore=("name", "dtype"))
    return ours


@pytest.mark.parametrize(
    "name,config,rank,fmt", CONV_CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(CONV_CASES)]
)
def test_conv_matches_keras(name, config, rank, fmt):
    _compare(name, config, _input(rank, fmt))


POOL_CASES = []
for _rank, _kind, _padding, _pool, _strides, _fmt in itertools.product(
    (1, 2, 3),
    ("Max", "Average"),
    ("valid", "same"),
    (2, 3),
    (None, 1, 2),
    ("channels_last", "channels_first"),
):
    POOL_CASES.append(
        (
            "%sPooling%dD" % (_kind, _rank),
            dict(pool_size=_pool, strides=_strides, padding=_padding, data_format=_fmt),
            _rank,
            _fmt,
        )
    )
for _rank, _kind, _keep, _fmt in itertools.product(
    (1, 2, 3), ("Max", "Average"), (False, True), ("channels_last", "channels_first")
):
    POOL_CASES.append(
        ("Global%sPooling%dD" % (_kind, _rank), dict(keepdims=_keep, data_format=_fmt), _rank, _fmt)
    )


@pytest.mark.parametrize(
    "name,config,rank,fmt", POOL_CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(POOL_CASES)]
)
def test_pooling_matches_keras(name, config, rank, fmt):
    _compare(name, config, _input(rank, fmt))


X3 = RNG.randn(2, 6, 4).astype("float32")
X4 = RNG.randn(2, 5, 6, 4).astype("float32")
X4_FIRST = RNG.randn(2, 4, 5, 6).astype("float32")
X5 = RNG.randn(2, 3, 4, 5, 4).astype("float32")
OTHER_CASES = [
    ("UpSampling1D", dict(), X3),
    ("UpSampling1D", dict(size=3), X3),
    ("UpSampling2D", dict(), X4),
    ("UpSampling2D", dict(size=(2, 3), data_format="channels_first"), X4_FIRST),
    ("UpSampling2D", dict(size=(2, 3), interpolation="bilinear"), X4),
    (
        "UpSampling2D",
        dict(size=3, interpolation="bilinear", data_format="channels_first"),
        X4_FIRST,
    ),
    ("UpSampling2D", dict(size=2, interpolation="area"), X4),
    ("UpSampling2D", dict(size=(2, 3), interpolation="bicubic"), X4),
    ("UpSampling2D", dict(size=3, interpolation="bicubic", data_format="channels_first"), X4_FIRST),
    ("ZeroPadding1D", dict(), X3),
    ("ZeroPadding1D", dict(padding=(1, 3)), X3),
    ("ZeroPadding1D", dict(padding=2, data_format="channels_first"), X3),
    ("ZeroPadding2D", dict(), X4),
    ("ZeroPadding2D", dict(padding=(1, 2)), X4),
    ("ZeroPadding2D", dict(padding=((0, 1), (2, 3)), data_format="channels_first"), X4_FIRST),
    ("Cropping1D", dict(), X3),
    ("Cropping1D", dict(cropping=(0, 3)), X3),
    ("Cropping2D", dict(cropping=1), X4),
    ("Cropping2D", dict(cropping=((0, 1), (2, 3))), X4),
    ("Cropping2D", dict(cropping=(1, 2), data_format="channels_first"), X4_FIRST),
    ("SpatialDropout1D", dict(rate=0.3), X3),
    ("SpatialDropout2D", dict(rate=0.3, data_format="channels_first"), X4_FIRST),
    ("SpatialDropout3D", dict(rate=0.3), X5),
    ("GaussianNoise", dict(stddev=0.2), X3),
    ("GaussianDropout", dict(rate=0.2), X3),
    ("ActivityRegularization", dict(l1=0.1, l2=0.01), X3),
    ("GroupNormalization", dict(groups=2), X4),
    ("GroupNormalization", dict(groups=4, axis=1, epsilon=1e-5), X4_FIRST),
    ("GroupNormalization", dict(groups=-1, center=False), X3),
    ("GroupNormalization", dict(groups=1, scale=False), X5),
    ("UnitNormalization", dict(), X3),
    ("UnitNormalization", dict(axis=[1, 2]), X4),
]


@pytest.mark.parametrize(
    "name,config,x", OTHER_CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(OTHER_CASES)]
)
def test_reshaping_and_regularization_match_keras(name, config, x):
    ours = _compare(name, config, x)
    theirs = getattr(real_keras.layers, name)(**config)
    theirs(x)
    if name == "ActivityRegularization":
        np.testing.assert_allclose(float(ours.losses[0]), float(theirs.losses[0]), rtol=1e-5)
    if name.startswith(("Spatial", "Gaussian")):
        np.testing.assert_array_equal(np.asarray(ours(x, training=False)), x)


def test_spatial_dropout_drops_whole_channels_like_keras():
    x = np.ones((4, 6, 8), "float32")
    got = np.asarray(keras.layers.SpatialDropout1D(0.5, seed=1)(x, training=True))
    expected = np.asarray(real_keras.layers.SpatialDropout1D(0.5, seed=1)(x, training=True))
    for out in (got, expected):
        assert set(np.unique(out)) <= {0.0, 2.0}
        assert (out == out[:, :1, :]).all()


def test_functional_convnet_matches_keras():
    def build(lib):
        inputs = lib.Input(shape=(12, 12, 2))
        x = lib.layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
        x = lib.layers.MaxPooling2D()(x)
        x = lib.layers.SeparableConv2D(5, 2, strides=2, padding="same")(x)
        x = lib.layers.Conv2DTranspose(3, 3, strides=2, padding="same")(x)
        x = lib.layers.ZeroPadding2D(1)(x)
        x = lib.layers.Cropping2D(((1, 0), (0, 1)))(x)
        x = lib.layers.UpSampling2D()(x)
        x = lib.layers.AveragePooling2D(3, strides=2, padding="same")(x)
        x = lib.layers.GroupNormalization(groups=3)(x)
        outputs = lib.layers.GlobalAveragePooling2D()(x)
        return lib.Model(inputs, outputs)

    ours, theirs = build(keras), build(real_keras)
    x = RNG.randn(3, 12, 12, 2).astype("float32")
    theirs.set_weights([RNG.randn(*w.shape).astype("float32") for w in theirs.get_weights()])
    ours.set_weights(theirs.get_weights())
    assert tuple(ours.outputs[0].shape) == tuple(theirs.outputs[0].shape)
    np.testing.assert_allclose(np.asarray(ours(x)), np.asarray(theirs(x)), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("fmt", ["channels_last", "channels_first"])
def test_masked_global_average_pooling_1d_matches_keras(fmt):
    x = X3 if fmt == "channels_last" else np.moveaxis(X3, 1, 2).copy()
    mask = np.array([[True, True, False, True, False, False], [True] * 6])
    got = np.asarray(keras.layers.GlobalAveragePooling1D(data_format=fmt)(x, mask=mask))
    expected = np.asarray(real_keras.layers.GlobalAveragePooling1D(data_format=fmt)(x, mask=mask))
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
