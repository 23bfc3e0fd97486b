"""TF ops that Keras' TF backend runs for ``keras.ops`` given bad arguments (top_k's ``k`` and
``sorted``, svd's flags, one_hot's ``depth``, NumPy shapes of zeros/ones, band_part's bounds,
unstack's ``num``, roll's and softmax's odd axes, the error name of the fast path): TF's
outcome; checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "tf.math.top_k(np.ones((2, 3), np.float32), 'x')",
        {
            "message": "Value for attr 'Tk' of string is not in the list of allowed ",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.math.top_k(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "k must be scalar, got shape [2] [Op:TopKV2] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.math.top_k(np.ones((2, 3), np.float32), 1, sorted=7)",
        {"message": "Expected bool for argument 'sorted' not 7.", "raises": "TypeError"},
    ),
    (
        "tf.math.top_k(np.ones((2, 3), np.float32), np.float64(2))",
        {
            "returns": {
                "items": [
                    {"dtype": "float32", "shape": [2, 2], "values": ["1.0", "1.0", "1.0", "1.0"]},
                    {"dtype": "int32", "shape": [2, 2], "values": ["0.0", "1.0", "0.0", "1.0"]},
                ]
            }
        },
    ),
    (
        "tf.one_hot([0, 1], np.float32(3))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "0.0", "0.0", "1.0", "0.0"],
            }
        },
    ),
    (
        "tf.linalg.band_part(np.ones((2, 3), np.float32), np.float64(0), -1)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "0.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.linalg.svd(np.ones((2, 3), np.float32), 5)",
        {"message": "Expected bool for argument 'full_matrices' not 5.", "raises": "TypeError"},
    ),
    (
        "tf.linalg.svd(np.ones((2, 3), np.float32), None, 7)",
        {"message": "Expected bool for argument 'compute_uv' not 7.", "raises": "TypeError"},
    ),
    (
        "tf.one_hot([0, 1], np.array([3, 3]))",
        {
            "message": "depth must be a scalar, but got: [2] [Op:OneHot]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.one_hot(np.array([0, 1]), np.array([3, 3]))",
        {
            "message": "depth must be a scalar, but got: [2] [Op:OneHot] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.one_hot(np.array([0, 1]), 3, axis=5)",
        {
            "message": "Expected axis to be -1 or between [0, 2).  But received: 5 [",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.one_hot([0, 1], -1)",
        {
            "message": "depth must be non-negative, got: -1 [Op:OneHot]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.one_hot([0, 1], None)",
        {
            "message": "Attempt to convert a value (None) with an unsupported type (",
            "raises": "ValueError",
        },
    ),
    (
        "tf.ones(np.array([2.5, 3.]))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.ones(np.array(2.))",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["1.0", "1.0"]}},
    ),
    ("tf.ones(np.ones((0, 3)))", {"returns": {"dtype": "float32", "shape": [], "values": ["1.0"]}}),
    (
        "tf.zeros(np.ones((2, 3)))",
        {
            "message": "dims must represent a vector, got shape [2,3] [Op:Fill] name",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.eye(2, batch_shape=np.array([2.]))",
        {
            "message": "Cannot convert [np.float64(2.0), np.int64(2)] to EagerTensor",
            "raises": "TypeError",
        },
    ),
    (
        "tf.linalg.band_part(np.ones((2, 3), np.float32), 1.5, -1)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int64", "raises": "TypeError"},
    ),
    (
        "tf.linalg.band_part(np.ones((2, 3), np.float32), 0, np.float32(2))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "0.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.unstack(np.ones((2, 3), np.float32), num=-4)",
        {
            "message": "Value for attr 'num' of -4 must be at least minimum 0\n\t; Nod",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), 2.0)",
        {
            "message": "Argument `tensor` (name: repeats) must be of type integer. R",
            "raises": "TypeError",
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), b'x')",
        {
            "message": "Argument `tensor` (name: repeats) must be of type integer. R",
            "raises": "TypeError",
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), np.array([2.]))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [12],
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
                ],
            }
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), 2, axis=1.0)",
        {
            "message": "Argument `axis` must be an int. Received `axis` = 1.0 of typ",
            "raises": "TypeError",
        },
    ),
    (
        "tf.unstack(np.ones((2, 3), np.float32), num='x')",
        {"message": "Expected int for argument 'num' not 'x'.", "raises": "TypeError"},
    ),
    (
        "tf.unstack(np.ones((2, 3), np.float32), num=1.5)",
        {
            "message": "Input shape axis 0 must equal 1, got shape [2,3] [Op:Unpack]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.roll(np.ones((2, 3), np.float32), np.array([0, 5]), 0)",
        {
            "message": "shift and axis must have the same size [Op:Roll] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.roll(np.ones((2, 3), np.float32), [0, 5], 0)",
        {
            "message": "shift and axis must have the same size [Op:Roll]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.roll(np.ones((2, 3), np.float32), [1, 2], [0, 1])",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.nn.softmax(np.ones((2, 3), np.float32), axis=np.array([0, 1]))",
        {
            "message": "The truth value of an array with more than one element is am",
            "raises": "ValueError",
        },
    ),
    (
        "tf.math.segment_max(np.ones(3), np.array([1, 0, 0]))",
        {
            "message": "segment ids are not increasing [Op:SegmentMax] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "tf.math.segment_max([1., 2., 3.], [1, 0, 0])",
        {
            "message": "segment ids are not increasing [Op:SegmentMax]",
            "raises": "InvalidArgumentError",
        },
    ),
]
"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value)"""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
