"""``keras.ops`` linear algebra: norms, inverse, determinant, solve and decompositions
(on the last two axes, with batch axes in front)."""

import numpy as _np
import torch

from ._base import NAME as _NAME, float_kernel_input as _float_kernel_input, float_of, storage, wrap
from ...framework import dtypes as _dtypes
from ...framework.convert import to_torch as _to_torch
from ...framework.errors import InvalidArgumentError as _InvalidArgumentError
from ...framework.op_errors import (
    allowed_dtypes as _allowed_dtypes,
    broadcast_shapes as _broadcast_shapes,
    cannot_convert as _cannot_convert,
    check_dtype as _check_dtype,
    input_dtype_error as _input_dtype_error,
    kernel_name as _kernel_name,
    op_error as _op_error,
)
from ...framework.tensor import TensorOperators as _TensorOperators
from ...ops._args import bool_attr as _bool_attr, reduction_dims as _reduction_dims
from ...ops.linalg_ops import solve as _tf_solve, triangular_solve as _tf_triangular_solve
from ...api_export import keras_export as _keras_export

_SVD_DTYPES = _allowed_dtypes("Svd")

__all__ = [
    "norm",
    "inv",
    "det",
    "solve",
    "solve_triangular",
    "cholesky",
    "qr",
    "svd",
    "eigh",
    "eig",
    "pinv",
    "lstsq",
    "matrix_rank",
]


@_keras_export("keras.ops.norm", "keras.ops.linalg.norm")
def norm(x, ord=None, axis=None, keepdims=False):  # noqa: A002 - Keras' name
    """Vector norm (one axis, or all of ``x`` flattened) or matrix norm (two axes):
    ``ord`` as NumPy's (``'fro'``, ``'nuc'``, ints, inf)."""
    x = float_of(storage(x))
    if axis is None:
        if ord is None and x.dim():
            out = _euclidean(x, None, False)
            return wrap(out.reshape((1,) * x.dim()) if keepdims else out)
        axis = tuple(range(x.dim()))
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    if any(a < -x.dim() or a >= x.dim() for a in axes):
        raise ValueError(
            "All `axis` values must be in the range [-ndim, ndim). "
            f"Received inputs with ndim={x.dim()}, while axis={axes}"
        )
    _check_ord(ord, len(axes))
    if len(axes) == 2:
        _reduction_dims(axes, x, "Sum")  # TF's reduction refuses an axis given twice
    if x.is_complex() and (
        ord is None or (len(axes) == 1 and ord == 2) or (len(axes) == 2 and ord == "fro")
    ):
        return wrap(_euclidean(x, axes, keepdims))
    if len(axes) == 1:
        return wrap(
            torch.linalg.vector_norm(
                x, ord=2 if ord is None else ord, dim=axes[0], keepdim=keepdims
            )
        )
    if len(axes) == 2:
        return wrap(
            torch.linalg.matrix_norm(
                x, ord="fro" if ord is None else ord, dim=axes, keepdim=keepdims
            )
        )
    raise ValueError(f"Invalid axis values. Received: axis={axis}")


def _check_ord(ord, count):  # noqa: A002 - Keras' name
    """Raises Keras' TF backend's errors for an ``ord`` it has no norm for (over ``count``
    axes), comparing ``ord`` in its order (so an array ``ord`` fails as there)."""
    inf = float("inf")
    if count == 1:
        if ord is None or ord == 2 or ord == inf or ord == -inf or ord == 0:
            return
        if isinstance(ord, str):
            raise ValueError(f"Invalid `ord` argument for vector norm. Received: ord={ord}")
        return
    if count != 2 or ord is None or ord == "fro" or ord == 1 or ord == -1:
        return
    if ord == inf or ord == -inf or ord in ("nuc", 2, -2):
        return
    raise ValueError(f"Invalid `ord` argument for matrix norm. Received: ord={ord}")


def _euclidean(x, axes, keepdims):
    """The 2-norm over ``axes`` (all when None); complex ``x`` gives TF's ``complex64``
    ``sqrt(sum(x * conj(x)))``."""
    if not x.is_complex():
        return torch.linalg.vector_norm(x, dim=axes, keepdim=keepdims)
    square = (x * x.conj()).sum(dim=axes, keepdim=keepdims) if axes else (x * x.conj()).sum()
    return square.to(torch.complex64).sqrt()


@_keras_export("keras.ops.inv", "keras.ops.linalg.inv")
def inv(x):
    """Matrix inverse (TF's ``MatrixInverse``: floating inputs only)."""
    return wrap(torch.linalg.inv(_square(_float_kernel_input(x, "MatrixInverse"))))


@_keras_export("keras.ops.det", "keras.ops.linalg.det")
def det(x):
    """Matrix determinant (TF's ``MatrixDeterminant``: floating inputs only)."""
    return wrap(torch.linalg.det(_square(_float_kernel_input(x, "MatrixDeterminant"))))


@_keras_export("keras.ops.solve", "keras.ops.linalg.solve")
def solve(a, b):
    """``x`` with ``a @ x = b``: Keras' shape checks, then TF's ``MatrixSolve`` (its dtype
    rules: floating ``a``, ``b`` of the same dtype; a singular ``a`` is its error)."""
    return _vector_system(_tf_solve, _operands(a, b))


@_keras_export("keras.ops.solve_triangular", "keras.ops.linalg.solve_triangular")
def solve_triangular(a, b, lower=False):
    """``x`` with ``a @ x = b`` for triangular ``a``: Keras' shape checks, then TF's
    ``MatrixTriangularSolve`` (its dtype and shape rules)."""
    return _vector_system(lambda a, b: _tf_triangular_solve(a, b, lower=lower), _operands(a, b))


def _operands(a, b):
    """``(a, b)`` of ``a @ x = b`` as Keras converts them (strings too), checked as Keras
    checks them."""
    return _system(_any_storage(a), _any_storage(b))


def _vector_system(kernel, operands):
    """``kernel`` (a tf.linalg solver) run as Keras' TF backend runs it: a ``b`` of one axis
    fewer than ``a`` gets a trailing axis, removed from the result."""
    a, b = operands
    if b.ndim == a.ndim - 1:
        return wrap(kernel(wrap(a), wrap(b[..., None]))._value[..., 0])
    return kernel(wrap(a), wrap(b))


@_keras_export("keras.ops.cholesky", "keras.ops.linalg.cholesky")
def cholesky(x, upper=False):
    """Cholesky factor (lower unless ``upper``) of a positive-definite matrix; non-floating
    inputs raise Keras' ``ValueError`` around TF's ``Cholesky`` attr error."""
    try:
        x = _float_kernel_input(x, "Cholesky")
    except _InvalidArgumentError as error:
        raise ValueError("Cholesky decomposition failed: %s" % error.message) from None
    return wrap(torch.linalg.cholesky(_square(x), upper=upper))


@_keras_export("keras.ops.qr", "keras.ops.linalg.qr")
def qr(x, mode="reduced"):
    """``(q, r)`` with ``x = q @ r``; ``mode`` ``'reduced'`` or ``'complete'``."""
    if mode not in {"reduced", "complete"}:  # a set, as Keras: an array is unhashable
        raise ValueError(
            f"`mode` argument value not supported. Expected one of {{'reduced', 'complete'}}. "
            f"Received: mode={mode}"
        )
    q, r = torch.linalg.qr(_kernel_matrices(float_of(storage(x)), "Qr", False), mode=mode)
    return wrap(q), wrap(r)


@_keras_export("keras.ops.svd", "keras.ops.linalg.svd")
def svd(x, full_matrices=True, compute_uv=True):
    """``(u, s, vh)`` with ``x = u @ diag(s) @ vh`` (singular values only when not
    ``compute_uv``); the flags are read as TF's ``Svd`` attrs (``compute_uv`` first)."""
    compute_uv = _bool_attr(compute_uv, "compute_uv", True)
    full_matrices = _bool_attr(full_matrices, "full_matrices", False)
    x = _rank2(_any_storage(x))
    _check_dtype(x, _SVD_DTYPES, "Svd")
    if not compute_uv:
        return wrap(torch.linalg.svdvals(x))
    u, s, vh = torch.linalg.svd(x, full_matrices=full_matrices)
    return wrap(u), wrap(s), wrap(vh)


@_keras_export("keras.ops.eigh", "keras.ops.linalg.eigh")
def eigh(x):
    """``(eigenvalues, eigenvectors)`` of a symmetric matrix, eigenvalues ascending."""
    w, v = torch.linalg.eigh(_square(_float_kernel_input(x, "SelfAdjointEigV2"), unpack_first=True))
    return wrap(w), wrap(v)


@_keras_export("keras.ops.eig", "keras.ops.linalg.eig")
def eig(x):
    """``(eigenvalues, eigenvectors)`` of a square matrix (complex results)."""
    w, v = torch.linalg.eig(_square(float_of(storage(x)), unpack_first=True))
    return wrap(w), wrap(v)


@_keras_export("keras.ops.pinv", "keras.ops.linalg.pinv")
def pinv(x, rcond=None):
    """Moore-Penrose pseudo-inverse; singular values below ``rcond`` times the largest are
    dropped (default ``10 * max(M, N) * eps``, TF's)."""
    x = _tfp_matrices(float_of(storage(x)))
    if isinstance(rcond, (str, bytes)):
        raise _cannot_convert(rcond, _dtypes.float32)
    if _np.ndim(rcond):  # TF's pinv sets its static output shape on the broadcast result
        shape = tuple(x.shape[:-2]) + (x.shape[-1], x.shape[-2])
        raise ValueError(
            "Tensor's shape %s is not compatible with supplied shape %s."
            % (tuple(_np.shape(rcond)) + shape, shape)
        )
    if rcond is None:
        rcond = 10.0 * max(x.shape[-2:]) * torch.finfo(x.dtype).eps
    return wrap(torch.linalg.pinv(x, rtol=rcond))


@_keras_export("keras.ops.lstsq", "keras.ops.linalg.lstsq")
def lstsq(a, b, rcond=None):
    """Least-squares ``x`` minimizing ``|a @ x - b|`` for 2-D ``a`` and 1-D/2-D ``b``, as Keras'
    TF backend computes it: singular values below ``rcond`` (``eps`` where negative) times the
    largest are dropped; ``b`` must have ``a``'s dtype (TF's ``MatMul`` error otherwise)."""
    a, b = _any_storage(a), _any_storage(b)
    if a.shape[0] != b.shape[0]:  # a scalar fails reading its shape, as in Keras
        raise ValueError("Leading dimensions of input arrays must match")
    if a.ndim != 2:
        raise TypeError(f"{a.ndim}-dimensional array given. Array must be two-dimensional")
    if b.ndim not in (1, 2):
        raise TypeError(f"{b.ndim}-dimensional array given. Array must be one or two-dimensional")
    eps = _eps(a)
    if rcond is not None:
        below = _any_storage(rcond < 0)  # compared first, as Keras does (a string fails here)
        rcond = torch.where(below, eps, _any_storage(rcond))
    u, s, vh = torch.linalg.svd(a, full_matrices=False)
    if not s.shape[0]:
        raise _op_error(
            "StridedSlice", "slice index 0 of dimension 0 out of bounds.", s, "strided_slice/"
        )
    if rcond is None:
        keep = s >= eps * max(a.shape) * s[0]
    else:
        limit = rcond.to(s.device, s.dtype)
        _broadcast_shapes("GreaterEqual", s.shape, limit.shape, s)
        keep = s >= limit * s[0]
    inv_s = torch.where(keep, 1 / torch.where(keep, s, torch.ones_like(s)), torch.zeros_like(s))
    rhs = b if b.ndim == 2 else b[:, None]
    if isinstance(rhs, _np.ndarray) or rhs.dtype != a.dtype:
        raise _input_dtype_error("MatMul", 1, a, rhs, kernel=_kernel_name("MatMul", a))
    x = vh.mH @ (inv_s[:, None].to(a.dtype) * (u.mH @ rhs))
    return wrap(x if b.ndim == 2 else x[:, 0])


def _eps(a):
    """The machine epsilon of ``a``'s dtype (its real part's), or NumPy's ``finfo`` error for
    a dtype that is not inexact (Keras' TF backend asks ``finfo``)."""
    if isinstance(a, _np.ndarray):
        _np.finfo(_np.object_)
    if not (a.is_floating_point() or a.is_complex()):
        _np.finfo(_np.dtype(_NAME[a.dtype]))
    return torch.finfo(a.real.dtype if a.is_complex() else a.dtype).eps


@_keras_export("keras.ops.matrix_rank", "keras.ops.linalg.matrix_rank")
def matrix_rank(x, tol=None):
    """Number of singular values above ``tol`` (default ``max(M, N) * eps * largest``), int32."""
    x = _tfp_matrices(float_of(storage(x)))
    if isinstance(tol, (str, bytes)):
        raise _cannot_convert(tol, _dtypes.float32)
    if tol is None:
        return wrap(torch.linalg.matrix_rank(x).to(torch.int32))
    above = wrap(torch.linalg.svdvals(x)) > tol  # TF's comparison: its conversion, broadcasting
    return wrap(above._value.sum(-1, dtype=torch.int32))


def _kernel_matrices(x, op, square=True):
    """``x``, or the error TF's linalg kernel ``op`` (``Cholesky``, ``Qr`` ...) gives for fewer
    than two axes or (``square``) non-square matrices, as Keras' TF backend runs it."""
    if x.dim() < 2:
        raise _op_error(op, "Input tensor 0 must have rank >= 2, got %d" % x.dim())
    if square and x.shape[-1] != x.shape[-2]:
        raise _op_error(op, "Input matrix must be square.")
    return x


def _tfp_matrices(x):
    """``x``, or the ``ValueError`` of tfp-style ``pinv``/``matrix_rank`` (Keras' TF backend)
    for fewer than two axes."""
    if x.dim() < 2:
        raise ValueError("Input `a` must have at least 2 dimensions (saw: %d)." % x.dim())
    return x


def _rank2(x):
    """``x``, or Keras' ``ValueError`` when it has fewer than two axes."""
    if x.ndim < 2:
        raise ValueError(
            "Expected input to have rank >= 2. Received input with shape %s." % (tuple(x.shape),)
        )
    return x


def _square(x, unpack_first=False):
    """``x``, or Keras' ``ValueError`` when it is not a (batch of) square matrices
    (``unpack_first``: the squareness is read first, as Keras' eig and eigh do, so that a
    vector fails unpacking its shape)."""
    if not unpack_first:
        _rank2(x)
    m, n = x.shape[-2:]
    if m != n:
        raise ValueError(
            "Expected a square matrix. Received non-square input with shape %s" % (tuple(x.shape),)
        )
    return _rank2(x)


def _any_storage(x):
    """The storage of Keras' ``convert_to_tensor(x)``: torch's, or TF's string storage (a NumPy
    object array), for the ops whose checks read a string tensor's shape first."""
    if isinstance(x, _TensorOperators):
        return x._value
    return x if isinstance(x, torch.Tensor) else _to_torch(x)


def _system(a, b):
    """``(a, b)`` of ``a @ x = b``, or Keras' ``ValueError`` for incompatible shapes (read as
    Keras reads them: ``b``'s value printed as its scalar)."""
    _square(a)
    if b.ndim < 1:
        value = b if isinstance(b, _np.ndarray) else b.cpu().numpy()
        raise ValueError("Expected input to have rank >= 1. Received scalar input %s." % value)
    axis = -2 if a.ndim == b.ndim else -1 if a.ndim == b.ndim - 1 else None
    if axis is not None and a.shape[axis] != b.shape[axis]:
        raise ValueError(
            "Incompatible shapes between `a` and `b`. Expected `a.shape[%d] == b.shape[%d]`. "
            "Received: a.shape=%s, b.shape=%s" % (axis, axis, tuple(a.shape), tuple(b.shape))
        )
    return a, b
