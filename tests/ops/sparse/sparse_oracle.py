"""Differential helpers for the tf.sparse tests: one expression evaluated with ``tf`` bound
to torchkeras and to real TensorFlow, outcomes compared as printed text."""

import numpy as np

import torchkeras as tf

BASE = {
    "st": "tf.sparse.SparseTensor([[0, 1], [1, 2]], [1.0, -2.0], [2, 3])",
    "un": "tf.sparse.SparseTensor([[1, 2], [0, 1]], [1.0, -2.0], [2, 3])",
    "rep": "tf.sparse.SparseTensor([[0, 1], [0, 1]], [1.0, -2.0], [2, 3])",
    "oob": "tf.sparse.SparseTensor([[0, 1], [2, 2]], [1.0, -2.0], [2, 3])",
    "st3": "tf.sparse.SparseTensor([[0, 1, 2], [1, 0, 0]], [1, 2], [2, 3, 4])",
    "ints": "tf.sparse.SparseTensor([[0, 0], [0, 4], [1, 2]], [1, 2, 3], [2, 5])",
    "d": "tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])",
}


def env(module):
    """The shared operands, built with ``module``."""
    scope = {"tf": module, "np": np}
    for key, expression in BASE.items():
        scope[key] = eval(expression, scope)  # noqa: S307 - expressions written here
    return scope


def _class_name(error):
    """The error's class name; torchkeras' ``CompositeArgumentError`` (a ``ValueError``
    subclass raised by conversions of composite tensors) reads as TF's ``ValueError``."""
    if type(error).__name__ == "CompositeArgumentError":
        return "ValueError"
    return type(error).__name__


def outcome(module, expression):
    """``("ok", printed result)`` or ``("error", class name, message)``."""
    scope = env(module)
    try:
        value = eval(expression, scope)  # noqa: S307 - expressions written in the tests
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return "error", _class_name(error), str(error)
    return "ok", repr(value)


def assert_matches_tf(expression):
    """The torchkeras outcome of ``expression`` is TF's (text and errors)."""
    import pytest

    tf_real = pytest.importorskip("tensorflow")
    assert outcome(tf, expression) == outcome(tf_real, expression), expression
