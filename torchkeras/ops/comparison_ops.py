"""Comparisons, logical ops, ``tf.where`` and the monotonicity checks (``tf.math``).

Comparisons return bool tensors and accept the dtypes TF's kernels accept;
logical ops take bool tensors only, with TF's error texts otherwise.
"""

from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework.convert import convert_to_tensor, to_torch
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.tensor import Tensor, TensorOperators, wrap
from .elementwise_ops import _binary
from ..framework.op_errors import dims_text, dtype_of, input_dtype_error, op_error, translate_error
from ._args import bool_storage, converted_like, storage_of, strict_inputs
from ..api_export import tf_export, export_value


_SCALARS = (bool, int, float)


def _converted_bools(x, y):
    """Both operands of a logical op where one is not a tensor: TF's fast path converts the
    Python scalars to bool (``TypeError`` for other numbers) and leaves tensors to the kernel's
    dtype check; other values send it to the fallback, which converts each operand in turn with
    ``dtype=tf.bool`` (a tensor of another dtype: ``ValueError``)."""
    scalars = True
    for value in (x, y):
        if type(value) in _SCALARS:
            bool_storage(value)
        elif not isinstance(value, TensorOperators):
            scalars = False
    if scalars:
        return bool_storage(x), bool_storage(y)
    return convert_to_tensor(x, dtypes.bool)._value, convert_to_tensor(y, dtypes.bool)._value


def _logical_pair(x, y, opname):
    if type(x) is Tensor and type(y) is Tensor:
        a, b = x._value, y._value
    elif isinstance(x, TensorOperators) and isinstance(y, TensorOperators):
        a, b = strict_inputs(x, y, opname)
    else:
        a, b = _converted_bools(x, y)
    if a.dtype is not torch.bool:
        raise input_dtype_error(opname, 0, "bool", a)
    if b.dtype is not torch.bool:
        raise input_dtype_error(opname, 1, "bool", b)
    return a, b


less = _binary(torch.lt, "Less", "less", "``tf.math.less``: ``x < y`` elementwise, a bool tensor.")
export_value(less, "tf.math.less", "tf.less")
less_equal = _binary(
    torch.le, "LessEqual", "less_equal", "``tf.math.less_equal``: ``x <= y`` elementwise."
)
export_value(less_equal, "tf.math.less_equal", "tf.less_equal")
greater = _binary(torch.gt, "Greater", "greater", "``tf.math.greater``: ``x > y`` elementwise.")
export_value(greater, "tf.math.greater", "tf.greater")
greater_equal = _binary(
    torch.ge, "GreaterEqual", "greater_equal", "``tf.math.greater_equal``: ``x >= y`` elementwise."
)
export_value(greater_equal, "tf.math.greater_equal", "tf.greater_equal")


def _equality(x, y, opname, equal_):
    a, b = strict_inputs(x, y, opname)
    if isinstance(a, np.ndarray):
        if not isinstance(b, np.ndarray):
            raise input_dtype_error(opname, 1, "string", b)
        try:
            result = np.equal(a, b) if equal_ else np.not_equal(a, b)
        except ValueError:
            raise op_error(
                opname,
                "Incompatible shapes: %s vs. %s" % (dims_text(a.shape), dims_text(b.shape)),
                a,
            ) from None
        return wrap(torch.from_numpy(np.asarray(result, dtype=bool)))
    try:
        return wrap(torch.eq(a, b) if equal_ else torch.ne(a, b))
    except RuntimeError as error:
        raise translate_error(error, opname, a, b) from None


@tf_export("math.equal", "equal")
def equal(x, y, name=None):
    """``tf.math.equal``: ``x == y`` elementwise (any dtype, strings too); shapes must broadcast."""
    try:
        return _equality(x, y, "Equal", True)
    except CompositeArgumentError as error:
        return dispatch(equal, (x, y, name), {}, error)


@tf_export("math.not_equal", "not_equal")
def not_equal(x, y, name=None):
    """``tf.math.not_equal``: ``x != y`` elementwise; shapes must broadcast."""
    try:
        return _equality(x, y, "NotEqual", False)
    except CompositeArgumentError as error:
        return dispatch(not_equal, (x, y, name), {}, error)


@tf_export("math.logical_and", "logical_and")
def logical_and(x, y, name=None):
    """``tf.math.logical_and``: elementwise AND of two bool tensors."""
    try:
        a, b = _logical_pair(x, y, "LogicalAnd")
    except CompositeArgumentError as error:
        return dispatch(logical_and, (x, y, name), {}, error)
    return wrap(torch.logical_and(a, b))


@tf_export("math.logical_or", "logical_or")
def logical_or(x, y, name=None):
    """``tf.math.logical_or``: elementwise OR of two bool tensors."""
    try:
        a, b = _logical_pair(x, y, "LogicalOr")
    except CompositeArgumentError as error:
        return dispatch(logical_or, (x, y, name), {}, error)
    return wrap(torch.logical_or(a, b))


@tf_export("math.logical_xor")
def logical_xor(x, y, name="LogicalXor"):
    """``tf.math.logical_xor``: elementwise XOR of two bool tensors (errors name ``LogicalOr``,
    as TF)."""
    try:
        a, b = _logical_pair(x, y, "LogicalOr")
    except CompositeArgumentError as error:
        return dispatch(logical_xor, (x, y, name), {}, error)
    return wrap(torch.logical_xor(a, b))


@tf_export("math.logical_not", "logical_not")
def logical_not(x, name=None):
    """``tf.math.logical_not``: elementwise NOT of a bool tensor."""
    try:
        a = bool_storage(x)
    except CompositeArgumentError as error:
        return dispatch(logical_not, (x, name), {}, error)
    if a.dtype is not torch.bool:
        raise input_dtype_error("LogicalNot", 0, "bool", a)
    return wrap(torch.logical_not(a))


@tf_export("where")
def where(condition, x=None, y=None, name=None):
    """``tf.where``: with one argument, the int64 ``[n, rank]`` coordinates of true (non-zero)
    elements; with three, ``x`` where ``condition`` else ``y`` (broadcasting, as ``SelectV2``)."""
    if (x is None) != (y is None):
        raise ValueError("x and y must both be non-None or both be None.")
    try:
        c = storage_of(condition)
    except CompositeArgumentError as error:
        return dispatch(where, (condition, x, y, name), {}, error)
    if x is None:
        if isinstance(c, np.ndarray):
            return wrap(torch.from_numpy(np.argwhere(c != b"").astype(np.int64)))
        return wrap(torch.nonzero(c))
    if c.dtype is not torch.bool:
        raise input_dtype_error("SelectV2", 0, "bool", c)
    if isinstance(x, TensorOperators):
        a = x._value
        b = converted_like(y, a)
    elif isinstance(y, TensorOperators):
        b = y._value
        a = converted_like(x, b)
    else:
        a = to_torch(x)
        b = converted_like(y, a)
    if dtype_of(a) is not dtype_of(b):
        raise input_dtype_error("SelectV2", 2, a, b)
    try:
        if isinstance(a, np.ndarray):
            return wrap(np.where(c.cpu().numpy(), a, b).astype(object))
        return wrap(torch.where(c, a, b))
    except (RuntimeError, ValueError):
        raise op_error(
            "SelectV2",
            "condition %s, then %s, and else %s must be broadcastable"
            % (dims_text(c.shape), dims_text(a.shape), dims_text(b.shape)),
            c,
        ) from None


def _monotone(x, strict):
    a = storage_of(x).reshape(-1)
    if isinstance(a, np.ndarray) or a.dtype is torch.bool:
        raise TypeError("Expected x to be numeric, instead found: %s" % wrap(a))
    if a.numel() < 2:
        return wrap(torch.tensor(True, device=a.device))
    step = a[1:] > a[:-1] if strict else a[1:] >= a[:-1]
    return wrap(torch.all(step))


@tf_export("math.is_non_decreasing")
def is_non_decreasing(x, name=None):
    """``tf.math.is_non_decreasing``: whether the flattened ``x`` never decreases."""
    return _monotone(x, False)


@tf_export("math.is_strictly_increasing")
def is_strictly_increasing(x, name=None):
    """``tf.math.is_strictly_increasing``: whether the flattened ``x`` always increases."""
    return _monotone(x, True)
