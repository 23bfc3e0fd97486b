"""tf.py_function and tf.numpy_function."""

import re

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, call

X = [1.0, 2.0]


def _grads(tf, build):
    """Gradients of ``build(tf, x, v)`` with respect to a watched constant and a Variable."""
    x, v = tf.constant(X), tf.Variable(3.0)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = build(tf, x, v)
        total = tf.add_n([tf.reduce_sum(t) for t in tf.nest.flatten(y)])
    return tape.gradient(total, [x, v])


def _second_order(tf):
    x = tf.constant(2.0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = tf.py_function(lambda a: a**3, [x], tf.float32)
        g = inner.gradient(y, x)
    return [g, outer.gradient(g, x)]


def _first_line_of_errors(outcome):
    """py_function errors carry a Python traceback and a process-wide function number
    (``pyfunc_N``); keep TF's text up to the traceback, without the number."""
    kind, value = outcome
    if kind == "error":
        text = re.sub(r"pyfunc_\d+", "pyfunc_N", str(value).split("\nTraceback")[0])
        return kind, type(value)(None, None, text) if hasattr(value, "error_code") else value
    return outcome


CASES = {
    "py_function": lambda tf: tf.py_function(lambda a: a * 2, [tf.constant(X)], tf.float32),
    "py_function_numpy_result": lambda tf: tf.py_function(
        lambda a: a.numpy() * 2, [tf.constant(X)], tf.float32
    ),
    "py_function_casts_python": lambda tf: tf.py_function(
        lambda a: 2, [tf.constant(X)], tf.float32
    ),
    "py_function_float64_numpy": lambda tf: tf.py_function(
        lambda a: np.float64(2.5), [tf.constant(X)], "float32"
    ),
    "py_function_bad_conversion": lambda tf: tf.py_function(
        lambda a: 2.5, [tf.constant(X)], tf.int32
    ),
    "py_function_tensor_dtype_mismatch": lambda tf: tf.py_function(
        lambda a: tf.constant(2), [tf.constant(X)], tf.float32
    ),
    "py_function_list_tout": lambda tf: tf.py_function(
        lambda a: (a, a * 2), [tf.constant(X)], [tf.float32, tf.float32]
    ),
    "py_function_list_tout_single": lambda tf: tf.py_function(
        lambda a: a, [tf.constant(X)], [tf.float32]
    ),
    "py_function_tuple_tout": lambda tf: tf.py_function(
        lambda a: [a], [tf.constant(X)], (tf.float32,)
    ),
    "py_function_empty_tout": lambda tf: tf.py_function(lambda a: None, [tf.constant(X)], []),
    "py_function_empty_tout_result": lambda tf: tf.py_function(lambda a: a, [tf.constant(X)], []),
    "py_function_none_result": lambda tf: tf.py_function(
        lambda a: None, [tf.constant(X)], tf.float32
    ),
    "py_function_too_few": lambda tf: tf.py_function(
        lambda a: [a], [tf.constant(X)], [tf.float32, tf.float32]
    ),
    "py_function_too_many": lambda tf: tf.py_function(
        lambda a: [a, a, a], [tf.constant(X)], [tf.float32, tf.float32]
    ),
    "py_function_nested_tout": lambda tf: tf.py_function(
        lambda a: [a, (a, a)], [tf.constant(X)], [tf.float32, [tf.float32, tf.float32]]
    ),
    "py_function_spec_tout": lambda tf: tf.py_function(
        lambda a: a, [tf.constant(X)], tf.TensorSpec([2], tf.float32)
    ),
    "py_function_spec_list": lambda tf: tf.py_function(
        lambda a: (a, a), [tf.constant(X)], [tf.TensorSpec(None, tf.float32), tf.float32]
    ),
    "py_function_returns_variable": lambda tf: tf.py_function(
        lambda a: tf.Variable(1.0), [tf.constant(X)], tf.float32
    ),
    "py_function_python_inputs": lambda tf: tf.py_function(
        lambda a, b, c: str((a.dtype, b.dtype, c.dtype)), [1, 2.0, "s"], tf.string
    ),
    "py_function_variable_input": lambda tf: tf.py_function(
        lambda a: a * 2, [tf.Variable(1.0)], tf.float32
    ),
    "py_function_no_tout": lambda tf: tf.py_function(lambda a: a, [tf.constant(X)]),
    "py_function_no_inp": lambda tf: tf.py_function(lambda a: a, Tout=tf.float32),
    "py_function_not_callable": lambda tf: tf.py_function(1, [tf.constant(X)], tf.float32),
    "py_function_decorator": lambda tf: tf.py_function(Tout=tf.float32)(lambda a, b: a + b)(
        tf.constant(X), tf.constant(X)
    ),
    "py_function_decorator_inp": lambda tf: tf.py_function(Tout=tf.float32, inp=[1.0]),
    "py_function_wrong_arity": lambda tf: tf.py_function(lambda a: a, tf.constant(X), tf.float32),
    "py_function_raises": lambda tf: tf.py_function(lambda a: 1 / 0, [tf.constant(X)], tf.float32),
    "py_function_raises_not_implemented": lambda tf: tf.py_function(
        lambda a: (_ for _ in ()).throw(NotImplementedError("no")), [tf.constant(X)], tf.float32
    ),
    "py_function_raises_tf_error": lambda tf: tf.py_function(
        lambda a: tf.debugging.assert_equal(a, 0.0), [tf.constant(X)], tf.float32
    ),
    "py_function_list_result": lambda tf: tf.py_function(
        lambda a: [1.0, 2.0], [tf.constant(X)], tf.float32
    ),
    "numpy_function": lambda tf: tf.numpy_function(lambda a: a * 2, [tf.constant(X)], tf.float32),
    "numpy_function_inputs": lambda tf: tf.numpy_function(
        lambda a, b, c: str((type(a).__name__, a.dtype, b.dtype, a.flags.writeable)),
        [tf.constant(X), 1, "s"],
        tf.string,
    ),
    "numpy_function_keeps_result_dtype": lambda tf: tf.numpy_function(
        lambda a: a.astype(np.float64), [tf.constant(X)], tf.float32
    ),
    "numpy_function_list": lambda tf: tf.numpy_function(
        lambda a: (a, a), [tf.constant(X)], [tf.float32, tf.float32]
    ),
    "numpy_function_single_list": lambda tf: tf.numpy_function(
        lambda a: [a], [tf.constant(X)], [tf.float32]
    ),
    "numpy_function_nested": lambda tf: tf.numpy_function(
        lambda a: [a, (a, [a])], [tf.constant(X)], [tf.float32]
    ),
    "numpy_function_none": lambda tf: tf.numpy_function(
        lambda a: None, [tf.constant(X)], tf.float32
    ),
    "numpy_function_none_in_list": lambda tf: tf.numpy_function(
        lambda a: [None, a], [tf.constant(X)], tf.float32
    ),
    "numpy_function_empty": lambda tf: tf.numpy_function(
        lambda a: [], [tf.constant(X)], tf.float32
    ),
    "numpy_function_stateless": lambda tf: tf.numpy_function(
        lambda a: a, [tf.constant(X)], tf.float32, stateful=False
    ),
    "numpy_function_no_tout": lambda tf: tf.numpy_function(lambda a: a, [tf.constant(X)]),
    "numpy_function_not_callable": lambda tf: tf.numpy_function(1, [tf.constant(X)], tf.float32),
    "numpy_function_decorator": lambda tf: tf.numpy_function(Tout=tf.float32)(lambda a: a + 1)(
        tf.constant(X)
    ),
    "numpy_function_string": lambda tf: tf.numpy_function(
        lambda a: "abc", [tf.constant(X)], tf.string
    ),
    "grad_py_function": lambda tf: _grads(
        tf, lambda tf, x, v: tf.py_function(lambda a: a * a * v, [x], tf.float32)
    ),
    "grad_py_function_two_outputs": lambda tf: _grads(
        tf, lambda tf, x, v: tf.py_function(lambda a: (a * 2, a * 3), [x], [tf.float32, tf.float32])
    ),
    "grad_py_function_variable_input": lambda tf: _grads(
        tf, lambda tf, x, v: tf.py_function(lambda a, b: a * b, [x, v], tf.float32)
    ),
    "grad_py_function_list_tout": lambda tf: _grads(
        tf, lambda tf, x, v: tf.py_function(lambda a: a * 2, [x * v], [tf.float32])
    ),
    "grad_second_order_py_function": _second_order,
    "grad_numpy_function": lambda tf: _grads(
        tf, lambda tf, x, v: tf.numpy_function(lambda a: a * a, [x], tf.float32)
    ),
}


@pytest.mark.parametrize("case_name", sorted(CASES))
def test_matches_tf(case_name):
    tf_real = pytest.importorskip("tensorflow")
    fn = CASES[case_name]
    expected = _first_line_of_errors(call(tf_real, fn))
    assert_same(case_name, expected, _first_line_of_errors(call(tf, fn)))


# TF-independent expectations.


def test_py_function_converts_to_tout_and_wraps_errors():
    result = tf.py_function(lambda a: 2, [tf.constant(X)], tf.float32)
    assert result.dtype == tf.float32 and float(result) == 2.0
    with pytest.raises(tf.errors.UnknownError) as info:
        tf.py_function(lambda a: 1 / 0, [tf.constant(X)], tf.float32)
    assert str(info.value).startswith(
        "{{function_node __wrapped__EagerPyFunc_Tin_1_Tout_1_device_/job:localhost/replica:0/"
        "task:0/device:CPU:0}} ZeroDivisionError: division by zero\nTraceback"
    )
    assert str(info.value).endswith(" [Op:EagerPyFunc] name: ")
    with pytest.raises(tf.errors.InvalidArgumentError, match="returns 0 values, but expects"):
        tf.py_function(lambda a: None, [tf.constant(X)], tf.float32)


def test_py_function_differentiates_inputs_only():
    x, v = tf.constant(X), tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = tf.py_function(lambda a: a * a * v, [x], tf.float32)
    assert tape.gradient(y, x).numpy().tolist() == [6.0, 12.0]
    assert tape.gradient(y, v) is None


def test_numpy_function_gets_arrays_and_keeps_dtypes():
    seen = []

    def fn(a):
        seen.append(type(a))
        return a.astype(np.float64)

    result = tf.numpy_function(fn, [tf.constant(X)], tf.float32)
    assert seen == [np.ndarray] and result.dtype == tf.float64
    assert tf.numpy_function(lambda a: None, [1], tf.float32) is None
