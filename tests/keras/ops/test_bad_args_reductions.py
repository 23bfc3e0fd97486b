"""``keras.ops`` reductions, softmax, norms and quantiles with bad axes, orders and ``q``:
Keras' TF backend's outcome (TF's reduction errors for axes out of range or given twice, Keras'
``ValueError``s, its quantile arithmetic); checked against real TensorFlow where installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.sum(np.ones((2, 3), np.float32), axis=(1, 1))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.max(np.ones((2, 3), np.float32), axis=-3)",
        {
            "message": "Invalid reduction dimension (-3 for input with 2 dimension(s",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.prod(np.ones((2, 3), np.float32), axis=(0, 5))",
        {
            "message": "Invalid reduction dimension (5 for input with 2 dimension(s)",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.std(np.ones((2, 3), np.float32), axis=np.ones((3, 2)))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.logsumexp(np.ones((2, 3), np.float32), axis=(1, 1))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.nanmax(np.ones((2, 3), np.float32), axis=5)",
        {
            "message": "Invalid reduction dimension (5 for input with 2 dimension(s)",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.nanmin(np.ones((2, 3), np.float32), axis=np.ones((3, 2)))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.nanmean(np.ones((2, 3), np.float32), axis=(0, 0))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.nanmax(np.ones((0, 3)))",
        {"returns": {"dtype": "float64", "shape": [], "values": ["nan"]}},
    ),
    (
        "keras.ops.nanmin(np.array([[np.nan, 1.], [np.nan, np.nan]]), axis=0)",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["nan", "1.0"]}},
    ),
    (
        "keras.ops.ptp(np.ones((0, 3), np.float32), axis=0)",
        {"returns": {"dtype": "float32", "shape": [3], "values": ["-inf", "-inf", "-inf"]}},
    ),
    (
        "keras.ops.ptp(np.array([[1., 5.], [2., 0.]]), axis=1, keepdims=True)",
        {"returns": {"dtype": "float64", "shape": [2, 1], "values": ["4.0", "2.0"]}},
    ),
    (
        "keras.ops.softmax(np.ones((2, 3), np.float32), axis=(1, 1))",
        {
            "message": "`axes` must be a valid permutation of the input dimensions (",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.softmax(np.ones((2, 3), np.float32), axis=(0, 5))",
        {
            "message": "axis 5 is out of bounds for an array with dimension 2.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.softmax(np.ones((2, 3), np.float32), axis=np.array([0, 5]))",
        {
            "message": "The truth value of an array with more than one element is am",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.softmax(np.ones((2, 3), np.float32), axis='x')",
        {
            "message": "'<=' not supported between instances of 'int' and 'str'",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.softmax(np.array([[1., 2.], [3., 5.]]), axis=(0, -1))",
        {
            "message": "`axes` must be a valid permutation of the input dimensions (",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.norm(np.ones((2, 3), np.float32), 'x', axis=1)",
        {
            "message": "Invalid `ord` argument for vector norm. Received: ord=x",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.norm(np.ones((2, 3), np.float32), 1.5)",
        {
            "message": "Invalid `ord` argument for matrix norm. Received: ord=1.5",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.norm(np.ones((2, 3), np.float32), axis=(1, 1))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.normalize(np.ones((2, 3), np.float32), order=0)",
        {
            "message": "Argument `order` must be an int >= 1. Received: order=0",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.normalize(np.ones((2, 3), np.float32), None, 7)",
        {
            "message": "Invalid `ord` argument for matrix norm. Received: ord=7",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.normalize(np.array([[3., 4.]]), axis=1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.moments(np.ones((2, 3), np.float32), axes=(1, 1))",
        {
            "message": "Invalid reduction arguments: Axes contains duplicate dimensi",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.moments(np.ones((2, 3), np.float32), None, True)",
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
        "keras.ops.median(np.ones((2, 3), np.float32), axis=5)",
        {
            "message": "axis 5 is out of bounds for an array with dimension 2.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.median(np.ones((0, 3)))",
        {
            "message": "indices = -1 is not in [0, 0) [Op:GatherV2] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.quantile(np.ones((2, 3), np.float32), 0.5, axis=(0, 0))",
        {
            "message": "transpose expects a vector of size 2. But input(1) is a vect",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.quantile(np.ones((2, 3), np.float32), 0.5, method='bad')",
        {
            "message": "cannot access local variable 'gathered_y' where it is not as",
            "raises": "UnboundLocalError",
        },
    ),
    (
        "keras.ops.quantile(np.ones((2, 3), np.float32), 'x')",
        {
            "message": "Cast string to double is not supported [Op:Cast] name:",
            "raises": "UnimplementedError",
        },
    ),
    (
        "keras.ops.quantile(np.array([[1., 5., 2.], [4., 3., 9.]]), 1.5)",
        {"returns": {"dtype": "float64", "shape": [], "values": ["19.0"]}},
    ),
    (
        "keras.ops.quantile(np.array([[1., 5., 2.], [4., 3., 9.]]), [[0.1, 0.5], [0.7, 0.9]], "
        "axis=1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 2, 2],
                "values": [
                    "1.2000000029802322",
                    "3.2000000029802322",
                    "2.0",
                    "4.0",
                    "3.1999999284744263",
                    "5.9999998807907104",
                    "4.3999998569488525",
                    "7.999999761581421",
                ],
            }
        },
    ),
    (
        "keras.ops.quantile(np.arange(24.).reshape(2, 3, 4), [0.1, 0.5], (0, 2), keepdims=True)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 1, 3, 1],
                "values": [
                    "0.7000000104308128",
                    "4.700000010430813",
                    "8.700000010430813",
                    "7.5",
                    "11.5",
                    "15.5",
                ],
            }
        },
    ),
    (
        "keras.ops.quantile(np.array([[1., np.nan, 2.], [4., 3., 9.]]), 0.4, axis=1, "
        "method='midpoint')",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["nan", "3.5"]}},
    ),
    (
        "keras.ops.percentile(np.ones((2, 3), np.float32), 'x')",
        {"message": "Cannot convert 'x' to EagerTensor of dtype float", "raises": "TypeError"},
    ),
    (
        "keras.ops.percentile(np.array([[1., 5., 2.], [4., 3., 9.]]), [30, 160], axis=1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 2],
                "values": [
                    "1.600000023841858",
                    "3.600000023841858",
                    "8.600000143051147",
                    "15.000000238418579",
                ],
            }
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
