"""Runs a ragged-tensor expression on torchkeras or real TF and describes the result as text,
for the differential tests of ``tests/ops/ragged``."""

import numpy as np

SETUP = """
rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
r3 = tf.ragged.constant([[[1, 2], [3]], [], [[4, 5, 6]]])
u = tf.RaggedTensor.from_uniform_row_length([3, 1, 4, 1, 5, 9, 2, 6], 2)
r1i = tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]], ragged_rank=1)
a = tf.ragged.constant([[1, 2], [3]])
b = tf.ragged.constant([[4], [5, 6, 7]])
st = tf.SparseTensor([[0, 0], [0, 1], [2, 0]], [1, 2, 3], [3, 4])
fr = tf.cast(rt, tf.float32)
"""

_KINDS = ("InvalidArgumentError", "IndexError", "TypeError", "ValueError", "AttributeError")


def _kind(error):
    """The TF-visible exception class: the first of ``_KINDS`` in the class's MRO."""
    for cls in type(error).__mro__:
        if cls.__name__ in _KINDS:
            return cls.__name__
    return type(error).__name__


def _text(value):
    if isinstance(value, (list, tuple)):
        return "%s[%s]" % (type(value).__name__, ", ".join(_text(v) for v in value))
    if hasattr(value, "numpy") and not hasattr(value, "row_splits"):
        array = np.asarray(value.numpy())
        return "Tensor(%s, %s, %r)" % (value.dtype.name, array.shape, array.tolist())
    return repr(value)


def describe(module, expression, setup=""):
    """``("ok", text)`` or ``("error", class name, message)`` of ``expression`` with ``tf``
    bound to ``module``, after the common setup and ``setup`` ran."""
    scope = {"tf": module, "np": np}
    exec(SETUP + setup, scope)  # noqa: S102 - the fixed setup above and the test's own
    try:
        value = eval(expression, scope)  # noqa: S307 - test expressions written in this repo
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return ("error", _kind(error), str(error).split(" [Op:")[0])
    return ("ok", _text(value))
