"""More ``keras.ops`` numpy-like ops: nan_to_num, isclose, trace, signbit, logaddexp,
hypot, inner/vdot, bincount, quantile/median, digitize, cross."""

import math

import numpy as np
import torch

from ...framework import dtypes
from ...framework.op_errors import (
    attr_error,
    broadcast_shapes,
    cannot_convert,
    dims_text,
    kernel_name,
    op_error,
)

from ...ops._args import axis_list, canonicalize_axis
from ...ops.bincount_ops import bincount as _tf_bincount
from ...ops import cast_ops as _tf_cast
from ...ops import math_ops as _tf_math
from ...ops.comparison_ops import where as _tf_where
from ...framework.convert import constant, to_torch
from ...framework.dtypes import from_torch
from ...framework.tensor import TensorOperators
from ._base import TORCH, float_of, floatx_torch, promoted, storage, unaliased, wrap
from ._dtypes import NAME, result_type
from ...api_export import keras_export

__all__ = [
    "nan_to_num",
    "isclose",
    "trace",
    "signbit",
    "copy",
    "logaddexp",
    "exp2",
    "hypot",
    "inner",
    "vdot",
    "bincount",
    "quantile",
    "percentile",
    "median",
    "digitize",
    "cross",
    "logspace",
]


@keras_export("keras.ops.nan_to_num", "keras.ops.numpy.nan_to_num")
def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    """NaN -> ``nan``, +inf -> ``posinf`` (dtype max), -inf -> ``neginf`` (dtype min); integers
    and bools unchanged, complex numbers refused (``IsNan``'s error), as Keras' TF backend.
    Replacements that are no finite Python numbers take its steps (see :func:`_in_turn`)."""
    x = unaliased(x)
    if not x.is_floating_point():
        if x.is_complex():
            raise attr_error("IsNan", x)
        return wrap(x)
    big = _LARGEST[x.dtype]
    if (
        _finite(nan, big)
        and (posinf is None or _finite(posinf, big))
        and (neginf is None or _finite(neginf, big))
    ):
        return wrap(torch.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf))
    return _in_turn(x, nan, posinf, neginf, big)


_LARGEST = {
    dtype: torch.finfo(dtype).max
    for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64)
}
"""Each float dtype's largest value (Keras' default ``posinf``)."""


def _finite(value, big):
    """Whether ``value`` is a Python number finite in a dtype whose largest value is ``big``
    (then Keras' steps together are ``torch.nan_to_num``)."""
    kind = type(value)
    return (kind is float or kind is int) and -big <= value <= big


def _in_turn(x, nan, posinf, neginf, big):
    """Keras' TF backend's ``nan_to_num``: NaN, then +inf, then -inf replaced in turn with
    ``tf.where`` by ``tf.constant(value, x.dtype)`` (TF's conversion and broadcast errors; a
    replacement that is itself infinite is replaced again by the later steps)."""
    dtype = from_torch(x.dtype)
    result = wrap(x)
    steps = (
        (torch.isnan, nan),
        (torch.isposinf, big if posinf is None else posinf),
        (torch.isneginf, -big if neginf is None else neginf),
    )
    for test, value in steps:
        result = _tf_where(wrap(test(result._value)), constant(value, dtype), result)
    return result


@keras_export("keras.ops.isclose", "keras.ops.numpy.isclose")
def isclose(x1, x2, rtol=1e-5, atol=1e-8, equal_nan=False):
    """``|x1 - x2| <= atol + rtol * |x2|`` for floats (infinities are never close, as in Keras' TF
    backend); equality for other dtypes.  Tensor tolerances convert to the operands' dtype
    (TF's errors for strings and None); operands that do not broadcast get ``Sub``'s error."""
    a, b = promoted(storage(x1), storage(x2))
    if not a.is_floating_point():
        return wrap(torch.eq(a, b))
    broadcast_shapes("Sub", a.shape, b.shape, a)
    rtol, atol = _tolerance(rtol, a), _tolerance(atol, a)
    result = torch.abs(a - b) <= atol + rtol * torch.abs(b)
    if equal_nan:
        result = result | (torch.isnan(a) & torch.isnan(b))
    return wrap(result)


def _tolerance(value, like):
    """A tolerance of ``isclose``/``allclose``: Python numbers as they are, anything else
    converted to ``like``'s dtype as TF converts the operand of a tensor product."""
    if type(value) is int or type(value) is float:
        return value
    return to_torch(value, from_torch(like.dtype)).to(like.device)


def all_close(x1, x2, rtol, atol, equal_nan):
    """``keras.ops.allclose``: whether every element pair is close (a 0-d bool tensor), as
    Keras' TF backend: finite
    pairs within ``atol + rtol * |x2|`` or equal ones (so equal infinities count), NaN pairs
    with ``equal_nan``; equality for non-float dtypes.  Operands that do not broadcast get
    ``LogicalAnd``'s error (TF checks finiteness first)."""
    a, b = promoted(storage(x1), storage(x2))
    if not a.is_floating_point():
        broadcast_shapes("Equal", a.shape, b.shape, a)
        return wrap(torch.all(torch.eq(a, b)))
    broadcast_shapes("LogicalAnd", a.shape, b.shape, a)
    rtol, atol = _tolerance(rtol, a), _tolerance(atol, a)
    finite = torch.isfinite(a) & torch.isfinite(b)
    result = (finite & (torch.abs(a - b) <= atol + rtol * torch.abs(b))) | torch.eq(a, b)
    if equal_nan:
        result = result | (torch.isnan(a) & torch.isnan(b))
    return wrap(torch.all(result))


@keras_export("keras.ops.trace", "keras.ops.numpy.trace")
def trace(x, offset=0, axis1=0, axis2=1):
    """Sum of the ``offset`` diagonal of the ``axis1``/``axis2`` planes (bool/int8/int16 -> int32,
    uint8/uint16 -> uint32).  Checked as Keras' TF backend runs it: the axes moved last with
    Keras' ``moveaxis`` (its errors), ``offset`` an int32 (TF's conversion error) that leaves
    its ``eye`` a size >= 0 (else ``Fill``'s error)."""
    from ._numpy_array import moveaxis

    x = storage(x)
    moveaxis(x, (axis1, axis2), (-2, -1))
    if isinstance(offset, (float, str, bytes, np.floating)):
        raise cannot_convert(offset, dtypes.int32)
    if np.ndim(offset):  # its eye pads with an array: the paddings do not stack
        raise op_error(
            "ConcatV2",
            "ConcatOp : Ranks of all input tensors should match: shape[0] = [0] vs. shape[1] = "
            "%s" % dims_text((1,) + tuple(np.shape(offset))),
        )
    if isinstance(offset, (int, np.integer)) and offset != 0:
        size = min(x.shape[axis2] - offset, x.shape[axis1] + offset)
        if size < 0:
            raise op_error("Fill", "Dimension %d must be >= 0" % size)
    widen = {
        torch.bool: torch.int32,
        torch.int8: torch.int32,
        torch.int16: torch.int32,
        torch.uint8: torch.int64,
        torch.uint16: torch.int64,
    }
    target = widen.get(x.dtype, x.dtype)
    out = torch.sum(torch.diagonal(x.to(target), offset, axis1, axis2), dim=-1, dtype=target)
    return wrap(out.to(torch.uint32) if x.dtype in (torch.uint8, torch.uint16) else out)


@keras_export("keras.ops.signbit", "keras.ops.numpy.signbit")
def signbit(x):
    """True where the sign bit is set (``-0.0`` included)."""
    x = storage(x)
    if x.dtype is torch.bool:
        return wrap(torch.zeros_like(x))
    return wrap(torch.signbit(x))


@keras_export("keras.ops.copy", "keras.ops.numpy.copy")
def copy(x):
    """A copy of ``x``."""
    return wrap(storage(x).clone())


@keras_export("keras.ops.logaddexp", "keras.ops.numpy.logaddexp")
def logaddexp(x1, x2):
    """``log(exp(x1) + exp(x2))`` in ``result_type(x1, x2, float)``."""
    a, b = promoted(storage(x1), storage(x2), float)
    return wrap(torch.logaddexp(a, b))


@keras_export("keras.ops.exp2", "keras.ops.numpy.exp2")
def exp2(x):
    """``2 ** x``; integer/bool inputs become floatx."""
    return wrap(torch.exp2(float_of(storage(x))))


@keras_export("keras.ops.hypot", "keras.ops.numpy.hypot")
def hypot(x1, x2):
    """``sqrt(x1 ** 2 + x2 ** 2)``; small integers give floatx, int64 float64."""
    a, b = storage(x1), storage(x2)
    name = result_type(NAME[a.dtype], NAME[b.dtype])
    target = (
        torch.float64 if name == "int64" else (floatx_torch() if "int" in name else TORCH[name])
    )
    return wrap(torch.hypot(a.to(target), b.to(target)))


def _contract(a, b, flatten):
    result = TORCH[result_type(NAME[a.dtype], NAME[b.dtype])]
    compute = TORCH[result_type(NAME[a.dtype], NAME[b.dtype], float)]
    a, b = a.to(compute), b.to(compute)
    if flatten:
        if a.numel() != b.numel():  # Keras' TF backend: tensordot's [1, n] x [m, 1] MatMul
            text = "Matrix size-incompatible: In[0]: [1,%d], In[1]: [%d,1]" % (a.numel(), b.numel())
            raise op_error("MatMul", text, a, kernel=kernel_name("MatMul", a))
        out = torch.dot(a.reshape(-1), b.reshape(-1))
    elif a.dim() == 0 or b.dim() == 0:
        out = a * b
    else:
        out = torch.tensordot(a, b, dims=([-1], [-1]))
    return wrap(out.to(result))


@keras_export("keras.ops.inner", "keras.ops.numpy.inner")
def inner(x1, x2):
    """Sum of products over the last axes (a product for scalars).  Last axes of different
    lengths get the ``MatMul`` error of Keras' TF backend (``tf.tensordot`` of the operands
    reshaped to ``[free, contracted]`` and ``[contracted, free]``)."""
    a, b = storage(x1), storage(x2)
    if a.dim() and b.dim() and a.shape[-1] != b.shape[-1]:
        rows, k1, k2 = a.numel() // max(a.shape[-1], 1), a.shape[-1], b.shape[-1]
        text = "Matrix size-incompatible: In[0]: [%d,%d], In[1]: [%d,%d]" % (
            rows,
            k1,
            k2,
            b.numel() // max(k2, 1),
        )
        raise op_error("MatMul", text, a, kernel="_MklMatMul")
    return _contract(a, b, False)


@keras_export("keras.ops.vdot", "keras.ops.numpy.vdot")
def vdot(x1, x2):
    """Dot product of the flattened inputs; inputs of different sizes get the ``MatMul`` error
    of Keras' TF backend (a ``[1, n] x [m, 1]`` product)."""
    return _contract(storage(x1), storage(x2), True)


@keras_export("keras.ops.bincount", "keras.ops.numpy.bincount")
def bincount(x, weights=None, minlength=0, sparse=False):
    """Counts (int32) or summed ``weights`` per non-negative integer value of 1-D or 2-D ``x``
    (2-D: per row).  Arguments TF refuses (negative values, ``weights`` of another shape, a
    non-int ``minlength``) get ``tf.math.bincount``'s errors, as Keras' TF backend runs it."""
    if sparse:
        raise ValueError("torchkeras has no sparse tensors: `sparse=True` is not supported.")
    x = storage(x)
    w = None if weights is None else storage(weights)
    if (
        not isinstance(minlength, int)
        or (x.numel() and int(x.min()) < 0)
        or (w is not None and w.numel() and w.shape != x.shape)
    ):
        arr = wrap(x if x.dtype in (torch.int32, torch.int64) else x.to(torch.int32))
        kept = (torch.int32, torch.int64, torch.float32, torch.float64)
        if w is not None and w.dtype not in kept:
            w = w.to(torch.float32 if w.is_floating_point() else torch.int32)
        _tf_bincount(arr, None if w is None else wrap(w), minlength=minlength, axis=-1)
    x = x.to(torch.int64)
    dtype = (
        TORCH["int32"] if w is None else TORCH[result_type(NAME[storage(x).dtype], NAME[w.dtype])]
    )
    length = max(int(minlength), int(x.max()) + 1 if x.numel() else 0)
    if x.dim() == 2 and not x.shape[0]:
        return wrap(torch.zeros((0, length), dtype=dtype, device=x.device))
    if x.dim() == 1:
        out = torch.bincount(
            x, weights=None if w is None else w.to(torch.float64), minlength=length
        )
        return wrap(out.to(dtype))
    rows = [
        torch.bincount(r, weights=None if w is None else wr.to(torch.float64), minlength=length)
        for r, wr in zip(x, w if w is not None else x)
    ]
    return wrap(torch.stack(rows).to(dtype))


@keras_export("keras.ops.quantile", "keras.ops.numpy.quantile")
def quantile(x, q, axis=None, method="linear", keepdims=False):
    """The ``q``-th quantiles along ``axis`` (NumPy's ``method`` names: linear, lower,
    higher, midpoint, nearest); integer inputs give floatx.  Computed as Keras' TF backend
    computes them (its index arithmetic, so a ``q`` outside ``[0, 1]`` extrapolates as there,
    its errors for bad axes, methods and empty inputs)."""
    x = float_of(storage(x))
    if isinstance(q, (str, bytes)) or (isinstance(q, np.ndarray) and q.dtype.kind in "OSU"):
        from ...ops.cast_ops import cast

        cast(q, dtypes.float64)  # TF's Cast refuses text
    return wrap(_tf_quantile(x, storage(q).to(torch.float64), axis_list(axis), method, keepdims))


def _tf_quantile(x, q, axis, method, keepdims):
    """Keras' TF backend's ``_quantile`` (tfp's percentile) on storages; ``q`` float64."""
    ndim = x.dim()
    if axis is None:
        y = x.reshape(-1)
    else:
        axis = [canonicalize_axis(a, ndim) for a in axis]
        other = sorted(set(range(ndim)).difference(axis))
        if len(other) + len(axis) != ndim:
            raise op_error(
                "Transpose",
                "transpose expects a vector of size %d. But input(1) is a vector of size %d"
                % (ndim, len(other) + len(axis)),
            )
        y = x.permute(other + list(axis)).reshape([x.shape[i] for i in other] + [-1])
    sorted_y = torch.sort(y, dim=-1).values
    size = y.shape[-1]
    if size == 0:
        raise op_error("GatherV2", "indices = -1 is not in [0, 0)")
    exact = (size - 1) * q

    def indices(rounding):
        return torch.clamp(rounding(exact).to(torch.int32), 0, size - 1).long()

    def gather(index):
        return sorted_y[..., index.reshape(-1)].reshape(sorted_y.shape[:-1] + index.shape)

    if method in ("nearest", "lower", "higher"):
        rounding = {"lower": torch.floor, "higher": torch.ceil, "nearest": torch.round}[method]
        gathered = gather(indices(rounding))
    elif method == "midpoint":
        gathered = 0.5 * (gather(indices(torch.floor)) + gather(indices(torch.ceil)))
    elif method == "linear":
        smaller = torch.clamp(indices(torch.ceil) - 1, min=0)
        larger = torch.clamp(smaller + 1, max=size - 1)
        fraction = (larger.to(torch.float64) - exact).to(y.dtype)
        gathered = gather(larger) * (1 - fraction) + gather(smaller) * fraction
    else:
        raise UnboundLocalError(
            "cannot access local variable 'gathered_y' where it is not associated with a value"
        )
    nan_rows = torch.isnan(x).any() if axis is None else torch.isnan(x).any(dim=tuple(axis))
    nan_rows = nan_rows.reshape(nan_rows.shape + (1,) * q.dim())
    gathered = torch.where(nan_rows, x.new_tensor(math.nan), gathered)
    if keepdims:
        if axis is None:
            gathered = gathered.reshape((1,) * ndim + tuple(gathered.shape))
        else:
            for i in sorted(axis):
                gathered = gathered.unsqueeze(i)
    if gathered.dim() < 2 or q.dim() % gathered.dim() == 0:
        return gathered
    shift = q.dim() % gathered.dim()
    perm = list(range(gathered.dim()))
    perm = perm[-shift:] + perm[:-shift]
    return gathered.permute(perm)


@keras_export("keras.ops.median", "keras.ops.numpy.median")
def median(x, axis=None, keepdims=False):
    """The median along ``axis`` (the mean of the two middle values for even counts)."""
    return quantile(x, 0.5, axis=axis, keepdims=keepdims)


@keras_export("keras.ops.digitize", "keras.ops.numpy.digitize")
def digitize(x, bins):
    """Index (int32) of the bin of each value: ``i`` with ``bins[i-1] <= x < bins[i]``.  As
    Keras' TF backend, ``bins`` is read as a list of Python floats (its errors for other
    values) and must be sorted (``Bucketize``'s error)."""
    x = storage(x)
    if not isinstance(bins, (TensorOperators, torch.Tensor)):
        bins = [float(b) for b in list(bins)]
    b = storage(bins)
    if b.numel() > 1 and bool(torch.any(b[1:] < b[:-1])):
        raise op_error("Bucketize", "Expected sorted boundaries", x)
    return wrap(torch.bucketize(x, b.to(x.dtype), right=True).to(torch.int32))


@keras_export("keras.ops.cross", "keras.ops.numpy.cross")
def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Cross product of 3-vectors (``axis`` overrides ``axisa``/``axisb``/``axisc``); promoted
    dtype.  As Keras' TF backend (and NumPy): 2-vectors get a zero third component, two of
    them give the scalar z component; the operands broadcast (``BroadcastArgs``' error)."""
    if axis is not None:
        axisa = axisb = axisc = axis
    a, b = promoted(storage(x1), storage(x2))
    for value, moved in ((a, axisa), (b, axisb)):
        if not -value.dim() <= moved < max(value.dim(), 0) or not value.dim():
            raise ValueError(
                f"axis {moved} is out of bounds for an array with dimension {value.dim()}."
            )
    a, b = torch.movedim(a, axisa, -1), torch.movedim(b, axisb, -1)
    planar = a.shape[-1] == 2 and b.shape[-1] == 2
    a, b = _third_component(a), _third_component(b)
    try:
        shape = torch.broadcast_shapes(a.shape, b.shape)
    except RuntimeError:
        text = "Incompatible shapes: %s vs. %s" % (dims_text(a.shape), dims_text(b.shape))
        raise op_error("BroadcastArgs", text, a, name=None) from None
    c = torch.linalg.cross(a.broadcast_to(shape), b.broadcast_to(shape), dim=-1)
    return wrap(c[..., 2] if planar else torch.movedim(c, -1, axisc))


def _third_component(x):
    """A 2-vector ``x`` (last axis) with a zero third component (Keras' ``maybe_pad_zeros``)."""
    return torch.nn.functional.pad(x, (0, 1)) if x.shape[-1] == 2 else x


@keras_export("keras.ops.percentile", "keras.ops.numpy.percentile")
def percentile(x, q, axis=None, method="linear", keepdims=False):
    """:func:`quantile` with ``q`` in percent (converted to floatx first, as Keras' TF
    backend: its conversion errors)."""
    if isinstance(q, (str, bytes)):
        raise cannot_convert(q, dtypes.float32)
    q = storage(q).to(floatx_torch()) / 100
    return quantile(x, q, axis=axis, method=method, keepdims=keepdims)


@keras_export("keras.ops.logspace", "keras.ops.numpy.logspace")
def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    """``base ** linspace(start, stop, num)`` in the linspace result's dtype.  A ``base`` that is
    no Python number is cast to that dtype and raised with ``tf.pow``, as Keras' TF backend
    (TF's cast and broadcast errors)."""
    from ._numpy_array import linspace

    exponents = linspace(start, stop, num=num, endpoint=endpoint, dtype=dtype, axis=axis)
    if type(base) is not int and type(base) is not float:
        return _tf_math.pow(_tf_cast.cast(base, exponents.dtype), exponents)
    exponents = exponents._value
    return wrap(
        torch.pow(torch.tensor(base, dtype=exponents.dtype, device=exponents.device), exponents)
    )
