"""torch's failures inside Keras-level ops, raised as the errors Keras' TensorFlow backend
raises for the same bad input: one translation for every ``keras.ops`` function (applied when
the namespace is assembled) and for layer calls.

A failure is recognised by torch's message (an axis out of range, shapes that do not
broadcast, an index out of range, a singular matrix, a negative size ...) and re-raised as
TF's class with TF's words, built from the op's arguments; the TF op named in the message is
the one Keras' TF backend runs for the Keras op.  Errors torchkeras raises itself pass
through unchanged, and so does anything not recognised.
"""

import functools
import re

import numpy as np
import torch

from ...framework.errors import InvalidArgumentError, OpError
from ...framework import dtypes
from ...framework.op_errors import attr_error, dims_text, op_error
from ...framework.tensor import TensorOperators
from ._strings import StringInputError, outcome as strings_outcome

__all__ = ["translate", "reraise", "translating"]

_AXIS = re.compile(
    r"Dimension out of range \(expected to be in range of \[(-?\d+), (-?\d+)\], "
    r"but got (-?\d+)\)"
)
_REDUCTIONS = {
    "sum": "Sum",
    "mean": "Mean",
    "max": "Max",
    "amax": "Max",
    "min": "Min",
    "amin": "Min",
    "prod": "Prod",
    "any": "Any",
    "all": "All",
    "logsumexp": "Max",
    "std": "Mean",
    "var": "Mean",
    "count_nonzero": "NotEqual",
}
_BINARY = {
    "add": "AddV2",
    "subtract": "Sub",
    "multiply": "Mul",
    "divide": "RealDiv",
    "true_divide": "RealDiv",
    "floor_divide": "FloorDiv",
    "mod": "FloorMod",
    "power": "Pow",
    "maximum": "Maximum",
    "minimum": "Minimum",
    "equal": "Equal",
    "not_equal": "NotEqual",
    "less": "Less",
    "less_equal": "LessEqual",
    "greater": "Greater",
    "greater_equal": "GreaterEqual",
    "logical_and": "LogicalAnd",
    "logical_or": "LogicalOr",
    "accuracy": "Equal",
    "logaddexp": "Sub",
    "logaddexp2": "Sub",
    "logical_xor": "LogicalOr",
    "logspace": "BroadcastArgs",
    "rms_normalization": "Mul",
}


_BROADCASTING = {
    "arctan2": "Atan2",
    "divide_no_nan": "DivNoNan",
    "fmod": "FloorMod",
    "hypot": "Maximum",
    "isclose": "Sub",
    "allclose": "LogicalAnd",
    "linspace": "BroadcastArgs",
    "average": "Mul",
}
"""Keras op -> the TF op whose shape check refuses operands that do not broadcast (Keras' TF
backend), for ops beyond ``_BINARY``."""
_AXIS_KERNELS = {"average": "Mean", "categorical_crossentropy": "Sum"}
"""Keras ops beyond ``_REDUCTIONS`` whose out-of-range axis TF's reduction kernel reports."""
_NUMPY_AXES = frozenset(("expand_dims", "flip", "diagonal", "cross"))
"""Keras ops whose TF backend checks an axis the NumPy way (a ``ValueError``)."""
_DUPLICATE_AXES = {
    "all": "All",
    "any": "Any",
    "amax": "Max",
    "amin": "Min",
    "count_nonzero": "Sum",
    "average": "Mean",
}
"""Reductions whose TF kernel refuses an axis given twice, by that kernel."""
_DUPLICATE = re.compile(r"dim (-?\d+) appears multiple times in the list of dims")
_KERNELS = {
    "softmax": "Softmax",
    "log_softmax": "LogSoftmax",
    "relu": "Relu",
    "relu6": "Relu6",
    "max": "Max",
    "min": "Min",
    "argmax": "ArgMax",
    "argmin": "ArgMin",
    "sort": "TopKV2",
    "argsort": "TopKV2",
    "floor": "Floor",
    "ceil": "Ceil",
    "round": "Round",
    "sign": "Sign",
    "gelu": "Erf",
    "unique": "Unique",
}
"""Keras op -> the TF kernel Keras' TF backend runs for it (whose dtype list refuses)."""
_UNSUPPORTED_DTYPE = re.compile(
    r"not implemented for '|not supported for complex|does not support complex|"
    r"Boolean inputs not supported|with two bool tensors|not intended to support complex"
)


def _first_dtype(args):
    for value in args:
        dtype = getattr(value, "dtype", None)
        if dtype is not None:
            if isinstance(value, np.ndarray):
                return dtypes.as_dtype(value.dtype) if value.dtype.kind not in "OSU" else None
            if isinstance(value, torch.Tensor):
                return dtypes.from_torch(dtype)
            return dtype
    return None


def _shapes(args):
    """The shapes of the tensor-like positional arguments."""
    shapes = []
    for value in args:
        if isinstance(value, (TensorOperators, torch.Tensor, np.ndarray)):
            shapes.append(tuple(value.shape))
        elif isinstance(value, (int, float)):
            shapes.append(())
    return shapes


def _axis_error(name, low, high, axis):
    rank = high + 1
    if name in _AXIS_KERNELS:
        return op_error(
            _AXIS_KERNELS[name],
            "Invalid reduction dimension (%d for input with %d dimension(s)" % (axis, rank),
        )
    if name in _REDUCTIONS:
        return op_error(
            _REDUCTIONS[name],
            "Invalid reduction dimension (%d for input with %d dimension(s)" % (axis, rank),
        )
    if name in ("argmax", "argmin"):
        return op_error(
            "ArgMax" if name == "argmax" else "ArgMin",
            "Expected dimension in the range [%d, %d), but got %d" % (-rank, rank, axis),
        )
    if name in ("softmax", "log_softmax"):
        return InvalidArgumentError(
            None,
            None,
            "`dim` must be in the range [%d, %d) where %d is the number of dimensions in the "
            "input. Received: dim=%d" % (-rank, rank, rank, axis),
        )
    if name in ("cumsum", "cumprod"):
        # Keras' TF backend adds the rank to a negative axis once before the kernel checks it
        return op_error(
            "Cumsum" if name == "cumsum" else "Cumprod",
            "ScanOp: Expected scan axis in the range [%d, %d), but got %d"
            % (-rank, rank, axis + rank if axis < 0 else axis),
        )
    if name in ("sort", "argsort"):
        return op_error(
            "StridedSlice", "slice index %d of dimension 0 out of bounds." % axis, name=None
        )
    if name in _NUMPY_AXES:
        return ValueError("axis %d is out of bounds for an array with dimension %d." % (axis, rank))
    return op_error(
        "ConcatV2" if name == "concatenate" else name.title().replace("_", ""),
        "Expected axis in the range [%d, %d), but got %d" % (-rank, rank, axis),
    )


def _shape_error(name, args):
    shapes = _shapes(args)
    if name == "where" and len(shapes) == 3:
        return op_error(
            "SelectV2",
            "condition %s, then %s, and else %s must be broadcastable"
            % tuple(dims_text(s) for s in shapes),
        )
    if len(shapes) < 2:
        return None
    if name in ("matmul", "einsum", "dot"):
        return op_error(
            "MatMul",
            "Matrix size-incompatible: In[0]: %s, In[1]: %s"
            % (dims_text(shapes[0]), dims_text(shapes[1])),
        )
    if name == "heaviside":
        return op_error(
            "SelectV2",
            "condition %s, then %s, and else %s must be broadcastable"
            % (dims_text(shapes[0]), dims_text(shapes[0]), dims_text(shapes[1])),
        )
    return op_error(
        _BINARY.get(name) or _BROADCASTING.get(name, "BroadcastTo"),
        "Incompatible shapes: %s vs. %s" % (dims_text(shapes[0]), dims_text(shapes[1])),
    )


def translate(error, name, args):
    """TF's error for torch's ``error`` raised by Keras op (or layer) ``name`` called with
    positional ``args``; None when it is not a torch failure this recognises."""
    if isinstance(error, (OpError, torch.OutOfMemoryError)):
        return None
    if not isinstance(error, (RuntimeError, IndexError)):
        return None
    text = str(error)
    if _UNSUPPORTED_DTYPE.search(text):
        dtype = _first_dtype(args)
        if dtype is None:
            return None
        opname = _KERNELS.get(name) or _BINARY.get(name) or name.title().replace("_", "")
        return attr_error(opname, dtype)
    if isinstance(error, NotImplementedError):  # torchkeras' own refusals
        return None
    found = _DUPLICATE.search(text)
    if found and name in _DUPLICATE_AXES:
        return op_error(
            _DUPLICATE_AXES[name],
            "Invalid reduction arguments: Axes contains duplicate dimension: %s" % found.group(1),
        )
    if found and name == "flip":
        return op_error(
            "ReverseV2", "axis %s specified more than once." % found.group(1), name=None
        )
    found = _AXIS.search(text)
    if found:
        return _axis_error(name, *(int(g) for g in found.groups()))
    if "must match the size of tensor" in text or "broadcast" in text or "size mismatch" in text:
        return _shape_error(name, args)
    if "subscript" in text and "does not broadcast" in text:
        return _shape_error("einsum", args[1:])
    if "mat1 and mat2 shapes cannot be multiplied" in text or "contracted dimensions" in text:
        return _shape_error("matmul", args)
    if isinstance(error, torch.linalg.LinAlgError) or "singular" in text:
        if name == "cholesky":
            return ValueError("Cholesky decomposition failed: Cholesky : Tensor had NaN values")
        return op_error("MatrixInverse", "Input is not invertible.")
    if "selected index k out of range" in text and args:
        return op_error(
            "TopKV2",
            "input must have at least k columns. Had %d, needed %d"
            % (args[0].shape[-1], int(args[1]) if len(args) > 1 else 1),
        )
    found = re.search(r"negative dimension (-?\d+)", text)
    if found:
        return op_error("Fill", "Dimension %s must be >= 0" % found.group(1))
    if "step must be nonzero" in text:
        return op_error("Range", "Requires delta != 0: 0")
    return None


def reraise(error, name, args):
    """Raises TF's error for ``error`` (see :func:`translate`), or ``error`` itself."""
    translated = translate(error, name, args)
    if translated is None:
        raise error
    raise translated from None


def translating(fn, name=None):
    """``fn`` (a Keras op) raising TF's errors for torch's failures (see :func:`translate`)."""
    name = name or fn.__name__

    @functools.wraps(fn)
    def op(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (RuntimeError, IndexError) as error:
            reraise(error, name, args)
        except StringInputError as error:
            return strings_outcome(error, name, args, kwargs)

    return op
