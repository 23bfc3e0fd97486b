"""Pooling layers: TF's "same" semantics, shapes, configs and errors (no TensorFlow needed)."""

import re

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers

RNG = np.random.RandomState(0)


def test_same_average_pooling_does_not_count_padding():
    x = np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    out = np.asarray(layers.AveragePooling1D(2, strides=2, padding="same")(x))[0, :, 0]
    assert out.tolist() == [1.5, 3.5, 5.0]
    out = np.asarray(layers.AveragePooling1D(2, strides=1, padding="same")(x))[0, :, 0]
    assert out.tolist() == [1.5, 2.5, 3.5, 4.5, 5.0]


def test_same_max_pooling_ignores_padding():
    x = -np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    out = np.asarray(layers.MaxPooling1D(2, strides=2, padding="same")(x))[0, :, 0]
    assert out.tolist() == [-1.0, -3.0, -5.0]


@pytest.mark.parametrize(
    "layer,shape,expected",
    [
        (layers.MaxPooling2D(), (None, 7, 6, 3), (None, 3, 3, 3)),
        (layers.MaxPooling2D(3, strides=2, padding="same"), (None, 7, 6, 3), (None, 4, 3, 3)),
        (
            layers.AveragePooling2D(2, data_format="channels_first"),
            (None, 3, 7, 6),
            (None, 3, 3, 3),
        ),
        (layers.MaxPooling1D(strides=1), (None, 7, 2), (None, 6, 2)),
        (
            layers.AveragePooling3D((2, 1, 3), padding="same"),
            (None, 5, 4, 7, 1),
            (None, 3, 4, 3, 1),
        ),
        (layers.MaxPooling3D(), (None, 4, 4, 5, 2), (None, 2, 2, 2, 2)),
        (layers.GlobalAveragePooling1D(), (None, 7, 2), (None, 2)),
        (layers.GlobalMaxPooling2D(keepdims=True), (None, 7, 6, 3), (None, 1, 1, 3)),
        (
            layers.GlobalAveragePooling3D(data_format="channels_first"),
            (None, 3, 4, 5, 6),
            (None, 3),
        ),
        (
            layers.GlobalMaxPooling1D(data_format="channels_first", keepdims=True),
            (None, 3, 7),
            (None, 3, 1),
        ),
    ],
)
def test_output_shapes(layer, shape, expected):
    assert layer.compute_output_shape(shape) == expected
    assert tuple(layer(keras.Input(shape=shape[1:])).shape) == expected
    assert tuple(layer(RNG.randn(2, *shape[1:]).astype("float32")).shape) == (2,) + expected[1:]


def test_global_pooling_values():
    x = RNG.randn(2, 3, 4, 5).astype("float32")
    np.testing.assert_allclose(
        np.asarray(layers.GlobalAveragePooling2D()(x)), x.mean(axis=(1, 2)), rtol=1e-6
    )
    np.testing.assert_array_equal(
        np.asarray(layers.GlobalMaxPooling2D(data_format="channels_first")(x)), x.max(axis=(2, 3))
    )


def test_global_average_pooling_1d_mask():
    x = np.arange(12, dtype="float32").reshape(2, 3, 2)
    mask = np.array([[True, True, False], [True, False, False]])
    out = np.asarray(layers.GlobalAveragePooling1D()(x, mask=mask))
    assert out.tolist() == [[1.0, 2.0], [6.0, 7.0]]


def test_aliases():
    assert layers.MaxPool2D is layers.MaxPooling2D
    assert layers.AvgPool1D is layers.AveragePooling1D
    assert layers.GlobalAvgPool2D is layers.GlobalAveragePooling2D


@pytest.mark.parametrize(
    "layer",
    [
        layers.MaxPooling1D(3, strides=1, padding="same"),
        layers.MaxPooling2D(),
        layers.MaxPooling3D(data_format="channels_first"),
        layers.AveragePooling1D(2),
        layers.AveragePooling2D((2, 3), strides=(1, 2)),
        layers.AveragePooling3D(2, padding="SAME"),
        layers.GlobalMaxPooling1D(keepdims=True),
        layers.GlobalAveragePooling2D(data_format="channels_first"),
        layers.GlobalAveragePooling3D(),
    ],
    ids=lambda layer: type(layer).__name__,
)
def test_config_roundtrip(layer):
    config = layer.get_config()
    assert type(layer).from_config(config).get_config() == config


def test_rank_errors_name_the_layer():
    with pytest.raises(
        ValueError,
        match="layer 'pool' is incompatible with the layer: expected ndim=4, found ndim=3",
    ):
        layers.MaxPooling2D(name="pool")(np.zeros((2, 5, 5), "float32"))
    with pytest.raises(ValueError, match="expected ndim=3, found ndim=2"):
        layers.GlobalAveragePooling1D()(np.zeros((2, 5), "float32"))
    with pytest.raises(ValueError, match="The `pool_size` argument must be a tuple of 2 integers"):
        layers.MaxPooling2D((2, 2, 2))


@pytest.mark.parametrize("name", ["AveragePooling1D", "AveragePooling2D", "AveragePooling3D"])
def test_average_pooling_requires_pool_size_as_keras(name):
    with pytest.raises(
        TypeError,
        match=r"^%s\.__init__\(\) missing 1 required positional argument: 'pool_size'$" % name,
    ):
        getattr(keras.layers, name)()


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_max_pooling_1d_takes_integers_as_tf(padding):
    x = np.arange(9, dtype=np.int64).reshape(1, 3, 3)
    out = layers.MaxPooling1D(padding=padding)(x)
    assert out.dtype == "int64"
    expected = [[[3, 4, 5]]] if padding == "valid" else [[[3, 4, 5], [6, 7, 8]]]
    np.testing.assert_array_equal(out.numpy(), expected)


@pytest.mark.parametrize(
    "layer,shape,node,allowed",
    [
        (
            layers.MaxPooling1D(2, padding="nope"),
            (1, 4, 1),
            "MaxPool",
            '"SAME", "VALID", "EXPLICIT"',
        ),
        (
            layers.AveragePooling2D(2, padding="nope"),
            (1, 4, 4, 1),
            "_MklNativeAvgPool",
            '"SAME", "VALID"',
        ),
        (layers.MaxPooling3D(2, padding="nope"), (1, 4, 4, 4, 1), "MaxPool3D", '"SAME", "VALID"'),
    ],
)
def test_unknown_padding_fails_when_the_kernel_runs(layer, shape, node, allowed):
    from torchkeras.framework.errors import InvalidArgumentError

    assert layer.padding == "nope" and layer.get_config()["padding"] == "nope"
    with pytest.raises(InvalidArgumentError) as raised:
        layer(np.ones(shape, "float32"))
    assert (
        "Value for attr 'padding' of \"NOPE\" is not in the list of allowed values: %s\n\t; "
        "NodeDef: {{node %s}}" % (allowed, node)
    ) in str(raised.value)
    with pytest.raises(
        ValueError, match="must be either 'valid' or 'same'. Received: padding=nope"
    ):
        layer.compute_output_shape(shape)


OVERSIZED_WINDOWS = [
    ("AveragePooling1D(5)", (1, 4, 1)),
    ("AveragePooling2D(5)", (2, 4, 4, 3)),
    ("AveragePooling3D(5)", (1, 4, 4, 4, 1)),
    ("AveragePooling2D((5, 1))", (1, 4, 4, 1)),
    ("AveragePooling1D(5, data_format='channels_first')", (1, 1, 4)),
    ("AveragePooling1D(10, strides=1)", (1, 4, 1)),
    ("AveragePooling3D(6, strides=1)", (1, 4, 4, 4, 1)),
    ("MaxPooling1D(5)", (1, 4, 1)),
    ("MaxPooling2D(5)", (1, 4, 4, 1)),
    ("MaxPooling3D(5)", (1, 4, 4, 4, 1)),
    ("MaxPooling2D(6, strides=1)", (1, 4, 4, 1)),
    ("MaxPooling3D(6, strides=1)", (1, 4, 4, 4, 1)),
    ("MaxPooling2D((5, 2), data_format='channels_first')", (1, 1, 4, 4)),
    ("MaxPooling2D(3, strides=2)", (1, 4, 4, 1)),
]


def _window_outcome(keras_module, tf_module, source, shape, symbolic):
    """A pooling layer with a window larger than its input, called eagerly or on a KerasTensor:
    the output shape, or the error's class and text (auto-numbered names left out)."""
    layer = eval("keras_module.layers." + source)  # noqa: S307 - this file's cases
    inputs = keras_module.Input(shape[1:]) if symbolic else tf_module.zeros(shape)
    try:
        return "ok", tuple(layer(inputs).shape)
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return type(error).__name__, re.sub(r"keras_tensor_?\d*", "", str(error))


@pytest.mark.parametrize("symbolic", [False, True])
@pytest.mark.parametrize("case", OVERSIZED_WINDOWS, ids=[c[0] for c in OVERSIZED_WINDOWS])
def test_windows_larger_than_the_input_as_tf(case, symbolic):
    """Average pooling returns the empty output, oneDNN's max pooling fails (AbortedError), a
    negative size is the kernel's error; KerasTensors get Keras' shape check."""
    import torchkeras

    kind, detail = _window_outcome(keras, torchkeras, *case, symbolic)
    assert kind in ("ok", "ValueError", "InvalidArgumentError", "AbortedError"), detail
    assert "Output size is too small" not in detail
    tf_real = pytest.importorskip("tensorflow")
    assert (kind, detail) == _window_outcome(tf_real.keras, tf_real, *case, symbolic)
