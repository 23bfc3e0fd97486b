"""``keras.ops`` array creation and manipulation (arange, full, reshape, concatenate,
take, pad, ...) plus products (dot, matmul, einsum), with Keras' argument names and
dtype rules.  Shape errors TF reports are raised by reusing torchkeras' tf ops."""

import operator
import string

import numpy as np
import torch

from ...ops import matmul_ops as _tf_matmul
from ...ops.sort_ops import sort_with_indices
from ...framework import device as _device
from ...framework import dtypes
from ...framework.tensor import TensorOperators
from ...framework.op_errors import attr_error, cannot_convert, dims_text, op_error
from ..backend import config
from ..backend.traceback_utils import inject_call_info
from ...ops._args import axis_list, canonicalize_axis, shape_arg
from ...ops import gather_ops as _tf_gather
from ...ops import shape_ops as _tf_shape
from ...ops import cast_ops as _tf_cast
from ...ops import creation_ops as _tf_creation
from ...ops import shape_query_ops as _tf_shape_query
from ...framework.convert import convert_to_tensor
from ._base import TORCH, floatx_torch, promoted, promoted_all, storage, unaliased, wrap
from ._dtypes import NAME, result_type, standardize_dtype
from ._strings import StringInputError
from ...api_export import keras_export

__all__ = [
    "arange",
    "array",
    "eye",
    "identity",
    "full",
    "full_like",
    "ones",
    "ones_like",
    "zeros",
    "zeros_like",
    "linspace",
    "diag",
    "diagonal",
    "tri",
    "tril",
    "triu",
    "append",
    "broadcast_to",
    "concatenate",
    "hstack",
    "vstack",
    "stack",
    "expand_dims",
    "squeeze",
    "reshape",
    "ravel",
    "flip",
    "moveaxis",
    "swapaxes",
    "transpose",
    "pad",
    "repeat",
    "tile",
    "split",
    "take",
    "take_along_axis",
    "sort",
    "argsort",
    "dot",
    "matmul",
    "einsum",
    "tensordot",
    "outer",
    "ndim",
    "size",
    "nonzero",
    "roll",
    "meshgrid",
]


def _shape(shape):
    if isinstance(shape, int):
        return (shape,)
    return tuple(int(d) for d in shape)


def _new_shape(shape, op):
    """The shape of a new tensor, checked as Keras' TF backend's ``tf.fill``/``tf.broadcast_to``
    check it (``ops._args.shape_arg``: integer dims, none negative); an int is one dim."""
    dims = (shape,) if isinstance(shape, int) else tuple(shape)
    return shape_arg(dims, op, "" if op == "Fill" else None, bool_dims=True)


def _dtype_of_values(*values):
    keys = []
    for v in values:
        if isinstance(v, torch.Tensor):
            keys.append(NAME[v.dtype])
        elif hasattr(v, "_value"):
            keys.append(NAME[v._value.dtype])
        elif v is int or v is float or isinstance(v, np.ndarray):
            keys.append(v if isinstance(v, type) else v.dtype.name)
        else:
            keys.append(type(v))
    return result_type(*keys)


_FLOAT_DTYPES = frozenset(("float16", "float32", "float64", "bfloat16"))
"""Keras' ``dtypes.FLOAT_TYPES`` (an argument with such a ``dtype`` is no size)."""


def _range_scalar(v):
    """Whether ``v`` is an ``arange`` argument the fast path takes: a Python number, ``None``
    or a one-element tensor."""
    if v is None or type(v) is int or type(v) is float:
        return True
    if hasattr(v, "_value") or isinstance(v, torch.Tensor):
        value = getattr(v, "_value", v)
        return isinstance(value, torch.Tensor) and value.dim() == 0
    return False


def _scalar(v):
    return v.item() if hasattr(v, "_value") or isinstance(v, torch.Tensor) else v


@keras_export("keras.ops.arange", "keras.ops.numpy.arange")
def arange(start, stop=None, step=None, dtype=None):
    """``[start, stop)`` by ``step``; dtype from Keras' promotion of the arguments
    (``arange(3)`` is int32, ``arange(0.5)`` float32).  Arguments TF's ``tf.range`` refuses
    (arrays, strings, a float step for an integer dtype, a step away from ``stop``) get its
    errors."""
    if dtype is None:
        given = [v for v in (start, stop, step) if v is not None]
        if start is None:
            raise ValueError("Invalid dtype: NoneType")  # Keras' result_type of type(None)
        strings = all(isinstance(v, str) for v in given)
        dtype = "string" if strings else _dtype_of_values(*given)
    dtype = standardize_dtype(dtype)
    if dtype not in TORCH or not all(map(_range_scalar, (start, stop, step))):
        return _tf_creation.range(start, stop, 1 if step is None else step, dtype)
    target = TORCH[dtype]
    start, stop, step = _scalar(start), _scalar(stop), _scalar(step)
    if stop is None:
        start, stop = 0, start
    delta = 1 if step is None else step
    refused = (delta > 0 and start > stop) or (delta < 0 and start < stop)
    if refused or (not target.is_floating_point and float in map(type, (start, stop, delta))):
        return _tf_creation.range(start, stop, delta, dtype)
    return wrap(
        torch.arange(start, stop, 1 if step is None else step, device=_device.current()).to(target)
    )


@keras_export("keras.ops.array", "keras.ops.numpy.array")
def array(x, dtype=None):
    """Alias of ``convert_to_tensor(x, dtype)``."""
    return wrap(unaliased(x, dtype))


@keras_export("keras.ops.eye", "keras.ops.numpy.eye")
def eye(N, M=None, k=0, dtype=None):  # noqa: N803 - Keras' names
    """An ``N x M`` matrix with ones on the ``k``-th diagonal (floatx unless ``dtype``).  As
    Keras' TF backend: float sizes are refused, ``k == 0`` is ``tf.eye`` (its errors for other
    sizes and dtypes), another ``k`` builds an eye of ``min(M - k, N + k)`` rows first."""
    if isinstance(N, float) or getattr(N, "dtype", None) in _FLOAT_DTYPES:
        raise TypeError("Argument `N` must be an integer or an integer tensor.")
    if isinstance(M, float) or getattr(M, "dtype", None) in _FLOAT_DTYPES:
        raise TypeError("Argument `M` must be an integer, an integer tensor, or `None`.")
    M = N if M is None else M
    dtype = standardize_dtype(dtype)
    if type(N) is not int or type(M) is not int or dtype not in TORCH:
        if isinstance(k, int) and k == 0:
            return _tf_creation.eye(N, M, dtype=dtype)
    if N < 0 or M < 0:
        raise op_error("Fill", "Dimension %d must be >= 0" % (N if N < 0 else M))
    if min(M - k, N + k) < 0:
        raise op_error("Fill", "Dimension %d must be >= 0" % min(M - k, N + k))
    rows = torch.arange(N, device=_device.current())[:, None]
    cols = torch.arange(M, device=_device.current())[None, :]
    return wrap((cols - rows == k).to(TORCH[standardize_dtype(dtype)]))


@keras_export("keras.ops.identity", "keras.ops.numpy.identity")
def identity(n, dtype=None):
    """The ``n x n`` identity matrix (floatx unless ``dtype``)."""
    return eye(n, n, dtype=dtype)


@keras_export("keras.ops.full", "keras.ops.numpy.full")
def full(shape, fill_value, dtype=None):
    """A tensor of ``shape`` filled with ``fill_value`` (floatx unless ``dtype``).  Arguments
    the torch path fails on run as Keras' TF backend does (``tf.broadcast_to`` of the
    converted value: TF's errors)."""
    try:
        value = storage(fill_value, standardize_dtype(dtype)).to(_device.current())
        return wrap(torch.broadcast_to(value, _new_shape(shape, "BroadcastTo")).clone())
    except (RuntimeError, TypeError, ValueError):
        value = convert_to_tensor(fill_value, dtype=standardize_dtype(dtype))
        return _tf_shape.broadcast_to(value, shape)


@keras_export("keras.ops.full_like", "keras.ops.numpy.full_like")
def full_like(x, fill_value, dtype=None):
    """A tensor with ``x``'s shape filled with ``fill_value`` (``x``'s dtype unless ``dtype``).
    Arguments the torch path fails on run as Keras' TF backend does (``tf.broadcast_to`` of
    the converted value: TF's errors)."""
    try:
        x = storage(x)
        value = storage(fill_value, dtype or NAME[x.dtype])
        return wrap(torch.broadcast_to(value.to(x.device), x.shape).clone())
    except (RuntimeError, TypeError, ValueError):
        x = convert_to_tensor(x)
        value = convert_to_tensor(fill_value, dtype=standardize_dtype(dtype) if dtype else x.dtype)
        return _tf_shape.broadcast_to(value, _tf_shape_query.shape(x))


@keras_export("keras.ops.ones", "keras.ops.numpy.ones")
def ones(shape, dtype=None):
    """Ones of ``shape`` (floatx unless ``dtype``): ``tf.ones`` as Keras' TF backend calls it
    (its reading of ``shape`` and ``dtype``, and its errors)."""
    from ...ops import creation_ops

    return creation_ops.ones(shape, dtype=dtype or config.floatx())


@keras_export("keras.ops.zeros", "keras.ops.numpy.zeros")
def zeros(shape, dtype=None):
    """Zeros of ``shape`` (floatx unless ``dtype``): ``tf.zeros`` as Keras' TF backend calls it
    (its reading of ``shape`` and ``dtype``, and its errors)."""
    from ...ops import creation_ops

    return creation_ops.zeros(shape, dtype=dtype or config.floatx())


@keras_export("keras.ops.ones_like", "keras.ops.numpy.ones_like")
def ones_like(x, dtype=None):
    """Ones with ``x``'s shape (and dtype unless ``dtype``): ``tf.ones_like`` (its errors for
    strings)."""
    return _filled_like(x, dtype, torch.ones_like, _tf_creation.ones_like)


@keras_export("keras.ops.zeros_like", "keras.ops.numpy.zeros_like")
def zeros_like(x, dtype=None):
    """Zeros with ``x``'s shape (and dtype unless ``dtype``): ``tf.zeros_like`` (empty strings
    for ``dtype="string"``)."""
    return _filled_like(x, dtype, torch.zeros_like, _tf_creation.zeros_like)


def _filled_like(x, dtype, fill, tf_fill):
    """``fill`` (a torch ``*_like``) of ``x``'s storage in ``dtype``; a string ``dtype``, which
    torch cannot hold, runs ``tf_fill`` (the tf core's ``tf.*_like``) as Keras' TF backend."""
    x = storage(x)
    if dtype is None:
        return wrap(fill(x))
    target = TORCH.get(standardize_dtype(dtype))
    if target is None:
        return tf_fill(wrap(x), dtypes.string)
    return wrap(fill(x, dtype=target))


@keras_export("keras.ops.linspace", "keras.ops.numpy.linspace")
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """``num`` evenly spaced values from ``start`` to ``stop`` (``result_type(start, stop,
    float)`` unless ``dtype``; integer dtypes are floored); ``retstep`` also returns the step.
    A ``num`` that is no integer, or an ``axis`` past the rank, gets ``tf.linspace``'s error (as
    Keras' TF backend runs it)."""
    if num < 0:
        raise ValueError(f"`num` must be a non-negative integer. Received: num={num}")
    name = standardize_dtype(dtype) if dtype is not None else _dtype_of_values(start, stop, float)
    compute = TORCH[name] if "float" in name else floatx_torch()
    lo, hi = storage(start, compute), storage(stop, compute)
    lo, hi = torch.broadcast_tensors(lo, hi)
    if not isinstance(num, int) or not -lo.dim() - 1 <= axis <= lo.dim():
        _tf_creation.linspace(wrap(lo), wrap(hi), num, axis=axis)
    div = (num - 1) if endpoint else num
    step = (hi - lo) / div if div > 0 else torch.full_like(lo, float("nan"))
    ticks = torch.arange(num, device=lo.device, dtype=compute).reshape((num,) + (1,) * lo.dim())
    out = lo + ticks * (step if div > 0 else 0)
    if endpoint and num > 1:
        out[-1] = hi
    out = torch.movedim(out, 0, axis) if lo.dim() else out
    if "int" in name:
        out = torch.floor(out)
    out = wrap(out.to(TORCH[name]))
    return (out, wrap(step)) if retstep else out


@keras_export("keras.ops.diag", "keras.ops.numpy.diag")
def diag(x, k=0):
    """The ``k``-th diagonal of a 2-D ``x`` (:func:`diagonal`'s checks), or the square matrix
    with 1-D ``x`` on it (``k`` must be an int, TF's int32 conversion)."""
    x = storage(x)
    if x.dim() not in (1, 2):
        raise ValueError(f"`x` must be 1d or 2d. Received: x.shape={tuple(x.shape)}")
    if x.dim() == 2:
        return _diagonal(x, k, 0, 1)
    if not isinstance(k, int):
        raise cannot_convert(k, "int32")
    return wrap(torch.diag(x, k))


@keras_export("keras.ops.diagonal", "keras.ops.numpy.diagonal")
def diagonal(x, offset=0, axis1=0, axis2=1):
    """The ``offset`` diagonal of the ``axis1``/``axis2`` planes, as a new last axis.  As
    Keras' TF backend: the axes are checked the NumPy way and must differ, an ``offset`` off
    the matrix raises ``MatrixDiagPartV3``'s bound error (NumPy returns an empty diagonal),
    a non-int ``offset`` TF's int32 conversion error."""
    return _diagonal(x, offset, axis1, axis2)


def _canonical_axis(axis, rank):
    """Keras' ``canonicalize_axis``: an int axis within ``[-rank, rank)``, made non-negative."""
    axis = operator.index(axis)
    if not -rank <= axis < rank:
        raise ValueError(f"axis {axis} is out of bounds for an array with dimension {rank}.")
    return axis % rank


def _diagonal(x, offset, axis1, axis2):
    rank = len(x.shape)
    first, second = _canonical_axis(axis1, rank), _canonical_axis(axis2, rank)
    if first == second:
        raise ValueError(
            f"`axis1` and `axis2` cannot be the same. Received: axis1={axis1}, axis2={axis2}"
        )
    x = storage(x)
    if not (offset == 0 and first == rank - 2 and second == rank - 1):
        if not isinstance(offset, int):
            raise cannot_convert(offset, "int32")
        rows = x.shape[first]
        if offset <= -rows or offset >= x.shape[second]:
            text = "lower_diag_index is out of bound: %d. It must be between %d and 0" % (
                offset,
                -rows,
            )
            raise op_error("MatrixDiagPartV3", text, x, name="diag_part")
    return wrap(torch.diagonal(x, offset, first, second).clone())


@keras_export("keras.ops.tri", "keras.ops.numpy.tri")
def tri(N, M=None, k=0, dtype=None):  # noqa: N803 - Keras' names
    """Ones at and below the ``k``-th diagonal (floatx unless ``dtype``), built as Keras' TF
    backend builds it (``tf.ones([N, M])`` and ``tf.linalg.band_part``: their errors)."""
    from ...ops import creation_ops
    from ...ops.linalg_ops import band_part

    M = M if M is not None else N
    dtype = standardize_dtype(dtype or config.floatx())
    if k < 0:
        lower = -k - 1
        if lower > N:
            return creation_ops.zeros([N, M], dtype=dtype)
        band = band_part(creation_ops.ones([N, M], dtype="bool"), lower, -1)
        return wrap((~band._value).to(TORCH[dtype]))
    ones = creation_ops.ones([N, M], dtype=dtype)
    return ones if k > M else band_part(ones, -1, k)


def _band_k(x, k, lower):
    """``k`` of ``tril`` (``lower``) or ``triu``, or the error Keras' TF backend gives: its
    ``MatrixBandPart`` kernel's for a rank below 2 or a band wider than the matrix, TF's
    conversion errors for text or float ``k``, NumPy's for an array ``k``."""
    if x.dim() < 2:
        raise op_error(
            "MatrixBandPart",
            "input must be at least 2-dim, received shape: %s" % dims_text(x.shape),
        )
    if isinstance(k, (str, bytes)):  # compared with 0 as a string tensor
        raise cannot_convert(0, dtypes.string)
    if np.ndim(k):
        raise ValueError(
            "The truth value of an array with more than one element is ambiguous. "
            "Use a.any() or a.all()"
        )
    if type(k) is float:  # band_part's int64 bound, or the mask's int32 arithmetic
        raise cannot_convert(k, dtypes.int64 if (k >= 0) == lower else dtypes.int32)
    if lower and 0 <= k and k > x.shape[-1]:
        raise op_error(
            "MatrixBandPart",
            "num_upper must be negative or less or equal to number of columns (%d) got: %d"
            % (x.shape[-1], k),
        )
    if not lower and k <= 0 and -k > x.shape[-2]:
        raise op_error(
            "MatrixBandPart",
            "num_lower must be negative or less or equal to number of rows (%d) got: %d"
            % (x.shape[-2], -k),
        )
    return int(k)


@keras_export("keras.ops.tril", "keras.ops.numpy.tril")
def tril(x, k=0):
    """Zeros above the ``k``-th diagonal of the last two axes; ``x`` and ``k`` are checked as
    Keras' TF backend's ``band_part``/mask branches check them (:func:`_band_k`)."""
    x = storage(x)
    return wrap(torch.tril(x, _band_k(x, k, True)))


@keras_export("keras.ops.triu", "keras.ops.numpy.triu")
def triu(x, k=0):
    """Zeros below the ``k``-th diagonal of the last two axes; ``x`` and ``k`` are checked as
    Keras' TF backend's ``band_part``/mask branches check them (:func:`_band_k`)."""
    x = storage(x)
    return wrap(torch.triu(x, _band_k(x, k, False)))


@keras_export("keras.ops.append", "keras.ops.numpy.append")
def append(x1, x2, axis=None):
    """``x2`` appended to ``x1`` along ``axis`` (both flattened when ``None``), promoted dtype."""
    a, b = promoted(storage(x1), storage(x2))
    if axis is None:
        return wrap(torch.cat([a.reshape(-1), b.reshape(-1)]))
    return _tf_shape.concat([a, b], axis)


@keras_export("keras.ops.broadcast_to", "keras.ops.numpy.broadcast_to")
def broadcast_to(x, shape):
    """``x`` broadcast to ``shape`` (TF's ``InvalidArgumentError`` when incompatible); a
    ``shape`` that is no sequence of ints goes to ``tf.broadcast_to`` as it is (TF's errors)."""
    if isinstance(shape, int) or (
        isinstance(shape, (tuple, list)) and all(type(d) is int for d in shape)
    ):
        shape = _shape(shape)
    return _tf_shape.broadcast_to(unaliased(x), shape)


@keras_export("keras.ops.concatenate", "keras.ops.numpy.concatenate")
def concatenate(xs, axis=0):
    """Joins ``xs`` along an existing ``axis`` after promoting them to a common dtype.  Keras
    first tests ``xs or ()`` for symbolic inputs: an array or tensor ``xs`` raises its truth
    error unless it has one element (then ``tf.concat`` returns it as it is)."""
    if isinstance(xs, (np.ndarray, TensorOperators)):
        bool(xs)  # noqa: B018 - Keras' truth test, with the array's own error
        return _tf_shape.concat(xs, axis)
    return _tf_shape.concat(promoted_all(xs), axis)


@keras_export("keras.ops.hstack", "keras.ops.numpy.hstack")
def hstack(xs):
    """Concatenation along axis 0 for 1-D inputs, else axis 1 (Keras reads ``xs[0]``: an empty
    ``xs`` raises its ``IndexError``)."""
    xs[0]  # noqa: B018 - Keras reads the first input's rank
    if isinstance(xs, (np.ndarray, TensorOperators)):  # tf.concat returns it as it is
        return _tf_shape.concat(xs, 0)
    values = promoted_all(xs)
    return _tf_shape.concat(values, 0 if values[0].dim() == 1 else 1)


@keras_export("keras.ops.vstack", "keras.ops.numpy.vstack")
def vstack(xs):
    """Concatenation along axis 0; an array or tensor ``xs`` (rows of one dtype) goes to
    ``tf.concat`` as it is, which returns it unchanged."""
    if isinstance(xs, (np.ndarray, TensorOperators)):
        return _tf_shape.concat(xs, 0)
    return _tf_shape.concat(promoted_all(xs), 0)


@keras_export("keras.ops.stack", "keras.ops.numpy.stack")
def stack(x, axis=0):
    """Stacks the tensors of ``x`` along a new ``axis`` (common promoted dtype), with
    ``tf.stack``; a NumPy array ``x`` (rows of one dtype) goes to it as it is (TF's rules)."""
    if isinstance(x, np.ndarray):
        return _tf_shape.stack(x, axis)
    return _tf_shape.stack(promoted_all(x), axis)


@keras_export("keras.ops.expand_dims", "keras.ops.numpy.expand_dims")
def expand_dims(x, axis):
    """Inserts length-1 axes at ``axis`` (an int or a tuple of positions in the output)."""
    x = unaliased(x)
    axes = axis_list(axis)
    out_ndim = x.dim() + len(axes)
    for a in sorted(a % out_ndim if a < 0 else a for a in axes):
        x = x.unsqueeze(a)
    return wrap(x)


@keras_export("keras.ops.squeeze", "keras.ops.numpy.squeeze")
def squeeze(x, axis=None):
    """Drops length-1 axes (all, or those in ``axis``: ``ValueError`` if one is not 1)."""
    x = unaliased(x)
    if axis is None:
        return wrap(x.squeeze())
    axes = axis_list(axis, index=False)
    for a in axes:
        if list(x.shape)[a] != 1:
            raise ValueError(f"Cannot squeeze axis={a}, because the dimension is not 1.")
    return wrap(x.squeeze(tuple(a % x.dim() for a in axes)))


@keras_export("keras.ops.reshape", "keras.ops.numpy.reshape")
def reshape(x, newshape):
    """``x`` with shape ``newshape`` (one ``-1`` inferred); TF's ``InvalidArgumentError`` on a
    size mismatch.  As Keras: a non-tensor ``newshape`` is made a tuple and checked with
    ``validate_reshape_shape`` (its ``ValueError``s), then ``tf.reshape`` reads it (its
    errors for other than int dims)."""
    if not isinstance(newshape, TensorOperators):
        try:
            newshape = tuple(newshape)
        except TypeError:
            newshape = (newshape,)
        _validate_reshape(newshape)
        if all(isinstance(d, (int, np.integer)) for d in newshape):
            return _tf_shape.reshape(unaliased(x), _shape(newshape))
    return _tf_shape.reshape(unaliased(x), newshape)


def _validate_reshape(newshape):
    """Keras' ``validate_reshape_shape``: int dims are >= 0 or a single ``-1``."""
    unknown = 0
    for dim in newshape:
        if not isinstance(dim, (int, np.integer)):
            continue
        if dim < -1:
            raise ValueError(
                "Each dimension in `newshape` must be a non-negative integer, or `-1` for a "
                f"single unknown dimension. Received: newshape={newshape}."
            )
        unknown += dim == -1
    if unknown > 1:
        raise ValueError(
            "There must be at most one unknown dimension (-1) in `newshape`. Received: "
            f"newshape={newshape}."
        )


@keras_export("keras.ops.ravel", "keras.ops.numpy.ravel")
def ravel(x):
    """``x`` flattened to 1-D."""
    return wrap(unaliased(x).reshape(-1))


@keras_export("keras.ops.flip", "keras.ops.numpy.flip")
def flip(x, axis=None):
    """``x`` reversed along ``axis`` (all axes when ``None``)."""
    x = storage(x)
    dims = tuple(range(x.dim())) if axis is None else axis_list(axis)
    return wrap(torch.flip(x, dims))


@keras_export("keras.ops.moveaxis", "keras.ops.numpy.moveaxis")
def moveaxis(x, source, destination):
    """Moves axes ``source`` to positions ``destination``: Keras' TF backend's permutation
    (its ``ValueError``s for odd or out-of-range axes, TF's ``Transpose`` errors for the rest)."""
    x = unaliased(x)
    ndim = x.dim()
    sources = tuple(canonicalize_axis(i, ndim) for i in axis_list(source, index=False))
    destinations = tuple(canonicalize_axis(i, ndim) for i in axis_list(destination, index=False))
    if len(sources) != len(destinations):
        raise ValueError(
            "Inconsistent number of `source` and `destination`. "
            f"Received: source={source}, destination={destination}"
        )
    if sources == destinations:
        return wrap(x)
    perm = [i for i in range(ndim) if i not in sources]
    for dest, src in sorted(zip(destinations, sources)):
        perm.insert(dest, src)
    return _tf_shape.transpose(x, perm)


@keras_export("keras.ops.swapaxes", "keras.ops.numpy.swapaxes")
def swapaxes(x, axis1, axis2):
    """Exchanges two axes.  Python int axes are checked as Keras checks them; other axes go
    through TF's ``axis + rank`` as in Keras' TF backend (its errors: only int32 axes work)."""
    x = unaliased(x)
    ndim = x.dim()
    if isinstance(axis1, int) and isinstance(axis2, int):
        axis1, axis2 = canonicalize_axis(axis1, ndim), canonicalize_axis(axis2, ndim)
    else:
        axis1, axis2 = _tensor_axis(axis1, ndim), _tensor_axis(axis2, ndim)
    return wrap(torch.swapaxes(x, axis1, axis2))


def _tensor_axis(axis, ndim):
    """A swapaxes axis as Keras' TF backend reads a non-int one: ``axis < 0`` (Python's errors),
    then ``tf.add(axis, rank)`` (TF's dtype errors), as a non-negative int."""
    from ...ops.elementwise_ops import add as _tf_add

    negative = axis < 0
    _tf_add(axis, wrap(torch.tensor(ndim, dtype=torch.int32)))
    return int(axis) + ndim if negative else int(axis)


@keras_export("keras.ops.transpose", "keras.ops.numpy.transpose")
def transpose(x, axes=None):
    """Permutes the axes (reversed when ``None``); duplicate axes are a ``ValueError``."""
    x = unaliased(x)
    if axes is None:
        return wrap(x.permute(tuple(reversed(range(x.dim())))))
    if not axes:
        return _tf_shape.transpose(x, axes)
    perm = tuple(canonicalize_axis(a, x.dim()) for a in axes)
    if len(set(perm)) != len(perm):
        raise ValueError(
            "`axes` must be a valid permutation of the input dimensions (no duplicates). "
            f"Received: axes={list(perm)} for input of rank {x.dim()}."
        )
    return _tf_shape.transpose(x, perm)


@keras_export("keras.ops.pad", "keras.ops.numpy.pad")
def pad(x, pad_width, mode="constant", constant_values=None):
    """Pads ``x`` by ``pad_width`` (per-axis ``(before, after)``) in mode ``constant``,
    ``reflect`` or ``symmetric`` (the modes Keras' TF backend supports).  Errors carry Keras'
    ``Pad.call()`` context, as Keras' eager op call adds it."""
    widths = _pad_widths(pad_width)
    try:
        return _pad_call(x, constant_values, widths, mode)
    except Exception as error:  # noqa: BLE001 - Keras' Operation call wraps every error
        raise inject_call_info(
            error, _pad_signature, (x,), {"constant_values": constant_values}, "Pad.call()"
        ) from None


def _pad_signature(x, constant_values=None):
    """The signature of Keras' ``Pad.call`` (whose arguments its errors list)."""


def _pad_widths(pad_width):
    """Keras' ``Pad._process_pad_width``: an int or a flat pair applies to every axis;
    one-element pairs of a list are doubled."""
    if isinstance(pad_width, int):
        return ((pad_width, pad_width),)
    if isinstance(pad_width, (tuple, list)) and isinstance(pad_width[0], int):
        return (pad_width,)
    first = len(pad_width[0])
    for i, pair in enumerate(pad_width):
        if len(pair) != first:
            raise ValueError(
                "`pad_width` should be a list of tuples of length 1 or 2. "
                f"Received: pad_width={pad_width}"
            )
        if len(pair) == 1:
            pad_width[i] = (pair[0], pair[0])
    return pad_width


def _pad_call(x, constant_values, widths, mode):
    x = storage(x)
    if len(widths) > 1 and len(widths) != x.dim():
        raise ValueError(
            "`pad_width` must have the same length as `x.shape`. Received: pad_width=%s "
            "(of length %d) and x.shape=%s (of length %d)"
            % (widths, len(widths), tuple(x.shape), x.dim())
        )
    if constant_values is not None and mode != "constant":
        raise ValueError(
            f"Argument `constant_values` can only be provided when `mode == 'constant'`. "
            f"Received: mode={mode}"
        )
    return _tf_shape.pad(
        x,
        wrap(storage(widths, "int32")),
        mode.upper(),
        0 if constant_values is None else constant_values,
    )


@keras_export("keras.ops.repeat", "keras.ops.numpy.repeat")
def repeat(x, repeats, axis=None):
    """Repeats each element ``repeats`` times along ``axis`` (flattened when ``None``):
    ``tf.repeat``, as Keras' TF backend calls it (its checks and errors)."""
    return _tf_shape.repeat(storage(x), repeats, axis=axis)


@keras_export("keras.ops.tile", "keras.ops.numpy.tile")
def tile(x, repeats):
    """``x`` repeated ``repeats`` times per axis, as Keras' TF backend does it: the counts
    (an int, or the items of ``repeats``; scalar tensors read as ints) get leading ones up to
    the rank of ``x``, ``x`` gets leading axes up to their number, and ``tf.tile`` runs (its
    conversion of the counts and its errors)."""
    x = storage(x)
    reps = [repeats] if isinstance(repeats, int) else [_host_count(r) for r in repeats]
    reps = [1] * (x.dim() - len(reps)) + reps
    if len(reps) > x.dim():
        x = x.reshape((1,) * (len(reps) - x.dim()) + tuple(x.shape))
    return _tf_shape.tile(x, reps)


def _host_count(count):
    """One item of ``tile``'s ``repeats``: a scalar tensor is read as an int (as Keras does)."""
    if isinstance(count, TensorOperators) and count.shape.rank == 0:
        return int(count.numpy())
    return count


@keras_export("keras.ops.split", "keras.ops.numpy.split")
def split(x, indices_or_sections, axis=0):
    """A list of sub-tensors: ``indices_or_sections`` equal parts (TF's error if not
    divisible), or cuts at the given indices.  As Keras' TF backend, cuts are read from
    ``x.shape[axis]`` (Python's error past the rank) and turned into ``tf.split`` sizes by
    tensor arithmetic (its errors: a scalar is sliced, sizes must not be negative)."""
    if isinstance(indices_or_sections, int):
        return _tf_shape.split(unaliased(x), indices_or_sections, axis)
    total = x.shape[axis]
    return _tf_shape.split(unaliased(x), _split_sizes(indices_or_sections, total), axis)


def _split_sizes(indices, total):
    """Keras' TF backend's ``tf.split`` sizes for cuts at ``indices`` of a ``total``-long axis:
    ``concat([indices[0:1], diff(indices), total - indices[-1:]])``."""
    if type(indices) in (list, tuple) and indices and all(type(i) is int for i in indices):
        steps = [b - a for a, b in zip(indices, indices[1:])]
        return [indices[0], *steps, total - indices[-1]]
    from ._numpy_more import _diff  # noqa: PLC0415 - that module builds on this one

    indices = convert_to_tensor(indices)
    first = indices[0:1]
    rest = total - indices[-1:]
    return _tf_shape.concat([first, _diff(indices, 1, -1), rest], 0)


def _fix_negative(indices, size):
    indices = indices.to(torch.int64) if indices.dtype is not torch.int64 else indices
    return torch.where(indices < 0, indices + size, indices)


@keras_export("keras.ops.take", "keras.ops.numpy.take")
def take(x, indices, axis=None):
    """Elements of ``x`` at ``indices`` along ``axis`` (flattened ``x`` when ``None``); negative
    indices count from the end, others out of range are TF's ``InvalidArgumentError``.  As in
    Keras' TF backend, ``axis`` indexes ``tf.shape(x)`` (``StridedSlice``'s error out of range)
    and ``indices`` must be ints (``GatherV2``'s ``Tindices``; text fails its ``< 0`` test)."""
    x = storage(x)
    if axis is None:
        x, axis = x.reshape(-1), 0
    if isinstance(indices, (str, bytes)):
        raise cannot_convert(0, dtypes.string)
    index = storage(indices)
    if index.dtype is torch.bool:
        raise cannot_convert(0, dtypes.bool)
    if isinstance(axis, int) and not -x.dim() <= axis < x.dim():
        raise op_error(
            "StridedSlice",
            "slice index %d of dimension 0 out of bounds." % axis,
            name="strided_slice/",
        )
    if index.is_floating_point():
        raise attr_error("GatherV2", index, "Tindices")
    axis = axis % x.dim()
    index = wrap(_fix_negative(index, x.shape[axis]))
    return _tf_gather.gather(x, index, axis=axis, name="")  # TF's fast path names its errors


@keras_export("keras.ops.take_along_axis", "keras.ops.numpy.take_along_axis")
def take_along_axis(x, indices, axis=None):
    """Gathers ``x`` with ``indices`` matching its shape along ``axis`` (broadcast elsewhere).
    As Keras' TF backend, ``indices`` are cast to int64 (TF's ``Cast`` error for text) and the
    shapes checked first as Keras infers the output shape (its ``ValueError``s)."""
    x = storage(x)
    try:
        idx = storage(indices, "int64")
    except StringInputError:
        idx = _tf_cast.cast(indices, dtypes.int64)._value  # TF refuses the cast of text
    if axis is None:
        if idx.dim() != 1:
            raise ValueError(
                f"`indices` must be 1D if axis=None. Received: indices.shape={tuple(idx.shape)}"
            )
        x, axis = x.reshape(-1), 0
    axis = _take_along_axis_shape(list(x.shape), list(idx.shape), axis)
    idx = _fix_negative(idx, x.shape[axis])
    _check_gather_range(idx, x.shape[axis], x)
    return wrap(torch.take_along_dim(x, idx, dim=axis))


def _take_along_axis_shape(x_shape, index_shape, axis):
    """Keras' ``compute_take_along_axis_output_shape`` checks (equal ranks, ``axis`` in range,
    the shapes broadcast outside it); the canonical ``axis``."""
    if len(x_shape) != len(index_shape):
        raise ValueError(
            "`x` and `indices` must have the same number of dimensions, "
            f"but receive shape {x_shape} and {index_shape}."
        )
    axis = canonicalize_axis(axis, len(x_shape))
    x_shape[axis] = index_shape[axis]
    for x_dim, index_dim in zip(x_shape, index_shape):
        if x_dim != 1 and index_dim not in (1, x_dim):
            raise ValueError(
                f"Cannot broadcast shape, the failure dim has value {x_dim}, which cannot be "
                f"broadcasted to {index_dim}. Input shapes are: {x_shape} and {index_shape}."
            )
    return axis


def _check_gather_range(indices, size, x):
    """TF's ``GatherV2`` error for an index outside ``[0, size)`` (after Keras' negative-index
    wrap), as Keras' TF backend reports it (it gathers from the flattened indices): never
    clamped."""
    if bool(((indices < 0) | (indices >= size)).any()):
        raise _tf_gather.index_error(indices, size, "GatherV2", x, (indices.numel(), 1), "")


@keras_export("keras.ops.sort", "keras.ops.numpy.sort")
def sort(x, axis=-1):
    """``x`` sorted ascending along ``axis`` (flattened when ``None``), as ``tf.sort`` (its
    errors, its NaN placement); bool sorts as uint8."""
    x = storage(x)
    if axis is None:
        x, axis = x.reshape(-1), 0
    if x.dtype is torch.bool:
        return wrap(torch.sort(x.to(torch.uint8), dim=axis, stable=True).values.to(torch.bool))
    return wrap(sort_with_indices(x, axis, False)[0])


@keras_export("keras.ops.argsort", "keras.ops.numpy.argsort")
def argsort(x, axis=-1):
    """Indices (int32) that sort ``x`` along ``axis`` (flattened when ``None``)."""
    x = storage(x)
    if x.dim() == 0:
        return wrap(torch.zeros(1, dtype=torch.int32, device=x.device))
    if x.dtype is torch.bool:
        x = x.to(torch.uint8)
    if axis is None:
        x, axis = x.reshape(-1), 0
    return wrap(sort_with_indices(x, axis, False)[1].to(torch.int32))


def _product_dtypes(a, b):
    result = TORCH[result_type(NAME[a.dtype], NAME[b.dtype])]
    compute = TORCH[result_type(NAME[a.dtype], NAME[b.dtype], float)]
    return result, compute


@keras_export("keras.ops.dot", "keras.ops.numpy.dot")
def dot(x1, x2):
    """NumPy's ``dot``: scalar product, matrix product, or a sum over the last axis of
    ``x1`` and the second-to-last of ``x2``; promoted dtype."""
    a, b = storage(x1), storage(x2)
    result, compute = _product_dtypes(a, b)
    a, b = a.to(compute), b.to(compute)
    if a.dim() == 0 or b.dim() == 0:
        out = a * b
    else:
        axes = [[-1], [-1 if b.dim() == 1 else -2]]
        try:
            out = torch.tensordot(a, b, dims=([-1], [b.dim() - 2 if b.dim() > 1 else -1]))
        except RuntimeError:  # Keras' TF backend runs tf.tensordot: its error
            _tf_matmul.tensordot(wrap(a), wrap(b), axes)
            raise
    return wrap(out.to(result))


@keras_export("keras.ops.matmul", "keras.ops.numpy.matmul")
def matmul(x1, x2):
    """Matrix product with broadcasting batch axes (NumPy semantics); integer inputs are
    multiplied as floats and cast back, ``int8 @ int8`` gives int32."""
    a, b = storage(x1), storage(x2)
    if a.dtype is torch.int8 and b.dtype is torch.int8 and a.dim() != 1 and b.dim() != 1:
        result, compute = torch.int32, floatx_torch()
    else:
        result, compute = _product_dtypes(a, b)
    if a.dtype is not compute:
        a = a.to(compute)
    if b.dtype is not compute:
        b = b.to(compute)
    try:
        out = torch.matmul(a, b)
    except RuntimeError:
        _tf_backend_matmul(wrap(a), wrap(b))
        raise
    return wrap(out if out.dtype is result else out.to(result))


def _tf_backend_matmul(a, b):
    """What Keras' TF backend runs for ``matmul`` (``tf.matmul``, or ``tf.tensordot`` for a
    rank-1 operand), for its error where torch's product failed."""
    if a.ndim == 2 and b.ndim == 2:
        return _tf_matmul.matmul(a, b)
    if b.ndim == 1:
        return _tf_matmul.tensordot(a, b, 1)
    if a.ndim == 1:
        return _tf_matmul.tensordot(a, b, [[0], [-2]])
    if b.ndim == 2 and a.ndim > 2:
        return _tf_matmul.tensordot(a, b, [[-1], [0]])
    return _tf_matmul.matmul(a, b)


@keras_export("keras.ops.einsum", "keras.ops.numpy.einsum")
def einsum(subscripts, *operands, **kwargs):
    """Einstein summation; operands promoted to a common dtype (integers computed as floats
    and cast back).  As Keras' TF backend, the labels are renamed ``a``, ``b`` ... in order of
    appearance (a cached, so hashable, string), and an equation torch refuses gets
    ``tf.einsum``'s errors."""
    subscripts = _normalize_subscripts(subscripts)
    values = promoted_all(operands)
    result = values[0].dtype
    try:
        if not result.is_floating_point:
            out = torch.einsum(subscripts, *(v.to(floatx_torch()) for v in values))
            return wrap(out.to(torch.int32 if result is torch.int8 else result))
        return wrap(torch.einsum(subscripts, *values))
    except RuntimeError:
        if subscripts in _KERAS_CUSTOM_EINSUMS:
            raise  # Keras runs these as matmuls: torch_errors reports MatMul's error
        return _tf_matmul.einsum(subscripts, *(wrap(v) for v in values))


_KERAS_CUSTOM_EINSUMS = frozenset(
    "a,b->ab ab,b->a ab,bc->ac ab,cb->ac abc,cd->abd abc,dc->abd abcd,abde->abce "
    "abcd,abed->abce abcd,acbe->adbe abcd,adbe->acbe abcd,aecd->acbe abcd,aecd->aceb "
    "abc,cde->abde abc,dce->abde abc,dec->abde abcd,cde->abe abcd,ced->abe".split()
)
"""Equations Keras' TF backend computes with its own matmul-based code, not ``tf.einsum``."""


def _normalize_subscripts(subscripts):
    """Keras' ``_normalize_einsum_subscripts``: labels renamed in order of appearance (its
    ``lru_cache`` hashes the argument first: a ``TypeError`` for arrays)."""
    hash(subscripts)
    mapping = {}
    normalized = ""
    for char in subscripts:
        if char in string.ascii_letters:
            if char not in mapping:
                mapping[char] = string.ascii_letters[len(mapping)]
            normalized += mapping[char]
        else:
            normalized += char
    return normalized


_TENSORDOT_KERNELS = frozenset(
    (
        torch.int32,
        torch.int64,
        torch.float16,
        torch.float32,
        torch.float64,
        torch.bfloat16,
        torch.complex64,
        torch.complex128,
    )
)
"""The dtypes Keras' TF backend contracts in as they are (others in their float promotion)."""


@keras_export("keras.ops.tensordot", "keras.ops.numpy.tensordot")
def tensordot(x1, x2, axes=2):
    """Sum of products over ``axes`` (an int, or two lists of axes); promoted dtype.  Keras' TF
    backend casts both to the compute dtype and calls ``tf.tensordot`` (its checks, errors and
    reshape-based contraction)."""
    a, b = storage(x1), storage(x2)
    result, compute = _product_dtypes(a, b)
    if result in _TENSORDOT_KERNELS:
        compute = result
    product = _tf_matmul.tensordot(wrap(a.to(compute)), wrap(b.to(compute)), axes)._value
    return wrap(product.to(result))


@keras_export("keras.ops.outer", "keras.ops.numpy.outer")
def outer(x1, x2):
    """Outer product of the flattened inputs; promoted dtype."""
    a, b = promoted(storage(x1), storage(x2))
    return wrap(torch.outer(a.reshape(-1), b.reshape(-1)))


@keras_export("keras.ops.ndim", "keras.ops.numpy.ndim")
def ndim(x):
    """The rank of ``x`` as a Python int (Keras' TF backend returns the tensor's ``ndim``)."""
    if isinstance(x, np.ndarray):
        return x.ndim
    return storage(x).dim()


@keras_export("keras.ops.size", "keras.ops.numpy.size")
def size(x):
    """The number of elements of ``x`` as a 0-d int32 tensor."""
    return wrap(torch.tensor(storage(x).numel(), dtype=torch.int32))


@keras_export("keras.ops.nonzero", "keras.ops.numpy.nonzero")
def nonzero(x):
    """Indices of the non-zero elements, one int32 tensor per dimension (a list)."""
    return [wrap(i.to(torch.int32)) for i in torch.nonzero(storage(x), as_tuple=True)]


@keras_export("keras.ops.roll", "keras.ops.numpy.roll")
def roll(x, shift, axis=None):
    """Elements shifted by ``shift`` along ``axis`` (flattened when ``None``), wrapping around:
    ``tf.roll`` as Keras' TF backend calls it (its errors)."""
    x = storage(x)
    if axis is None:
        return wrap(_tf_shape.roll(x.reshape(-1), shift, 0)._value.reshape(x.shape))
    return _tf_shape.roll(x, shift, axis)


@keras_export("keras.ops.meshgrid", "keras.ops.numpy.meshgrid")
def meshgrid(*x, indexing="xy"):
    """Coordinate grids of the flattened inputs (``indexing`` ``'xy'`` or ``'ij'``): Keras' TF
    backend calls ``tf.meshgrid`` (no dtype promotion; its checks and errors)."""
    return _tf_creation.meshgrid(*x, indexing=indexing)
