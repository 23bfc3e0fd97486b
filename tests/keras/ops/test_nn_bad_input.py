"""``keras.ops`` max_pool, separable_conv, rms_normalization, moments, the crossentropies and
the newer activations (soft_shrink, sparse_plus, threshold, squareplus, silu) given bad or
unusual arguments: Keras' TF backend's outcome (Keras' checks, TF's kernel and conversion
errors, NumPy's for arrays Keras compares as given), with ``tf.where`` / ``tf.nn.moments`` /
the softmax crossentropies they reach; checked against real TensorFlow where it is
installed."""

import itertools

import numpy as np
import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.max_pool(np.ones((1, 4, 4, 1)), 1)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [1, 4, 4, 1],
                "values": [
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                ],
            }
        },
    ),
    (
        "keras.ops.max_pool(np.ones((1, 4, 4, 1), np.float32), 5)",
        {
            "message": "Compute received an exception:Status: 2, message: could not ",
            "raises": "AbortedError",
        },
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 4, 1), tf.float64), 1)",
        {
            "message": "Value for attr 'T' of double is not in the list of allowed v",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 1), tf.int32), 2)",
        {
            "returns": {
                "dtype": "int32",
                "shape": [1, 2, 2, 1],
                "values": ["1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 1), tf.float64), 5, data_format='channels_first')",
        {"returns": {"dtype": "float64", "shape": [1, 4, 0, 0], "values": []}},
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 1)), 2, data_format='bad')",
        {
            "message": "The `data_format` argument must be one of {'channels_first',",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 1)), 2, strides=0)",
        {
            "message": "Stride must be > 0, but got 0 [Op:MaxPool] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 1)), 0)",
        {
            "message": "Sliding window ksize must be positive. The specified or infe",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.max_pool([[[[1.]]]], 1)",
        {"message": "'list' object has no attribute 'shape'", "raises": "AttributeError"},
    ),
    (
        "keras.ops.max_pool(tf.ones((2, 3)), 2)",
        {
            "message": "Input rank not supported: 2. Expected values are [3, 4, 5]",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.max_pool(tf.ones((1, 4, 4, 1)), 1.5)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [1, 4, 4, 1],
                "values": [
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                    "1.0",
                ],
            }
        },
    ),
    (
        "keras.ops.separable_conv(tf.ones((1, 5, 5, 2)), tf.ones((7, 7, 2, 1)), tf.ones((1, "
        "1, 2, 4)))",
        {
            "message": "Computed output size would be negative: -1 [input_size: 5, e",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.separable_conv(tf.ones((5, 5, 2)), tf.ones((3, 3, 2, 1)), tf.ones((1, 1, "
        "2, 4)))",
        {"message": "Shape (1, 1, 1, 2, 4) must have rank 4", "raises": "ValueError"},
    ),
    (
        "keras.ops.separable_conv(tf.ones((1, 5, 5, 2)), tf.ones((3, 3, 2, 1)), tf.ones((1, "
        "1, 2, 4)), strides=2, padding='bad', dilation_rate=2)",
        {
            "message": "`padding` must be 'valid' or 'same'. Received: padding=BAD",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.separable_conv(tf.ones((1, 9, 2)), tf.ones((3, 2, 1)), tf.ones((1, 2, "
        "4)), strides=2, dilation_rate=2, padding='same')",
        {
            "returns": {
                "dtype": "float32",
                "shape": [1, 5, 4],
                "values": [
                    "4.0",
                    "4.0",
                    "4.0",
                    "4.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "6.0",
                    "4.0",
                    "4.0",
                    "4.0",
                    "4.0",
                ],
            }
        },
    ),
    (
        "keras.ops.soft_shrink(np.array([-2, 0, 1, 3], np.int32))",
        {"returns": {"dtype": "int32", "shape": [4], "values": ["-1.0", "0.0", "0.0", "2.0"]}},
    ),
    (
        "keras.ops.soft_shrink(np.array([True, False]))",
        {"returns": {"dtype": "bool", "shape": [2], "values": ["1.0", "0.0"]}},
    ),
    (
        "keras.ops.soft_shrink(tf.constant([-2, 0, 3]))",
        {"message": "Cannot convert 0.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.soft_shrink(tf.constant([-2., 0.7]), np.ones((3,)))",
        {
            "message": "Incompatible shapes: [2] vs. [3] [Op:Greater] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.soft_shrink([1., 2.])",
        {
            "message": "'>' not supported between instances of 'list' and 'float'",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.sparse_plus(np.array([-2, 0, 1, 3], np.int32))",
        {"message": "Cannot convert 0.25 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.sparse_plus(np.array([-2., -0.3, 0.7, 3.]))",
        {
            "returns": {
                "dtype": "float64",
                "shape": [4],
                "values": ["0.0", "0.12249999999999998", "0.7224999999999999", "3.0"],
            }
        },
    ),
    (
        "keras.ops.threshold(np.array([-2, 0, 1, 3], np.int32), 1, -1.5)",
        {"message": "Cannot convert -1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.threshold(np.array([-2., 0.7], np.float32), 0.5, np.float64(2))",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["2.0", "0.699999988079071"]}},
    ),
    (
        "keras.ops.threshold(tf.constant([-2., 0.7]), tf.constant(0.5), 0)",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["0.0", "0.699999988079071"]}},
    ),
    (
        "keras.ops.squareplus(np.array([-2, 0, 1, 3], np.int32))",
        {
            "message": "Value for attr 'T' of int32 is not in the list of allowed va",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.squareplus(tf.constant([-2, 0, 3]), 1.5)",
        {
            "message": "Value for attr 'T' of int32 is not in the list of allowed va",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.squareplus(np.array(['a', 'b']), 1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype string", "raises": "TypeError"},
    ),
    (
        "keras.ops.squareplus(tf.constant([-2., 0.7]), tf.constant(2., tf.float64))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2],
                "values": ["0.22474491596221924", "1.1389867067337036"],
            }
        },
    ),
    (
        "keras.ops.silu(tf.constant(['a', 'b']))",
        {
            "message": "Cast float to string is not supported [Op:Cast] name:",
            "raises": "UnimplementedError",
        },
    ),
    (
        "keras.ops.swish(np.array(['a', 'b']))",
        {
            "message": "Cast float to string is not supported [Op:Cast] name:",
            "raises": "UnimplementedError",
        },
    ),
    (
        "tf.where(np.array([True, False]), np.array([1, 2], np.int32), -1.5)",
        {"message": "Cannot convert -1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "tf.where(np.array([True, False]), np.ones(2, np.float32), 'x')",
        {"message": "Cannot convert 'x' to EagerTensor of dtype float", "raises": "TypeError"},
    ),
    (
        "tf.where(np.array([True, False]), 3, -1.5)",
        {"message": "Cannot convert -1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "tf.where(np.array([True, False]), tf.constant([1., 2.]), True)",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["1.0", "1.0"]}},
    ),
    (
        "tf.where(np.array([True, False]), np.array([1.5, 2.5]), tf.constant([1, 2]))",
        {"returns": {"dtype": "int32", "shape": [2], "values": ["1.0", "2.0"]}},
    ),
    (
        "keras.ops.rms_normalization(np.float32(2.))",
        {"returns": {"dtype": "float32", "shape": [1], "values": ["1.0"]}},
    ),
    (
        "keras.ops.rms_normalization(np.arange(6, dtype=np.float32).reshape(2, 3), axis=None)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": [
                    "0.0",
                    "0.3302891254425049",
                    "0.6605782508850098",
                    "0.9908673763275146",
                    "1.3211565017700195",
                    "1.6514456272125244",
                ],
            }
        },
    ),
    (
        "keras.ops.rms_normalization(np.arange(6, dtype=np.float32).reshape(2, 3), axis=(0, 0))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.rms_normalization(tf.ones((2, 3)), axis=-3)",
        {
            "message": "Invalid reduction dimension (-3 for input with 2 dimension(s",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.rms_normalization(tf.ones((2, 3)), scale=tf.ones((2,)))",
        {
            "message": "Incompatible shapes: [2,3] vs. [2] [Op:Mul] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.rms_normalization(tf.ones((2, 3)), scale='x')",
        {"message": "Cannot convert 'x' to EagerTensor of dtype float", "raises": "TypeError"},
    ),
    (
        "keras.ops.rms_normalization(tf.constant([[1, 2, 3]]))",
        {"returns": {"dtype": "int32", "shape": [1, 3], "values": ["0.0", "0.0", "1.0"]}},
    ),
    (
        "keras.ops.rms_normalization(tf.constant([[1., 2., 3.]], tf.float16), "
        "scale=tf.constant([1., 2., 3.], tf.float64))",
        {
            "returns": {
                "dtype": "float16",
                "shape": [1, 3],
                "values": ["0.462890625", "1.8515625", "4.16796875"],
            }
        },
    ),
    (
        "keras.ops.rms_normalization([[1., 2.]])",
        {"message": "'list' object has no attribute 'dtype'", "raises": "AttributeError"},
    ),
    (
        "keras.ops.rms_normalization(np.array(['a', 'b']))",
        {"message": "Invalid dtype: str32", "raises": "ValueError"},
    ),
    (
        "keras.ops.moments(np.arange(6, dtype=np.float32).reshape(2, 3), None)",
        {
            "returns": {
                "items": [
                    {"dtype": "float32", "shape": [], "values": ["2.5"]},
                    {"dtype": "float32", "shape": [], "values": ["2.9166667461395264"]},
                ]
            }
        },
    ),
    (
        "keras.ops.moments(np.arange(6, dtype=np.float32).reshape(1, 6), [])",
        {
            "returns": {
                "items": [
                    {
                        "dtype": "float32",
                        "shape": [6],
                        "values": ["0.0", "1.0", "2.0", "3.0", "4.0", "5.0"],
                    },
                    {
                        "dtype": "float32",
                        "shape": [6],
                        "values": ["0.0", "0.0", "0.0", "0.0", "0.0", "0.0"],
                    },
                ]
            }
        },
    ),
    (
        "keras.ops.moments(tf.constant([[1, 2, 3], [4, 5, 6]]), 0)",
        {
            "returns": {
                "items": [
                    {"dtype": "int32", "shape": [3], "values": ["2.0", "3.0", "4.0"]},
                    {"dtype": "int32", "shape": [3], "values": ["2.0", "2.0", "2.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.moments(tf.constant([[1, 2, 3], [4, 5, 6]]), 0, synchronized=True)",
        {
            "returns": {
                "items": [
                    {"dtype": "float64", "shape": [3], "values": ["2.5", "3.5", "4.5"]},
                    {"dtype": "float64", "shape": [3], "values": ["2.25", "2.25", "2.25"]},
                ]
            }
        },
    ),
    (
        "keras.ops.moments(np.array([[1e4, 1e4 + 1.]], np.float32), 1, synchronized=True)",
        {
            "returns": {
                "items": [
                    {"dtype": "float32", "shape": [1], "values": ["10000.5"]},
                    {"dtype": "float32", "shape": [1], "values": ["0.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.moments(tf.ones((2, 3)), tf.constant([0]))",
        {
            "message": "Expected list for 'axis' argument to 'squeeze' Op, not <tf.T",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.moments(tf.ones((2, 3)), np.array([0.7, 1.2]), keepdims=True)",
        {
            "returns": {
                "items": [
                    {"dtype": "float32", "shape": [1, 1], "values": ["1.0"]},
                    {"dtype": "float32", "shape": [1, 1], "values": ["0.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.moments(tf.ones((2, 3)), np.array([0.7, 1.2]))",
        {
            "message": "Expected list for 'axis' argument to 'squeeze' Op, not array",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.moments(tf.constant(['a']), 1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.moments([[1., 2.]], 0)",
        {"message": "'list' object has no attribute 'dtype'", "raises": "AttributeError"},
    ),
    (
        "keras.ops.moments(np.array(['a', 'b']), 0)",
        {"message": "Invalid dtype: str32", "raises": "ValueError"},
    ),
    (
        "tf.nn.moments(3.5, 0)",
        {"message": "'float' object has no attribute 'dtype'", "raises": "AttributeError"},
    ),
    (
        "tf.nn.moments(tf.ones((1, 3)), None)",
        {
            "returns": {
                "items": [
                    {"dtype": "float32", "shape": [], "values": ["1.0"]},
                    {"dtype": "float32", "shape": [], "values": ["0.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.categorical_crossentropy(np.array([[0, 1], [1, 0]]), np.array([[1, 3], "
        "[2, 2]]))",
        {
            "message": "cannot compute Mul as input #1(zero-based) was expected to b",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.categorical_crossentropy(np.array([[0., 1.], [1., 0.]]), np.array([[0.3, "
        "0.7], [0.6, 0.4]], np.float32))",
        {
            "message": "cannot compute Mul as input #1(zero-based) was expected to b",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.categorical_crossentropy(np.array([[0, 1], [1, 0]]), np.array([[0.3, "
        "0.7], [0.6, 0.4]], np.float32), from_logits=True)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2],
                "values": ["0.5130152702331543", "0.5981388688087463"],
            }
        },
    ),
    (
        "keras.ops.categorical_crossentropy(np.array([[0., 1.]], np.float16), "
        "tf.constant([[0.3, 0.7]], tf.float16), from_logits=True)",
        {"returns": {"dtype": "float16", "shape": [1], "values": ["0.51318359375"]}},
    ),
    (
        "keras.ops.sparse_categorical_crossentropy(np.array([1, 5]), np.array([[0.3, 0.7], "
        "[0.6, 0.4]], np.float32))",
        {
            "message": "Received a label value of 5 which is outside the valid range",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.sparse_categorical_crossentropy(np.array([1, 0]), np.array([[1, 3], [2, 2]]))",
        {
            "message": "Cannot convert 0.9999999 to EagerTensor of dtype int64",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.sparse_categorical_crossentropy(np.array([1., 0.]), np.array([[1, 3], [2, "
        "2]]), from_logits=True)",
        {
            "message": "Value for attr 'T' of int64 is not in the list of allowed va",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.sparse_categorical_crossentropy(np.array([1, 0]), 'x')",
        {
            "message": "Argument `output` must be at least rank 1. Received: output.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.sparse_categorical_crossentropy(np.array([1, 0]), tf.constant([[0.3, "
        "0.7], [0.6, 0.4]], tf.float16), from_logits=True)",
        {
            "returns": {
                "dtype": "float16",
                "shape": [2],
                "values": ["0.51318359375", "0.59814453125"],
            }
        },
    ),
    (
        "tf.nn.sparse_softmax_cross_entropy_with_logits(np.array([1, 3, 0]), "
        "tf.constant(np.linspace(-3, 5, 12).reshape(3, 4), tf.float16))",
        {
            "returns": {
                "dtype": "float16",
                "shape": [3],
                "values": ["2.05859375", "0.603515625", "2.78515625"],
            }
        },
    ),
    (
        "tf.nn.softmax_cross_entropy_with_logits(np.eye(4, dtype=np.float16)[[1, 3, 0]], "
        "tf.constant(np.linspace(-3, 5, 12).reshape(3, 4), tf.bfloat16))",
        {"returns": {"dtype": "bfloat16", "shape": [3]}},
    ),
]

"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value;
recorded after a first ``max_pool`` call, which TF runs before its NumPy conversion rule)"""

PADDING_CASES = [
    "keras.ops.max_pool(tf.ones((1, 4, 4, 1)), 2, padding='bad')",
    "keras.ops.separable_conv(tf.ones((1, 5, 5, 2)), tf.ones((3, 3, 2, 1)), "
    "tf.ones((1, 1, 2, 4)), padding='bad')",
    "keras.ops.separable_conv(tf.ones((1, 5, 5, 2)), tf.ones((3, 3, 2, 1)), "
    "tf.ones((1, 1, 2, 4)), strides=0, padding='bad')",
]
"""Bad paddings, refused by TF's attr check (``InvalidArgumentError``) whose message lists
the allowed values; compared with live TF only (the recorded start ends mid-word)."""


@pytest.mark.parametrize("source", PADDING_CASES)
def test_bad_padding_is_tfs_attr_error(source):
    import torchkeras as tf
    from torchkeras import keras

    with pytest.raises(tf.errors.InvalidArgumentError) as error:
        eval(source, {"tf": tf, "keras": keras, "np": np})  # noqa: S307 - this file's own cases
    assert "Value for attr 'padding' of \"BAD\" is not in the list of allowed values" in str(
        error.value
    )


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES] + PADDING_CASES)
def test_same_as_tensorflow(source):
    pytest.importorskip("tensorflow")
    pytest.importorskip("keras").ops.max_pool(np.ones((1, 4, 4, 1)), 2)  # see CASES' note
    assert_same_as_tensorflow(source)


SEPARABLE = list(
    itertools.product(
        [1, 2], ["channels_last", "channels_first"], ["valid", "same"], [1, 2], [1, 2]
    )
)


def _separable_args(n, data_format):
    rng = np.random.default_rng(n)
    spatial = (9,) * n
    shape = spatial + (3,) if data_format == "channels_last" else (3,) + spatial
    x = rng.standard_normal((2,) + shape).astype(np.float32)
    depthwise = rng.standard_normal((3,) * n + (3, 2)).astype(np.float32)
    pointwise = rng.standard_normal((1,) * n + (6, 4)).astype(np.float32)
    return x, depthwise, pointwise


@pytest.mark.parametrize("n,data_format,padding,strides,dilation", SEPARABLE)
def test_separable_conv_reference_path_computes_the_fast_paths_result(
    n, data_format, padding, strides, dilation
):
    """The Keras-on-tf.nn path bad arguments take computes what the torch path computes."""
    from torchkeras import keras
    from torchkeras.keras.ops import _conv_reference

    args = _separable_args(n, data_format) + (strides, padding, data_format, dilation)
    reference = _conv_reference.separable_conv(*args).numpy()
    fast = keras.ops.separable_conv(*args).numpy()
    assert reference.shape == fast.shape
    np.testing.assert_allclose(reference, fast, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("n,data_format,padding,strides,dilation", SEPARABLE)
def test_separable_conv_reference_path_is_keras(n, data_format, padding, strides, dilation):
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    from torchkeras.keras.ops import _conv_reference

    args = _separable_args(n, data_format) + (strides, padding, data_format, dilation)
    expected = real_keras.ops.separable_conv(*args).numpy()
    got = _conv_reference.separable_conv(*args).numpy()
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
