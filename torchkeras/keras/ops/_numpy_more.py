"""Further ``keras.ops`` numpy-like ops: rounding and angle helpers, NaN-ignoring
reductions, splitting/stacking variants, kron, searchsorted, select."""

import math
import operator

import numpy as np
import torch

from ._base import float_of, floatx_torch, promoted, promoted_all, storage, unaliased, wrap
from ._dtypes import NAME
from ._strings import StringInputError
from ..backend.traceback_utils import inject_call_info
from ...framework import dtypes
from ...framework.op_errors import attr_error, cannot_convert, op_error
from ...ops.shape_ops import reverse as _tf_reverse
from ...ops.sort_ops import searchsorted as _tf_searchsorted
from ...framework.convert import convert_to_tensor
from ...ops import creation_ops as _tf_creation
from ..backend.config import floatx
from ._numpy_array import concatenate, split
from ...api_export import keras_export
from ...ops._args import checked_axis_arg
from ...framework.op_errors import dims_text, op_error as _op_error

__all__ = [
    "trunc",
    "fabs",
    "deg2rad",
    "rad2deg",
    "cbrt",
    "sinc",
    "diff",
    "isneginf",
    "isposinf",
    "divide_no_nan",
    "logaddexp2",
    "ptp",
    "fmod",
    "heaviside",
    "kron",
    "searchsorted",
    "diagflat",
    "fliplr",
    "flipud",
    "rot90",
    "hsplit",
    "vsplit",
    "array_split",
    "dstack",
    "empty",
    "empty_like",
    "allclose",
    "nansum",
    "nanmean",
    "nanmax",
    "nanmin",
    "select",
    "slogdet",
]

_SMALL_INTS = ("bool", "int8", "int16", "int32", "uint8", "uint16", "uint32")


def _float_wide(x):
    """Keras' rule for deg2rad/heaviside: small ints -> floatx, int64 -> float64."""
    name = NAME[x.dtype]
    if name in _SMALL_INTS:
        return x.to(floatx_torch())
    return x.to(torch.float64) if name == "int64" else x


@keras_export("keras.ops.trunc", "keras.ops.numpy.trunc")
def trunc(x):
    """Rounds toward zero; integer and bool inputs are returned unchanged."""
    x = unaliased(x)
    return wrap(torch.trunc(x) if x.is_floating_point() else x)


@keras_export("keras.ops.fabs", "keras.ops.numpy.fabs")
def fabs(x):
    """``|x|`` as floats (integer/bool inputs become floatx)."""
    return wrap(torch.abs(float_of(storage(x))))


@keras_export("keras.ops.deg2rad", "keras.ops.numpy.deg2rad")
def deg2rad(x):
    """Degrees to radians (small ints -> floatx, int64 -> float64)."""
    return wrap(torch.deg2rad(_float_wide(storage(x))))


@keras_export("keras.ops.rad2deg", "keras.ops.numpy.rad2deg")
def rad2deg(x):
    """Radians to degrees (small ints -> floatx, int64 -> float64)."""
    return wrap(torch.rad2deg(_float_wide(storage(x))))


@keras_export("keras.ops.cbrt", "keras.ops.numpy.cbrt")
def cbrt(x):
    """Real cube root (int64 -> float64, other non-float16/bfloat16/float64 -> floatx)."""
    x = storage(x)
    if x.dtype is torch.int64:
        x = x.to(torch.float64)
    elif x.dtype not in (torch.bfloat16, torch.float16, torch.float64):
        x = x.to(floatx_torch())
    return wrap(torch.sign(x) * torch.pow(torch.abs(x), 1.0 / 3.0))


@keras_export("keras.ops.sinc", "keras.ops.numpy.sinc")
def sinc(x):
    """``sin(pi x) / (pi x)``, 1 at 0."""
    x = float_of(storage(x))
    return wrap(torch.sinc(x))


@keras_export("keras.ops.diff", "keras.ops.numpy.diff")
def diff(a, n=1, axis=-1):
    """``n``-th discrete difference along ``axis``.  Keras runs it as the ``Diff`` operation,
    so its errors carry ``Diff.call()``'s context, as Keras' TF backend raises them."""
    try:
        return _diff(a, n, axis)
    except Exception as error:  # noqa: BLE001 - Keras' Operation call wraps every error
        raise inject_call_info(error, _diff_signature, (a,), {}, "Diff.call()") from None


def _diff_signature(a):
    """The signature of Keras' ``Diff.call`` (whose arguments its errors list)."""


def _diff(a, n, axis):
    try:
        a = unaliased(a)
    except StringInputError:
        raise attr_error("Sub", dtypes.string) from None
    if n == 0:
        return wrap(a)
    if n < 0:
        raise ValueError(f"Order `n` must be non-negative. Received n={n}")
    if a.dim() == 0:
        raise ValueError(
            f"`diff` requires input that is at least one dimensional. Received: a={wrap(a)}"
        )
    axis = operator.index(axis)
    if not -a.dim() <= axis < a.dim():
        raise ValueError(f"axis {axis} is out of bounds for an array with dimension {a.dim()}.")
    for _ in range(n):
        a = torch.diff(a, dim=axis)
    return wrap(a)


@keras_export("keras.ops.isneginf", "keras.ops.numpy.isneginf")
def isneginf(x):
    """True where ``x`` is -inf."""
    return wrap(torch.isneginf(storage(x)))


@keras_export("keras.ops.isposinf", "keras.ops.numpy.isposinf")
def isposinf(x):
    """True where ``x`` is +inf."""
    return wrap(torch.isposinf(storage(x)))


@keras_export("keras.ops.divide_no_nan", "keras.ops.numpy.divide_no_nan")
def divide_no_nan(x1, x2):
    """``x1 / x2``, 0 where ``x2`` is 0; in ``result_type(x1, x2, float)``."""
    a, b = promoted(x1, x2, float)
    return wrap(torch.where(b == 0, torch.zeros((), dtype=a.dtype, device=a.device), a / b))


@keras_export("keras.ops.logaddexp2", "keras.ops.numpy.logaddexp2")
def logaddexp2(x1, x2):
    """``log2(2 ** x1 + 2 ** x2)`` in ``result_type(x1, x2, float)``."""
    a, b = promoted(storage(x1), storage(x2), float)
    return wrap(torch.logaddexp2(a, b))


@keras_export("keras.ops.ptp", "keras.ops.numpy.ptp")
def ptp(x, axis=None, keepdims=False):
    """``max - min`` along ``axis`` (an empty reduction is ``-inf - inf``, as in TF)."""
    x = storage(x)
    dims = _dims(x, axis, "Max")
    maximum = _extreme_or(torch.amax, x, dims, keepdims, -math.inf)
    return wrap(maximum - _extreme_or(torch.amin, x, dims, keepdims, math.inf))


def _dims(x, axis, op):
    """The reduced dims of Keras' ``axis`` on storage ``x`` (all of them for None), checked as
    TF's reduction ``op`` checks them."""
    dims = checked_axis_arg(axis, x, op)
    if dims is None:
        return tuple(range(x.dim()))
    return (dims,) if isinstance(dims, int) else dims


def _extreme_or(reducer, x, dims, keepdims, empty):
    """``reducer`` (torch.amax/amin) over ``dims``; ``empty`` (TF's identity of the reduction)
    where nothing is reduced, which torch refuses."""
    if x.numel() and dims:
        return reducer(x, dim=dims, keepdim=bool(keepdims))
    shape = torch.sum(x, dim=dims, keepdim=bool(keepdims)).shape if dims else x.shape
    if x.numel():
        return x.clone()
    return torch.full(shape, empty, dtype=x.dtype, device=x.device)


@keras_export("keras.ops.fmod", "keras.ops.numpy.fmod")
def fmod(x1, x2):
    """Remainder with the sign of ``x1`` (C's ``fmod``); bool computes as int32."""
    a, b = promoted(storage(x1), storage(x2))
    if a.dtype is torch.bool:
        a, b = a.to(torch.int32), b.to(torch.int32)
    return wrap(torch.fmod(a, b))


@keras_export("keras.ops.heaviside", "keras.ops.numpy.heaviside")
def heaviside(x1, x2):
    """0 where ``x1 < 0``, 1 where ``x1 > 0``, ``x2`` where ``x1 == 0``."""
    a, b = promoted(storage(x1), storage(x2))
    a, b = _float_wide(a), _float_wide(b)
    return wrap(torch.heaviside(a, b))


@keras_export("keras.ops.kron", "keras.ops.numpy.kron")
def kron(x1, x2):
    """Kronecker product; promoted dtype."""
    a, b = promoted(storage(x1), storage(x2))
    return wrap(torch.kron(a, b))


@keras_export("keras.ops.searchsorted", "keras.ops.numpy.searchsorted")
def searchsorted(sorted_sequence, values, side="left"):
    """Insertion indices (int32) of ``values`` into the 1-D ``sorted_sequence``: Keras' rank
    check, then ``tf.searchsorted`` (its errors: values of another dtype or rank 0, a bad
    ``side``)."""
    sorted_sequence = convert_to_tensor(sorted_sequence)
    values = convert_to_tensor(values)
    if sorted_sequence.ndim != 1:
        raise ValueError(
            "`searchsorted` only supports 1-D sorted sequences. You can use "
            "`keras.ops.vectorized_map` to extend it to N-D sequences. Received: "
            f"sorted_sequence.shape={sorted_sequence.shape}"
        )
    return _tf_searchsorted(sorted_sequence, values, side=side, out_type="int32")


@keras_export("keras.ops.diagflat", "keras.ops.numpy.diagflat")
def diagflat(x, k=0):
    """A square matrix with the flattened ``x`` on its ``k``-th diagonal (``k`` must be an
    int: TF's int32 conversion error)."""
    x = storage(x)
    if not isinstance(k, int):
        raise cannot_convert(k, "int32")
    return wrap(torch.diagflat(x, k))


@keras_export("keras.ops.fliplr", "keras.ops.numpy.fliplr")
def fliplr(x):
    """``x`` reversed along axis 1; as TF's ``reverse``, a 0-d ``x`` is returned as it is and
    a 1-D one refused (``ReverseV2``'s error)."""
    value = unaliased(x)
    if value.dim() < 2:
        return wrap(value) if value.dim() == 0 else _tf_reverse(wrap(value), [1])
    return wrap(torch.flip(value, (1,)))


@keras_export("keras.ops.flipud", "keras.ops.numpy.flipud")
def flipud(x):
    """``x`` reversed along axis 0."""
    return wrap(torch.flip(storage(x), (0,)))


@keras_export("keras.ops.rot90", "keras.ops.numpy.rot90")
def rot90(array, k=1, axes=(0, 1)):
    """``array`` rotated ``k`` quarter turns in the ``axes`` plane, as NumPy (Keras 3.15's TF
    backend gets ``k=2`` wrong on inputs of rank > 3; this does not copy that).  ``k`` and
    ``axes`` are checked as that backend checks them (Python's errors for odd values, TF's
    ``Transpose`` error for an axis out of range)."""
    x = storage(array)
    rank = x.dim()
    if rank < 2:
        raise ValueError(
            f"Input array must have at least 2 dimensions. Received: array.ndim={rank}"
        )
    if len(axes) != 2 or axes[0] == axes[1]:
        raise ValueError(f"Invalid axes: {axes}. Axes must be a tuple of two different dimensions.")
    k = k % 4
    if k == 0:
        return wrap(x)
    axes = tuple(axis if axis >= 0 else rank + axis for axis in axes)
    perm = [i for i in range(rank) if i not in axes] + list(axes)
    if len(perm) != rank:
        raise _op_error(
            "Transpose",
            "transpose expects a vector of size %d. But input(1) is a vector of size %d"
            % (rank, len(perm)),
        )
    if not isinstance(k, int):  # its loop runs ``range(k - 1)`` past one turn
        if k > 1:
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(k).__name__)
        k = 1
    return wrap(torch.rot90(x, k, axes))


@keras_export("keras.ops.hsplit", "keras.ops.numpy.hsplit")
def hsplit(x, indices_or_sections):
    """:func:`split` along axis 1 (axis 0 for 1-D ``x``).  Split indices go to TF's ``SplitV``
    as sizes, as Keras' TF backend passes them: a scalar is refused (``StridedSlice``), and
    indices out of order or past the end get ``SplitV``'s errors (NumPy gives empty parts)."""
    value = storage(x)
    axis = 0 if value.dim() == 1 else 1
    if not isinstance(indices_or_sections, int):
        _check_split_indices(indices_or_sections, value.shape[axis], value)
    return split(x, indices_or_sections, axis=axis)


_NO_SPLITS = (
    "Value for attr 'num_split' of 0 must be at least minimum 1\n\t; NodeDef: {{node SplitV}}; "
    "Op<name=SplitV; signature=value:T, size_splits:Tlen, split_dim:int32 -> "
    "output:num_split*T; attr=num_split:int,min=1; attr=T:type; "
    "attr=Tlen:type,default=DT_INT64,allowed=[DT_INT8, DT_INT32, DT_INT64]>"
)
"""TF's ``SplitV`` error for no split index at all (Keras' TF backend makes one size less)."""


def _check_split_indices(indices, total, like):
    """TF's errors for split ``indices`` (Keras' TF ``split`` turns them into ``SplitV`` sizes:
    the first index, the differences, the rest up to ``total``; a size of -1 is inferred)."""
    values = storage(indices).reshape(-1).tolist() if np.ndim(indices) else None
    if values is None:
        raise op_error(
            "StridedSlice", "Attempting to slice scalar input.", like, name="strided_slice/"
        )
    if not values:
        raise op_error("SplitV", _NO_SPLITS, like, name="split", wrapped=False)
    sizes = [values[0]] + [b - a for a, b in zip(values, values[1:])] + [total - values[-1]]
    kernel = "SplitV_num_split_%d" % len(sizes)
    for index, size in enumerate(sizes):
        if size < -1:
            text = "Split size at index %d must be >= 0. Got: %d" % (index, size)
            raise op_error("SplitV", text, like, name="split", kernel=kernel)
    if -1 in sizes:
        determined = sum(size for size in sizes if size != -1)
        text = (
            "Determined shape must either match input shape along split_dim exactly if fully "
            "specified, or be less than the size of the input along split_dim if not fully "
            "specified.  Got: %d" % determined
        )
        raise op_error("SplitV", text, like, name="split", kernel=kernel)


@keras_export("keras.ops.vsplit", "keras.ops.numpy.vsplit")
def vsplit(x, indices_or_sections):
    """:func:`split` along axis 0."""
    return split(x, indices_or_sections, axis=0)


@keras_export("keras.ops.array_split", "keras.ops.numpy.array_split")
def array_split(x, indices_or_sections, axis=0):
    """``indices_or_sections`` near-equal parts along ``axis`` (the first ones one longer);
    Keras checks that it is a positive int and ``axis`` an int first."""
    if not isinstance(indices_or_sections, int):
        raise TypeError(
            "Argument `indices_or_sections` must be of type `int`. "
            f"Received: indices_or_sections={indices_or_sections}"
        )
    if indices_or_sections <= 0:
        raise ValueError(
            "Argument `indices_or_sections` must be a positive integer. "
            f"Received: indices_or_sections={indices_or_sections}"
        )
    if not isinstance(axis, int):
        raise TypeError(f"Argument `axis` must be of type `int`. Received: {axis}")
    x = storage(x)
    total = x.shape[axis]
    size, extra = divmod(total, indices_or_sections)
    sizes = [size + 1] * extra + [size] * (indices_or_sections - extra)
    return [wrap(p) for p in torch.split(x, sizes, dim=axis)]


@keras_export("keras.ops.dstack", "keras.ops.numpy.dstack")
def dstack(xs):
    """Stacks along axis 2 after promoting 0-D/1-D/2-D inputs to 3-D."""
    values = promoted_all(xs)
    return concatenate(
        [
            v.reshape(1, -1, 1) if v.dim() <= 1 else (v.unsqueeze(-1) if v.dim() == 2 else v)
            for v in values
        ],
        axis=2,
    )


@keras_export("keras.ops.empty", "keras.ops.numpy.empty")
def empty(shape, dtype=None):
    """A tensor of ``shape`` (floatx unless ``dtype``); its values are zeros here.  Arguments
    the fast path refuses go to ``tf.zeros`` as Keras' TF backend passes them (TF's errors)."""
    from ._numpy_array import zeros

    try:
        return zeros(shape, dtype)
    except (TypeError, ValueError, KeyError, RuntimeError):
        return _tf_creation.zeros(shape, dtype=dtype or floatx())


@keras_export("keras.ops.empty_like", "keras.ops.numpy.empty_like")
def empty_like(x, dtype=None):
    """A tensor with ``x``'s shape (and dtype unless ``dtype``); zeros here."""
    from ._numpy_array import zeros_like

    return zeros_like(x, dtype)


@keras_export("keras.ops.allclose", "keras.ops.numpy.allclose")
def allclose(x1, x2, rtol=1e-5, atol=1e-8, equal_nan=False):
    """Whether every element pair is close (a 0-d bool tensor): see
    :func:`._numpy_extra.all_close` (Keras' TF backend's rule and errors)."""
    from ._numpy_extra import all_close

    return all_close(x1, x2, rtol, atol, equal_nan)


def _without_nan(x, fill):
    return (
        torch.where(torch.isnan(x), torch.as_tensor(fill, dtype=x.dtype, device=x.device), x)
        if x.is_floating_point()
        else x
    )


@keras_export("keras.ops.nansum", "keras.ops.numpy.nansum")
def nansum(x, axis=None, keepdims=False):
    """:func:`sum` treating NaN as 0."""
    from ._numpy_reduction import sum as _sum

    return _sum(_without_nan(storage(x), 0), axis=axis, keepdims=keepdims)


@keras_export("keras.ops.nanmean", "keras.ops.numpy.nanmean")
def nanmean(x, axis=None, keepdims=False):
    """:func:`mean` of the non-NaN elements (NaN where there are none)."""
    x = storage(x)
    if axis == () or axis == []:
        return wrap(x)
    if not x.is_floating_point():
        from ._numpy_reduction import mean

        return mean(x.to(torch.float32), axis=axis, keepdims=keepdims)
    dims = _dims(x, axis, "Sum")
    return wrap(torch.nanmean(x, dim=dims, keepdim=bool(keepdims)))


@keras_export("keras.ops.nanmax", "keras.ops.numpy.nanmax")
def nanmax(x, axis=None, keepdims=False):
    """:func:`max` ignoring NaN (NaN where every element is)."""
    return _nan_extreme(x, axis, keepdims, -math.inf, torch.amax)


@keras_export("keras.ops.nanmin", "keras.ops.numpy.nanmin")
def nanmin(x, axis=None, keepdims=False):
    """:func:`min` ignoring NaN (NaN where every element is)."""
    return _nan_extreme(x, axis, keepdims, math.inf, torch.amin)


def _nan_extreme(x, axis, keepdims, fill, reducer):
    x = storage(x)
    if not x.is_floating_point():
        from ._numpy_reduction import max as _max, min as _min

        return (_max if reducer is torch.amax else _min)(x, axis=axis, keepdims=keepdims)
    dims = _dims(x, axis, "Max" if reducer is torch.amax else "Min")
    out = _extreme_or(reducer, _without_nan(x, fill), dims, keepdims, fill)
    all_nan = torch.all(torch.isnan(x), dim=dims, keepdim=bool(keepdims))
    return wrap(torch.where(all_nan, torch.full_like(out, math.nan), out))


@keras_export("keras.ops.select", "keras.ops.numpy.select")
def select(condlist, choicelist, default=0):
    """The element of the first ``choicelist`` entry whose condition holds, else ``default``;
    both lists are checked as Keras checks them (lists or tuples, not empty)."""
    if not isinstance(condlist, (list, tuple)) or not isinstance(choicelist, (list, tuple)):
        raise ValueError(
            "condlist and choicelist must be lists. Received: "
            f"type(condlist) = {type(condlist)}, type(choicelist) = {type(choicelist)}"
        )
    condlist, choicelist = list(condlist), list(choicelist)
    if not condlist or not choicelist:
        raise ValueError(
            "condlist and choicelist must not be empty. Received: "
            f"condlist = {condlist}, choicelist = {choicelist}"
        )
    choices = promoted_all(list(choicelist) + [default])
    out = choices[-1]
    for cond, choice in reversed(list(zip(condlist, choices[:-1]))):
        cond = storage(cond).to(torch.bool)
        try:
            torch.broadcast_shapes(*(np.shape(t) for t in (cond, choice, out)))
        except RuntimeError:
            raise _op_error(
                "SelectV2",
                "condition %s, then %s, and else %s must be broadcastable"
                % tuple(dims_text(np.shape(t)) for t in (cond, choice, out)),
            ) from None
        out = torch.where(cond, choice, out)
    return wrap(out)


@keras_export("keras.ops.slogdet", "keras.ops.numpy.slogdet")
def slogdet(x):
    """``(sign, log|det|)`` of the last two axes (TF's ``LogMatrixDeterminant`` errors)."""
    from .linalg import _kernel_matrices

    x = _kernel_matrices(float_of(storage(x)), "LogMatrixDeterminant")
    sign, logabs = torch.linalg.slogdet(x)
    return wrap(sign), wrap(logabs)
