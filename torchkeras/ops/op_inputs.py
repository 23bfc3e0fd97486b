"""Conversion of math-op operands to storage, following TF's eager paths.

``tf.add`` and ``tf.matmul`` convert the first operand on its own and the
second with the first's dtype as a hint (``hinted_inputs``, via
``tensor_ops.inputs``; a mismatch is ``InvalidArgumentError``); most other
binary ops convert a non-tensor operand *to* the other operand's dtype and
raise ``TypeError`` when that is lossy (``strict_inputs``;
``tf.maximum(int_tensor, 2.5)``).
"""
from __future__ import annotations

from ..framework.convert import to_torch, to_torch_like
from ..framework.tensor import TensorOperators, wrap
from ..framework.tensor_ops import inputs
from .op_defs import tf_type_name


def _storage(x):
    """The storage of any tensor-like op input (Tensor, Variable, NumPy, Python)."""
    return x._value if isinstance(x, TensorOperators) else to_torch(x)


def cannot_convert(value, like):
    """TF's ``TypeError`` for an operand that does not convert to ``like``'s dtype."""
    return TypeError("Cannot convert %r to EagerTensor of dtype %s" % (value, tf_type_name(like)))


def converted_like(value, like):
    """``value`` converted to the dtype of storage ``like`` (TF's eager op rule), or ``TypeError``."""
    if isinstance(value, TensorOperators):
        return value._value
    try:
        storage = to_torch_like(value, like)
    except (ValueError, TypeError) as error:
        if str(error).startswith("Attempt to convert"):
            raise
        raise cannot_convert(value, like) from None
    if storage.dtype != like.dtype:
        raise cannot_convert(value, like)
    return storage


def hinted_inputs(x, y, opname):
    """Inputs of ``tf.add`` / ``tf.matmul``: ``x`` converts on its own, ``y`` with ``x``'s dtype as
    hint (``tensor_ops.inputs``); so ``tf.add(1, float_tensor)`` fails, as in TF."""
    if not isinstance(x, TensorOperators):
        x = wrap(to_torch(x))
    return inputs(x, y, opname)


def strict_inputs(x, y, opname):
    """Both inputs of a binary TF op: a non-tensor operand is converted *to* the tensor's
    dtype (``TypeError`` when lossy); two tensors must share their dtype."""
    if isinstance(x, TensorOperators):
        if isinstance(y, TensorOperators):
            return inputs(x, y, opname)
        a = x._value
        return a, converted_like(y, a)
    if isinstance(y, TensorOperators):
        b = y._value
        return converted_like(x, b), b
    a = to_torch(x)
    return a, converted_like(y, a)
