"""``tf.io.decode_csv`` against real TF (skipped without it) and known values."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError

CALLS = [
    "tf.io.decode_csv(['1,2.5,a', '3,,b'], [[0], [1.0], ['x']])",
    "tf.io.decode_csv('1,2.5,a', [[0], [1.0], ['x']])",
    "tf.io.decode_csv([['1,2'], ['3,4']], [[0], [tf.constant(7, tf.int64)]])",
    "tf.io.decode_csv([['1,2', '3,4'], ['5,6', '7,8']], [[tf.constant(0, tf.int64)], [0.0]])",
    "tf.io.decode_csv(['1;NA', '3;4'], [[0], [9]], field_delim=';', na_value='NA')",
    "tf.io.decode_csv(['\"a,b\",c', '\"x\"\"y\",z'], [[''], ['']])",
    "tf.io.decode_csv(['\"a,b\",c'], [[''], ['']], use_quote_delim=False)",
    "tf.io.decode_csv(['1,2,3,4'], [[0], [0]], select_cols=[1, 3])",
    "tf.io.decode_csv(['\"a,b\",2,\"c\"'], [[0], ['']], select_cols=[1, 2])",
    "tf.io.decode_csv(['1,2,3,'], [[0], [5]], select_cols=[2, 3])",
    "tf.io.decode_csv([',', 'a,'], [[''], ['q']])",
    "tf.io.decode_csv(['1,\\n2'], [[0], [0]])",
    "tf.io.decode_csv(['\"a\"', '\"\"', '\"x\\ny\"'], [['d']])",
    "tf.io.decode_csv(['\"NA\",NA'], [['z'], ['y']], na_value='NA')",
    "tf.io.decode_csv(['1 , 2'], [[0], [0.0]])",
    "tf.io.decode_csv(['1e400,1e400,-1e40,nan,inf,1e-50,0x10'],"
    " [[0.0], [tf.constant(0.0, tf.float64)], [0.0], [0.0], [0.0], [0.0], [0.0]])",
    "tf.io.decode_csv(['9223372036854775807,-1'],"
    " [[tf.constant(0, tf.int64)], [tf.constant(0.0, tf.float64)]])",
    "tf.io.decode_csv(tf.constant([], tf.string), [[0]])",
    "tf.io.decode_csv(['1,2,3'], [[0], [0]])",
    "tf.io.decode_csv(['1'], [[0], [0]])",
    "tf.io.decode_csv(['1', '2,3'], [[0]])",
    "tf.io.decode_csv([''], [[0]])",
    "tf.io.decode_csv(['1,'], [[0], []])",
    "tf.io.decode_csv(['a,1'], [[0], [0]])",
    "tf.io.decode_csv(['x'], [[0.0]])",
    "tf.io.decode_csv(['nan,1'], [[0], [0]])",
    "tf.io.decode_csv(['99999999999,1'], [[0], [0]])",
    "tf.io.decode_csv(['1\\n2'], [[0]])",
    "tf.io.decode_csv(['a\"b,1'], [[''], [0]])",
    "tf.io.decode_csv(['\"ab,1'], [[''], [0]])",
    "tf.io.decode_csv(['\"ab\"c,1'], [[''], [0]])",
    "tf.io.decode_csv(['\"'], [['']])",
    "tf.io.decode_csv(['1,1'], [[0], [0]], field_delim=';;')",
    "tf.io.decode_csv(['1,2'], [[0, 1], [0]])",
    "tf.io.decode_csv(['1,2'], [[0], [[1]]])",
    "tf.io.decode_csv(['1,2'], [[0, 1], [[1]]], field_delim=';;')",
    "tf.io.decode_csv(['1,2'], [])",
    "tf.io.decode_csv(['1,1'], [[True], [0]])",
    "tf.io.decode_csv(['1,1'], [[0], [0]], select_cols=[1])",
    "tf.io.decode_csv(['1,1'], [[0], [0]], select_cols=[1, 0])",
    "tf.io.decode_csv(['1,1'], [[0], [0]], select_cols=[-1, 0])",
]


def _outcome(module, expression):
    try:
        return "ok", repr(eval(expression, {"tf": module}))  # noqa: S307 - written here
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return type(error).__name__, str(error)


@pytest.mark.parametrize("expression", CALLS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, expression) == _outcome(tf_real, expression)


def test_known_values():
    ints, floats, names = tf.io.decode_csv(["1,2.5,a", "3,,b"], [[0], [1.0], ["x"]])
    assert ints.dtype == tf.int32 and ints.numpy().tolist() == [1, 3]
    np.testing.assert_allclose(floats.numpy(), [2.5, 1.0])
    assert names.numpy().tolist() == [b"a", b"b"]
    quoted, plain = tf.io.decode_csv(['"x""y",z'], [[""], [""]])
    assert quoted.numpy().tolist() == [b'x"y'] and plain.numpy().tolist() == [b"z"]
    (picked,) = tf.io.decode_csv([["1,2,3"]], [tf.constant([], tf.int64)], select_cols=[2])
    assert picked.shape == (1, 1) and picked.dtype == tf.int64
    assert picked.numpy().tolist() == [[3]]
    (big,) = tf.io.decode_csv(["1e40"], [[0.0]])
    assert big.numpy().tolist() == [float("inf")]


@pytest.mark.parametrize(
    ("records", "defaults", "message"),
    [
        (["1,2,3"], [[0], [0]], "Expect 2 fields but have 3 in record 0"),
        (["1,"], [[0], []], "Field 1 is required but missing in record 0!"),
        (["a"], [[0]], "Field 0 in record 0 is not a valid int32: a"),
        (['"ab"c'], [[""]], "Quote inside a string has to be escaped by another quote"),
        (['a"b'], [[""]], "Unquoted fields cannot have quotes/CRLFs inside"),
    ],
)
def test_errors(records, defaults, message):
    with pytest.raises(InvalidArgumentError, match="DecodeCSV") as info:
        tf.io.decode_csv(records, defaults)
    assert message in str(info.value)
