"""``tf.experimental.numpy``'s shape, joining, selection and product functions.

Inputs go through tnp's conversion (``np_promotion.asarray_storage``); functions taking
several arrays promote them to their NumPy result type first, as TF's ``_promote_dtype``.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework.op_errors import dtype_of
from ..framework import device as _device
from ..framework import dtypes
from ..framework import np_promotion as _promotion
from ..framework.op_errors import attr_error
from ..framework.shape import TensorShape
from ..framework.tensor import wrap
from . import shape_ops

__all__ = []


def _export(*names):
    def decorate(fn):
        tf_export(*("experimental.numpy." + n for n in names))(fn)
        __all__.append(fn.__name__)
        return fn

    return decorate


def _s(a):
    return _promotion.asarray_storage(a)


def _numeric(storage, opname):
    """``storage``, unless it holds strings: then TF's attr error of op ``opname``."""
    if isinstance(storage, np.ndarray):
        raise attr_error(opname, dtypes.string)
    return storage


def _moved(fn, storages):
    """``fn(storages)``, a torch data-movement op (no arithmetic) on a list of storages, giving
    a tensor or a list of them, wrapped.  String storages (NumPy object arrays, as TF's string
    tensors are kept) move through int64 index tensors, so every such op also moves strings."""
    if not any(isinstance(x, np.ndarray) for x in storages):
        result = fn(storages)
        return [wrap(r) for r in result] if isinstance(result, (list, tuple)) else wrap(result)
    flat = np.concatenate([np.asarray(x, dtype=object).reshape(-1) for x in storages])
    indices, offset = [], 0
    for x in storages:
        indices.append(torch.arange(offset, offset + x.size).reshape(x.shape))
        offset += x.size
    result = fn(indices)
    if isinstance(result, (list, tuple)):
        return [_picked(flat, r) for r in result]
    return _picked(flat, result)


def _picked(flat, index):
    return wrap(np.asarray(flat[index.reshape(-1).numpy()], dtype=object).reshape(index.shape))


def _promoted(arrays):
    dtype = _promotion.result_type(*arrays)
    return [_promotion.asarray_storage(a, dtype) for a in arrays]


def _shape_arg(newshape):
    if isinstance(newshape, int):
        return (newshape,)
    return tuple(int(d) for d in newshape)


@_export("reshape")
def reshape(a, newshape, order="C"):
    """NumPy's ``reshape`` (C order only, as TF's)."""
    if order != "C":
        raise ValueError("Unsupported order argument %s" % order)
    return wrap(_s(a).reshape(_shape_arg(newshape)))


def reshape_method(a, *newshape, **kwargs):
    """``ndarray.reshape``: the shape as one sequence or as separate ints."""
    if len(newshape) == 1 and not isinstance(newshape[0], int):
        newshape = newshape[0]
    return reshape(a, newshape, **kwargs)


@_export("ravel")
def ravel(a):
    """NumPy's ``ravel``: a flat (1-D) tensor."""
    return wrap(_s(a).reshape(-1))


@_export("flatten")
def flatten(a, order="C"):
    """``ndarray.flatten``: a flat (1-D) tensor."""
    if order != "C":
        raise ValueError("Unsupported order argument %s" % order)
    return ravel(a)


@_export("transpose")
def transpose(a, axes=None):
    """NumPy's ``transpose``: dimensions reversed, or permuted by ``axes``."""
    storage = _s(a)
    if axes is None:
        axes = tuple(range(storage.ndim))[::-1]
    return _moved(lambda x: x[0].permute(tuple(int(d) for d in axes)), [storage])


@_export("swapaxes")
def swapaxes(a, axis1, axis2):
    """NumPy's ``swapaxes``."""
    return wrap(torch.swapaxes(_s(a), int(axis1), int(axis2)))


@_export("moveaxis")
def moveaxis(a, source, destination):
    """NumPy's ``moveaxis``."""
    return wrap(torch.movedim(_s(a), source, destination))


@_export("expand_dims")
def expand_dims(a, axis):
    """NumPy's ``expand_dims``."""
    return wrap(torch.unsqueeze(_s(a), int(axis)))


@_export("squeeze")
def squeeze(a, axis=None):
    """NumPy's ``squeeze``: size-1 dimensions removed (those in ``axis`` if given)."""
    if axis is None:
        return _moved(lambda x: x[0].squeeze(), [_s(a)])
    dims = axis if isinstance(axis, int) else tuple(axis)
    return _moved(lambda x: x[0].squeeze(dims), [_s(a)])


@_export("concatenate")
def concatenate(arys, axis=0):
    """NumPy's ``concatenate`` (as TF's, ``axis=None`` is refused; TF's ``ConcatV2`` errors)."""
    if axis is None:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    return shape_ops.concat([wrap(p) for p in _promoted(list(arys))], int(axis), name="concat")


@_export("append")
def append(arr, values, axis=None):
    """NumPy's ``append``: :func:`concatenate` of ``arr`` and ``values`` (flattened when
    ``axis`` is ``None``)."""
    if axis is None:
        return concatenate([ravel(arr), ravel(values)], 0)
    return concatenate([arr, values], axis)


@_export("stack")
def stack(arrays, axis=0):
    """NumPy's ``stack`` along a new ``axis``."""
    return _moved(lambda x: torch.stack(x, int(axis)), _promoted(list(arrays)))


@_export("vstack")
def vstack(tup):
    """NumPy's ``vstack``."""
    return _moved(torch.vstack, _promoted(list(tup)))


@_export("hstack")
def hstack(tup):
    """NumPy's ``hstack``."""
    return _moved(torch.hstack, _promoted(list(tup)))


@_export("dstack")
def dstack(tup):
    """NumPy's ``dstack``."""
    return _moved(torch.dstack, _promoted(list(tup)))


def _split(storage, indices_or_sections, axis):
    axis = int(axis)
    if isinstance(indices_or_sections, int):
        if storage.shape[axis] % indices_or_sections:
            raise ValueError("array split does not result in an equal division")
        parts = torch.tensor_split(storage, indices_or_sections, axis)
    else:
        parts = torch.tensor_split(storage, [int(i) for i in indices_or_sections], axis)
    return [wrap(p) for p in parts]


@_export("split")
def split(ary, indices_or_sections, axis=0):
    """NumPy's ``split``: equal sections or at the given indices (a list of tensors)."""
    return _split(_s(ary), indices_or_sections, axis)


@_export("hsplit")
def hsplit(ary, indices_or_sections):
    """NumPy's ``hsplit``."""
    storage = _s(ary)
    return _split(storage, indices_or_sections, 0 if storage.ndim == 1 else 1)


@_export("vsplit")
def vsplit(ary, indices_or_sections):
    """NumPy's ``vsplit``."""
    return _split(_s(ary), indices_or_sections, 0)


@_export("dsplit")
def dsplit(ary, indices_or_sections):
    """NumPy's ``dsplit``."""
    return _split(_s(ary), indices_or_sections, 2)


# TF makes the three with one factory: its errors name the inner function.
for _fn in (hsplit, vsplit, dsplit):
    _fn.__name__, _fn.__qualname__ = "f", "_split_on_axis.<locals>.f"


@_export("tile")
def tile(a, reps):
    """NumPy's ``tile``."""
    return wrap(torch.tile(_s(a), (reps,) if isinstance(reps, int) else tuple(reps)))


@_export("repeat")
def repeat(a, repeats, axis=None):
    """NumPy's ``repeat`` (flattened when ``axis`` is ``None``)."""
    storage = _s(a)
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    counts = repeats if isinstance(repeats, int) else _s(repeats).to(storage.device)
    return wrap(torch.repeat_interleave(storage, counts, int(axis)))


@_export("broadcast_to")
def broadcast_to(array, shape):
    """NumPy's ``broadcast_to``."""
    return wrap(_s(array).expand(_shape_arg(shape)).clone())


@_export("broadcast_arrays")
def broadcast_arrays(*args, **kwargs):
    """NumPy's ``broadcast_arrays`` (a list of tensors)."""
    storages = [_s(a) for a in args]
    return _moved(lambda x: [t.clone() for t in torch.broadcast_tensors(*x)], storages)


@_export("flip")
def flip(m, axis=None):
    """NumPy's ``flip`` (every axis when ``axis`` is ``None``)."""
    storage = _s(m)
    dims = tuple(range(storage.ndim)) if axis is None else axis
    dims = (dims,) if isinstance(dims, int) else tuple(dims)
    return _moved(lambda x: torch.flip(x[0], dims), [storage])


@_export("fliplr")
def fliplr(m):
    """NumPy's ``fliplr``."""
    return flip(m, 1)


@_export("flipud")
def flipud(m):
    """NumPy's ``flipud``."""
    return flip(m, 0)


@_export("roll")
def roll(a, shift, axis=None):
    """NumPy's ``roll``."""
    storage = _s(a)
    if axis is None:
        return wrap(torch.roll(storage.reshape(-1), shift).reshape(storage.shape))
    return wrap(torch.roll(storage, shift, axis))


@_export("rot90")
def rot90(m, k=1, axes=(0, 1)):
    """NumPy's ``rot90``."""
    return wrap(torch.rot90(_s(m), k, tuple(axes)))


@_export("where")
def where(condition, x=None, y=None):
    """NumPy's ``where``: elementwise choice, or :func:`nonzero` with one argument; the
    condition is first converted to ``bool`` (as TF's ``asarray(condition, bool)``)."""
    cond = _promotion.asarray_storage(condition, dtypes.bool)
    if x is None and y is None:
        return nonzero(wrap(cond))
    if x is None or y is None:
        raise ValueError("Both x and y must be ndarrays, or both must be None.")
    a, b = _promoted([x, y])
    return wrap(torch.where(cond, a, b))


@_export("nonzero")
def nonzero(a):
    """NumPy's ``nonzero``: a tuple of ``int64`` index tensors, one per dimension (TF casts to
    ``bool`` with ``tf.cast``: a string array raises its ``Cast`` error)."""
    storage = _s(a)
    if isinstance(storage, np.ndarray):
        _promotion.asarray_storage(wrap(storage), dtypes.bool)
    return tuple(wrap(t) for t in torch.nonzero(storage, as_tuple=True))


@_export("take")
def take(a, indices, axis=None, out=None, mode="clip"):
    """NumPy's ``take``; out-of-range indices are clipped (``mode='clip'``, TF's default)
    or wrapped (``'wrap'``)."""
    storage = _s(a)
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    index = _s(indices).to(torch.int64)
    size = storage.shape[int(axis)]
    index = index % size if mode == "wrap" else index.clamp(0, size - 1)
    return wrap(
        torch.index_select(storage, int(axis), index.reshape(-1)).reshape(
            storage.shape[: int(axis) % storage.ndim]
            + index.shape
            + storage.shape[int(axis) % storage.ndim + 1 :]
        )
    )


@_export("take_along_axis")
def take_along_axis(arr, indices, axis):
    """NumPy's ``take_along_axis``."""
    storage = _s(arr)
    index = _s(indices).to(torch.int64)
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    return wrap(torch.take_along_dim(storage, index, int(axis)))


@_export("sort")
def sort(a, axis=-1, kind="quicksort", order=None):
    """NumPy's ``sort`` along ``axis`` (flattened when ``None``)."""
    storage = _numeric(_s(a), "Neg")
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    return wrap(torch.sort(storage, dim=int(axis), stable=True).values)


@_export("argsort")
def argsort(a, axis=-1, kind="quicksort", order=None):
    """NumPy's ``argsort`` (stable; ``int64``); a scalar gives ``[0]``, as TF's."""
    storage = _s(a)
    if storage.ndim == 0:
        return wrap(torch.zeros(1, dtype=torch.int64, device=_device.current()))
    storage = _numeric(storage, "Neg")
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    return wrap(torch.sort(storage, dim=int(axis), stable=True).indices)


@_export("diag")
def diag(v, k=0):
    """NumPy's ``diag``: the ``k``-th diagonal of a matrix, or a matrix from a vector."""
    return wrap(torch.diag(_s(v), k))


@_export("diagflat")
def diagflat(v, k=0):
    """NumPy's ``diagflat``."""
    return wrap(torch.diag(_s(v).reshape(-1), k))


@_export("diagonal")
def diagonal(a, offset=0, axis1=0, axis2=1):
    """NumPy's ``diagonal``."""
    return wrap(torch.diagonal(_s(a), offset, axis1, axis2).clone())


@_export("trace")
def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    """NumPy's ``trace``; as TF's, the dtype is kept (``dtype`` casts)."""
    storage = torch.diagonal(_s(a), offset, axis1, axis2)
    if dtype is not None:
        storage = storage.to(_promotion.to_dtype(dtype).torch_dtype)
    return wrap(torch.sum(storage, -1, dtype=storage.dtype))


@_export("tril")
def tril(m, k=0):
    """NumPy's ``tril`` (rank below 2: TF's ``ValueError``)."""
    return wrap(torch.tril(_matrix(_s(m), "tril"), k))


@_export("triu")
def triu(m, k=0):
    """NumPy's ``triu`` (rank below 2: TF's ``ValueError``)."""
    return wrap(torch.triu(_matrix(_s(m), "triu"), k))


def _matrix(storage, name):
    if storage.ndim < 2:
        raise ValueError("Argument to %s must have rank at least 2" % name)
    return storage


def _atleast(fn, arys):
    results = [_moved(lambda x: fn(x[0]), [_s(a)]) for a in arys]
    return results[0] if len(results) == 1 else results


@_export("atleast_1d")
def atleast_1d(*arys):
    """NumPy's ``atleast_1d``."""
    return _atleast(torch.atleast_1d, arys)


@_export("atleast_2d")
def atleast_2d(*arys):
    """NumPy's ``atleast_2d``."""
    return _atleast(torch.atleast_2d, arys)


@_export("atleast_3d")
def atleast_3d(*arys):
    """NumPy's ``atleast_3d``."""
    return _atleast(torch.atleast_3d, arys)


@_export("shape")
def shape(a):
    """tnp's ``shape``: the converted array's ``TensorShape``."""
    return TensorShape(list(_s(a).shape))


@_export("size")
def size(x, axis=None):
    """tnp's ``size``: ``1`` for a Python or NumPy scalar, else the element count as a NumPy
    ``int64``; ``axis`` is refused (``NotImplementedError``), as in TF."""
    if axis is not None:
        raise NotImplementedError(
            "axis argument is not supported in the current `np.size` implementation"
        )
    if isinstance(x, (int, float, np.int32, np.int64, np.float32, np.float64)):
        return 1
    return np.prod(list(_s(x).shape), dtype=int)


@_export("ndim")
def ndim(a):
    """NumPy's ``ndim``."""
    return _s(a).ndim


@_export("isscalar")
def isscalar(num):
    """NumPy's ``isscalar`` (a rank-0 tensor counts, as in tnp)."""
    return _s(num).ndim == 0


@_export("meshgrid")
def meshgrid(*xi, **kwargs):
    """NumPy's ``meshgrid`` (``indexing='xy'`` or ``'ij'``)."""
    indexing = kwargs.get("indexing", "xy")
    parts = _promoted(list(xi))
    return [wrap(g.clone()) for g in torch.meshgrid(*parts, indexing=indexing)]


@_export("diff")
def diff(a, n=1, axis=-1):
    """NumPy's ``diff``: the ``n``-th discrete difference along ``axis``."""
    storage = _s(a)
    if storage.dtype is torch.bool:
        for _ in range(n):
            storage = torch.ne(
                storage.narrow(axis, 1, storage.shape[axis] - 1),
                storage.narrow(axis, 0, storage.shape[axis] - 1),
            )
        return wrap(storage)
    return wrap(torch.diff(storage, n, axis))


@_export("dot")
def dot(a, b):
    """NumPy's ``dot``: products for scalars, contraction of the last axis of ``a`` with the
    second-to-last of ``b`` (the last when ``b`` is 1-D)."""
    x, y = _promoted([a, b])
    if x.ndim == 0 or y.ndim == 0:
        return wrap(x * y)
    return wrap(torch.tensordot(x, y, dims=([-1], [-1 if y.ndim == 1 else -2])))


@_export("matmul")
def matmul(x1, x2):
    """NumPy's ``matmul`` (``@``); scalars raise ``ValueError``."""
    a, b = _promoted([x1, x2])
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("matmul: Input operand 1 does not have enough dimensions")
    if a.dtype is torch.bool:
        return wrap(torch.matmul(a.to(torch.int64), b.to(torch.int64)).bool())
    return wrap(torch.matmul(a, b))


@_export("tensordot")
def tensordot(a, b, axes=2):
    """NumPy's ``tensordot``."""
    x, y = _promoted([a, b])
    return wrap(torch.tensordot(x, y, dims=axes))


@_export("inner")
def inner(a, b):
    """NumPy's ``inner``: contraction over the last axes."""
    x, y = _promoted([a, b])
    if x.ndim == 0 or y.ndim == 0:
        return wrap(x * y)
    return wrap(torch.tensordot(x, y, dims=([-1], [-1])))


@_export("outer")
def outer(a, b):
    """NumPy's ``outer`` of the flattened inputs."""
    x, y = _promoted([a, b])
    return wrap(torch.outer(x.reshape(-1), y.reshape(-1)))


@_export("vdot")
def vdot(a, b):
    """NumPy's ``vdot``: the dot product of the flattened inputs (``a`` conjugated)."""
    x, y = _promoted([a, b])
    return wrap(torch.sum(torch.conj_physical(x.reshape(-1)) * y.reshape(-1)))


@_export("cross")
def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """NumPy's ``cross`` of 3-vectors."""
    x, y = _promoted([a, b])
    if axis is not None:
        axisa = axisb = axisc = axis
    x, y = torch.movedim(x, axisa, -1), torch.movedim(y, axisb, -1)
    x, y = torch.broadcast_tensors(x, y)
    return wrap(torch.movedim(torch.linalg.cross(x, y), -1, axisc))


@_export("kron")
def kron(a, b):
    """NumPy's ``kron``."""
    x, y = _promoted([a, b])
    return wrap(torch.kron(x, y))


@_export("einsum")
def einsum(subscripts, *operands, **kwargs):
    """NumPy's ``einsum`` (operands promoted together, ``casting='safe'``)."""
    return wrap(torch.einsum(subscripts, *_promoted(list(operands))))


@_export("isclose")
def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """NumPy's ``isclose``."""
    x, y = _promoted([a, b])
    return wrap(torch.isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan))


@_export("allclose")
def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """NumPy's ``allclose`` (a ``bool`` tensor)."""
    return wrap(torch.all(isclose(a, b, rtol, atol, equal_nan)._value))


@_export("array_equal")
def array_equal(a1, a2):
    """NumPy's ``array_equal`` (a ``bool`` tensor; ``False`` for different shapes)."""
    x, y = _promoted([a1, a2])
    return wrap(torch.tensor(x.shape == y.shape and bool(torch.equal(x, y))))


@_export("real")
def real(val):
    """NumPy's ``real`` (TF's ``tf.math.real``: strings refused with its ``TypeError``)."""
    storage = _s(val)
    if isinstance(storage, np.ndarray):
        raise TypeError(
            "input must be a numeric tensor, but got tensor with dtype %s" % dtypes.string
        )
    return wrap(storage.real.clone() if storage.is_complex() else storage)


@_export("imag")
def imag(val):
    """NumPy's ``imag`` (zeros for real input; empty strings for strings, as TF's)."""
    storage = _s(val)
    if isinstance(storage, np.ndarray):
        return wrap(np.full(storage.shape, b"", dtype=object))
    return wrap(storage.imag.clone() if storage.is_complex() else torch.zeros_like(storage))


@_export("angle")
def angle(z, deg=False):
    """NumPy's ``angle`` (in degrees with ``deg=True``); as TF's, real input gives
    ``float32`` (``pi`` where negative, else 0)."""
    storage = _s(z)
    if not _promotion.is_inexact(storage):  # TF's _scalar(..., promote_to_float=True)
        storage = _promotion.astype(storage, _promotion.default_float())
    if storage.is_complex():
        result = torch.angle(storage)
    else:
        result = torch.where(
            storage < 0, torch.tensor(math.pi, dtype=torch.float32), torch.tensor(0.0)
        ).to(storage.device)
    return wrap(torch.rad2deg(result) if deg else result)


@_export("iscomplex")
def iscomplex(x):
    """NumPy's ``iscomplex``: elementwise non-zero imaginary part."""
    storage = _s(x)
    if isinstance(storage, np.ndarray):  # TF compares imag(x) (strings) with 0
        raise TypeError("Cannot convert 0 to EagerTensor of dtype string")
    if not storage.is_complex():
        return wrap(torch.zeros_like(storage, dtype=torch.bool))
    return wrap(storage.imag != 0)


@_export("isreal")
def isreal(x):
    """NumPy's ``isreal``: elementwise zero imaginary part."""
    return wrap(torch.logical_not(iscomplex(x)._value))


@_export("iscomplexobj")
def iscomplexobj(x):
    """NumPy's ``iscomplexobj``: whether the dtype is complex."""
    return _promotion.is_inexact(_s(x)) and _s(x).is_complex()


@_export("isrealobj")
def isrealobj(x):
    """NumPy's ``isrealobj``: whether the dtype is not complex."""
    return not iscomplexobj(x)


@_export("pad")
def pad(array, pad_width, mode, **kwargs):
    """NumPy's ``pad`` with ``mode='constant'`` (``constant_values``), ``'reflect'`` or
    ``'symmetric'``, computed by NumPy on the host."""
    if mode not in ("constant", "reflect", "symmetric"):
        raise ValueError("Unsupported padding mode: " + mode)
    storage = _s(array)
    host = np.pad(storage.cpu().numpy(), np.asarray(pad_width, np.int64), mode, **kwargs)
    return wrap(torch.from_numpy(np.ascontiguousarray(host)).to(storage.device))


@_export("compress")
def compress(condition, a, axis=None):
    """NumPy's ``compress``: the slices of ``a`` along ``axis`` (flattened when ``None``)
    where ``condition`` is true."""
    storage = _s(a)
    mask = _promotion.asarray_storage(condition).bool().reshape(-1)
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    axis = int(axis) % storage.ndim
    mask = mask[: storage.shape[axis]]
    index = torch.nonzero(mask).reshape(-1).to(storage.device)
    return wrap(torch.index_select(storage, axis, index))


@_export("diag_indices")
def diag_indices(n, ndim=2):
    """NumPy's ``diag_indices``: ``ndim`` copies of ``arange(n)`` (``int32``, as TF's)."""
    index = torch.arange(n, dtype=torch.int32, device=_promotion.asarray_storage(0).device)
    return tuple(wrap(index) for _ in range(ndim))


@_export("ix_")
def ix_(*args):
    """NumPy's ``ix_``: open-mesh index tensors (booleans become their nonzero indices), a list
    as TF's; TF's errors for arguments that are not 1-d integer or bool arrays."""
    parts = []
    for position, arg in enumerate(args):
        storage = _s(arg)
        if storage.ndim != 1:
            raise ValueError(
                "Arguments must be 1-d, got arg %d of rank %d" % (position, storage.ndim)
            )
        if isinstance(storage, np.ndarray) or storage.is_floating_point() or storage.is_complex():
            raise ValueError(
                "Only integer and bool dtypes are supported, got <dtype: '%s'>"
                % dtype_of(storage).name
            )
        if storage.dtype is torch.bool:
            storage = torch.nonzero(storage).reshape(-1)
        shape = [1] * len(args)
        shape[position] = -1
        parts.append(wrap(storage.reshape(shape)))
    return parts


@_export("polyval")
def polyval(p, x):
    """NumPy's ``polyval``: the polynomial with coefficients ``p`` (highest first) at ``x``."""
    coefficients, points = _promoted([p, x])
    result = torch.zeros_like(points)
    for coefficient in coefficients.unbind(0):
        result = result * points + coefficient
    return wrap(result)


@_export("select")
def select(condlist, choicelist, default=0):
    """NumPy's ``select``: from the first true condition's choice, else ``default``."""
    choices = _promoted(list(choicelist) + [default])
    result = choices[-1]
    for condition, choice in reversed(list(zip(condlist, choices[:-1]))):
        result = torch.where(_promotion.asarray_storage(condition).bool(), choice, result)
    return wrap(result)


@_export("vander")
def vander(x, N=None, increasing=False):  # noqa: N803 - NumPy's argument name
    """NumPy's ``vander``: the Vandermonde matrix of the 1-D ``x`` (``N`` columns)."""
    storage = _s(x)
    columns = storage.shape[0] if N is None else int(N)
    powers = torch.arange(columns, device=storage.device)
    if not increasing:
        powers = powers.flip(0)
    return wrap(storage.unsqueeze(1) ** powers.to(storage.dtype))
