"""The outcome of a tf.data expression, as the differential tests compare it between
torchkeras and real TensorFlow."""

import re

from tests.ops.oracle_compare import kernel_text


def outcome(tf_module, source):
    """``source``'s value with ``tf`` bound to ``tf_module`` (tensors as nested lists, in the
    result's structure), or its error class name and message: TF's kernel prefix dropped, the
    Python traceback TF appends to ``py_func`` errors dropped, dataset numbers
    (``MapDataset:12``) masked."""
    try:
        result = eval(source, {"tf": tf_module})  # noqa: S307 - the tests' own sources
    except Exception as error:  # noqa: BLE001 - the outcome compared
        text = kernel_text(error).split("\nTraceback", 1)[0]
        return type(error).__name__, re.sub(r"(Dataset\w*):\d+", r"\1:N", text)
    return tf_module.nest.map_structure(_value, result)


def _value(value):
    if hasattr(value, "numpy"):
        value = value.numpy()  # bytes for a string scalar
    return value.tolist() if hasattr(value, "tolist") else value


def assert_same_as_tensorflow(source):
    """``source`` has the same outcome on torchkeras and on real TensorFlow (skips without it)."""
    import pytest

    import torchkeras

    tf_real = pytest.importorskip("tensorflow")
    assert outcome(torchkeras, source) == outcome(tf_real, source)
