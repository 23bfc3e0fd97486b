"""Convolution layers: shapes, configs, errors, TF's padding arithmetic, gradients (no TensorFlow
needed)."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras import layers
from torchkeras.keras.layers.convolutional import _conv_utils

RNG = np.random.RandomState(0)


def _reference_conv1d(x, kernel, stride, pad_before, pad_after):
    """Plain NumPy cross-correlation of ``(batch, steps, in)`` with a ``(k, in, out)`` kernel."""
    x = np.pad(x, ((0, 0), (pad_before, pad_after), (0, 0)))
    k = kernel.shape[0]
    steps = (x.shape[1] - k) // stride + 1
    return np.stack(
        [np.einsum("bki,kio->bo", x[:, t * stride : t * stride + k], kernel) for t in range(steps)],
        1,
    )


@pytest.mark.parametrize(
    "length,kernel,stride", [(7, 2, 1), (7, 4, 2), (8, 3, 2), (5, 2, 3), (9, 5, 4)]
)
def test_same_padding_is_tf_asymmetric(length, kernel, stride):
    layer = layers.Conv1D(2, kernel, strides=stride, padding="same", use_bias=False)
    x = RNG.randn(2, length, 3).astype("float32")
    got = np.asarray(layer(x))
    before, after = _conv_utils.same_padding(length, kernel, stride)
    assert after - before in (0, 1)
    expected = _reference_conv1d(x, layer.get_weights()[0], stride, before, after)
    assert got.shape == (2, -(-length // stride), 2)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_causal_padding_only_looks_back():
    layer = layers.Conv1D(
        1, 3, padding="causal", dilation_rate=2, kernel_initializer="ones", use_bias=False
    )
    x = np.zeros((1, 8, 1), "float32")
    x[0, 5, 0] = 1.0
    out = np.asarray(layer(x))[0, :, 0]
    assert out.tolist() == [0, 0, 0, 0, 0, 1, 0, 1]


@pytest.mark.parametrize(
    "layer,shape,expected",
    [
        (layers.Conv2D(4, 3), (None, 9, 8, 3), (None, 7, 6, 4)),
        (
            layers.Conv2D(4, 2, strides=2, padding="same", data_format="channels_first"),
            (None, 3, 9, 8),
            (None, 4, 5, 4),
        ),
        (layers.Conv3D(2, 2, dilation_rate=2), (None, 5, 6, 7, 1), (None, 3, 4, 5, 2)),
        (layers.Conv1D(3, 4, strides=3, padding="causal"), (None, 10, 2), (None, 4, 3)),
        (layers.Conv2DTranspose(3, 3, strides=2), (None, 4, 5, 2), (None, 9, 11, 3)),
        (
            layers.Conv2DTranspose(3, 3, strides=2, padding="same", output_padding=1),
            (None, 4, 5, 2),
            (None, 8, 10, 3),
        ),
        (layers.Conv1DTranspose(3, 2, strides=4), (None, 5, 2), (None, 20, 3)),
        (layers.DepthwiseConv2D(3, depth_multiplier=3), (None, 6, 6, 2), (None, 4, 4, 6)),
        (layers.SeparableConv2D(5, 3, padding="same"), (None, 6, 6, 2), (None, 6, 6, 5)),
        (layers.SeparableConv1D(5, 3, strides=2), (None, 9, 2), (None, 4, 5)),
    ],
)
def test_output_shapes_eager_symbolic_and_computed(layer, shape, expected):
    assert layer.compute_output_shape(shape) == expected
    assert tuple(layer(keras.Input(shape=shape[1:])).shape) == expected
    x = RNG.randn(2, *shape[1:]).astype("float32")
    assert tuple(layer(x).shape) == (2,) + expected[1:]


def test_kernel_layouts_are_keras():
    x = np.zeros((1, 6, 6, 4), "float32")
    conv = layers.Conv2D(6, (3, 2), groups=2)
    conv(x)
    assert [tuple(w.shape) for w in conv.weights] == [(3, 2, 2, 6), (6,)]
    transpose = layers.Conv2DTranspose(5, 3)
    transpose(x)
    assert tuple(transpose.kernel.shape) == (3, 3, 5, 4)
    depthwise = layers.DepthwiseConv2D(3, depth_multiplier=2)
    depthwise(x)
    assert [w.name for w in depthwise.weights] == ["kernel", "bias"]
    assert tuple(depthwise.kernel.shape) == (3, 3, 4, 2)
    separable = layers.SeparableConv2D(7, 3, depth_multiplier=2)
    separable(x)
    assert [(w.name, tuple(w.shape)) for w in separable.weights] == [
        ("depthwise_kernel", (3, 3, 4, 2)),
        ("pointwise_kernel", (1, 1, 8, 7)),
        ("bias", (7,)),
    ]


def test_depthwise_channel_order_is_tf():
    layer = layers.DepthwiseConv1D(1, depth_multiplier=2, use_bias=False)
    layer(np.zeros((1, 3, 2), "float32"))
    layer.set_weights([np.array([[[1.0, 10.0], [100.0, 1000.0]]], "float32")])
    out = np.asarray(layer(np.array([[[1.0, 2.0]]], "float32")))
    assert out.tolist() == [[[1.0, 10.0, 200.0, 2000.0]]]


def test_channels_first_equals_channels_last_transposed():
    x = RNG.randn(2, 7, 6, 3).astype("float32")
    last = layers.Conv2D(4, 2, strides=2, padding="same")
    first = layers.Conv2D(4, 2, strides=2, padding="same", data_format="channels_first")
    last(x)
    first(x.transpose(0, 3, 1, 2))
    first.set_weights(last.get_weights())
    np.testing.assert_allclose(
        np.asarray(first(x.transpose(0, 3, 1, 2))),
        np.asarray(last(x)).transpose(0, 3, 1, 2),
        rtol=1e-5,
        atol=1e-5,
    )


@pytest.mark.parametrize(
    "layer",
    [
        layers.Conv1D(2, 3, padding="causal", activation="relu", kernel_regularizer="l2"),
        layers.Conv2D(
            4, (3, 2), strides=(2, 1), groups=2, data_format="channels_first", use_bias=False
        ),
        layers.Conv3D(2, 2, dilation_rate=(1, 2, 1)),
        layers.Conv2DTranspose(3, 3, strides=2, padding="same", output_padding=1),
        layers.Conv1DTranspose(3, 2),
        layers.Conv3DTranspose(1, 2),
        layers.DepthwiseConv2D(3, depth_multiplier=2, depthwise_constraint="non_neg"),
        layers.DepthwiseConv1D(2),
        layers.SeparableConv2D(4, 3, depth_multiplier=2, pointwise_regularizer="l1"),
        layers.SeparableConv1D(4, 3),
    ],
    ids=lambda layer: type(layer).__name__,
)
def test_config_roundtrip(layer):
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert clone.get_config() == config


@pytest.mark.parametrize(
    "make,message",
    [
        (
            lambda: layers.Conv2D(2, (3, 3, 3)),
            "The `kernel_size` argument must be a tuple of 2 integers",
        ),
        (lambda: layers.Conv2D(2, 0), "do not satisfy `value > 0`"),
        (lambda: layers.Conv2D(0, 3), "Expected a strictly positive value. Received filters=0"),
        (lambda: layers.Conv2D(3, 3, groups=2), "evenly divisible by the number of groups"),
        (
            lambda: layers.Conv2D(2, 3, padding="causal"),
            "one of {'valid', 'same'}. Received: causal",
        ),
        (
            lambda: layers.Conv1D(2, 3, padding="full"),
            "one of {'causal', 'valid', 'same'}. Received: full",
        ),
        (
            lambda: layers.Conv2D(2, 3, data_format="nhwc"),
            "must be one of {'channels_first', 'channels_last'}",
        ),
        (lambda: layers.Conv2D(2, 3, strides=2, dilation_rate=2), "`strides > 1` not supported"),
        (
            lambda: layers.Conv2DTranspose(2, 3, strides=2, output_padding=2),
            "strictly less than `strides`",
        ),
        (lambda: layers.DepthwiseConv2D(3, depth_multiplier=0), "Received depth_multiplier=0"),
    ],
)
def test_argument_errors(make, message):
    with pytest.raises(ValueError) as info:
        make()
    assert message in str(info.value)


def test_call_errors_name_the_layer():
    conv = layers.Conv2D(2, 3, name="my_conv")
    with pytest.raises(
        ValueError,
        match="layer 'my_conv' is incompatible with the layer: expected min_ndim=4, found ndim=3",
    ):
        conv(np.zeros((2, 5, 5), "float32"))
    with pytest.raises(ValueError, match="number of input channels must be evenly divisible"):
        layers.Conv2D(4, 3, groups=2)(np.zeros((1, 5, 5, 3), "float32"))
    with pytest.raises(ValueError, match="Computed output size would be zero or negative"):
        layers.Conv2D(2, 3)(np.zeros((1, 2, 2, 1), "float32"))


def test_gradients_reach_kernel_and_bias():
    layer = layers.Conv2D(3, 2, padding="same", strides=2)
    x = tf.constant(RNG.randn(2, 5, 5, 2).astype("float32"))
    layer(x)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x) ** 2)
    grads = tape.gradient(loss, layer.trainable_weights)
    assert [tuple(g.shape) for g in grads] == [(2, 2, 2, 3), (3,)]
    assert all(float(tf.reduce_sum(tf.abs(g))) > 0 for g in grads)


def test_float64_inputs_under_float64_policy():
    layer = layers.Conv1D(2, 2, dtype="float64")
    out = layer(np.ones((1, 4, 3)))
    assert out.dtype == tf.float64
    assert out._value.dtype is torch.float64


@pytest.mark.parametrize(
    "layer",
    [
        layers.Conv2D(2, 3),
        layers.DepthwiseConv2D(3),
        layers.SeparableConv2D(2, 3),
    ],
    ids=lambda layer: type(layer).__name__,
)
def test_extra_batch_dims_are_rejected_like_keras(layer):
    with pytest.raises(
        ValueError, match="Kernel shape must have the same length as input, but received kernel"
    ):
        layer(np.zeros((2, 3, 5, 5, 1), "float32"))


def test_transposed_conv_indexes_extra_dims_like_keras():
    """Keras 3.15's transposed convolution indexes the input shape by the kernel's rank."""
    with pytest.raises(IndexError, match="tuple index out of range"):
        layers.Conv2DTranspose(2, 3)(np.zeros((2, 3, 5, 5, 1), "float32"))


def test_transposed_conv_accepts_inputs_smaller_than_the_kernel():
    assert tuple(layers.Conv2DTranspose(2, 4)(np.zeros((1, 2, 2, 1), "float32")).shape) == (
        1,
        5,
        5,
        2,
    )


@pytest.mark.parametrize(
    "make,bad",
    [
        (lambda: layers.DepthwiseConv2D(3), (1, 5, 5, 2, 1)),
        (lambda: layers.SeparableConv2D(2, 3), (1, 2, 2, 2)),
        (lambda: layers.Conv1D(2, 3), (1, 2, 2)),
    ],
)
def test_build_validates_the_shape_before_creating_weights(make, bad):
    """Keras checks the output shape in ``build`` (an unwrapped ``ValueError``), before any
    weight exists."""
    layer = make()
    with pytest.raises(ValueError) as caught:
        layer(np.ones(bad, "float32"))
    assert not str(caught.value).startswith("Exception encountered")
    assert layer.weights == [] and not layer.built


@pytest.mark.parametrize(
    "make,good,bad,opname",
    [
        (lambda: layers.Conv1D(2, 3), (1, 5, 2), (1, 0, 2), "Conv2D"),
        (lambda: layers.Conv2D(2, 3), (1, 5, 5, 2), (1, 5, 0, 2), "Conv2D"),
        (lambda: layers.DepthwiseConv2D(3), (1, 5, 5, 2), (1, 0, 5, 2), "DepthwiseConv2dNative"),
        (lambda: layers.SeparableConv1D(2, 3), (1, 5, 2), (1, 0, 2), "DepthwiseConv2dNative"),
    ],
)
def test_built_layer_negative_output_is_tfs_kernel_error(make, good, bad, opname):
    layer = make()
    layer(np.ones(good, "float32"))
    before = [v.numpy().copy() for v in layer.weights]
    with pytest.raises(tf.errors.InvalidArgumentError) as caught:
        layer(np.ones(bad, "float32"))
    assert (
        "Computed output size would be negative: -2 [input_size: 0, effective_filter_size: 3, "
        "stride: 1] [Op:%s]" % opname
    ) in str(caught.value)
    assert all((a == v.numpy()).all() for a, v in zip(before, layer.weights))


def test_transposed_conv_of_an_empty_spatial_dim_is_the_bias():
    layer = layers.Conv2DTranspose(2, 3, bias_initializer="ones", activation="relu")
    out = layer(np.ones((1, 0, 5, 2), "float32"))
    assert tuple(out.shape) == (1, 2, 7, 2)
    np.testing.assert_array_equal(out.numpy(), np.ones((1, 2, 7, 2)))


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda: layers.DepthwiseConv2D(3, groups=2), "DepthwiseConv2D: {'groups': 2}"),
        (lambda: layers.DepthwiseConv1D(3, filters=0), "DepthwiseConv1D: {'filters': 0}"),
        (lambda: layers.SeparableConv2D(2, 3, groups=2), "SeparableConv2D: {'groups': 2}"),
        (lambda: layers.Conv2DTranspose(2, 3, groups=2), "Conv2DTranspose: {'groups': 2}"),
    ],
)
def test_arguments_outside_the_layers_signature_are_refused(make, message):
    with pytest.raises(ValueError, match="Unrecognized keyword arguments passed to " + message):
        make()


@pytest.mark.parametrize(
    "name", ["Conv1D", "Conv3D", "Conv1DTranspose", "Conv3DTranspose", "SeparableConv1D"]
)
def test_argument_errors_name_the_layer_class(name):
    with pytest.raises(TypeError, match=r"^%s\.__init__\(\) got multiple values" % name):
        getattr(layers, name)(2, 3, filters=0)
    layer = getattr(layers, name)(2, 3)
    assert layer.filters == 2 and type(layer).__init__.__name__ == "__init__"
