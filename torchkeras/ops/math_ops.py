"""Elementwise math, reductions, scans, comparisons and ``matmul`` (``tf.math``).

Every op takes its inputs' storage (``x._value``), calls torch once and wraps
the result, so all ops are differentiable under ``tf.GradientTape``.  Dtypes
follow TF: each op accepts the dtypes TF's kernel accepts and raises TF's
``InvalidArgumentError`` text otherwise (``tf.sqrt`` of int32 is an error,
``tf.reduce_mean`` of ints divides as integers, ``tf.argmax`` gives int64).

Operand conversion follows TF's paths: ``tf.add`` and ``tf.matmul`` convert
the first operand on its own and the second with the first's dtype as a hint
(``tensor_ops.inputs``; a mismatch is ``InvalidArgumentError``); most other
binary ops convert a non-tensor operand *to* the other operand's dtype and
raise ``TypeError`` when that is lossy (``tf.maximum(int_tensor, 2.5)``);
``tf.divide``/``truediv`` raise TF's ``TypeError`` for differing dtypes.

``__all__`` lists the names TF has at top level (``tf.add``, ``tf.reduce_sum``);
the rest (``tf.math.log``, ``tf.math.reduce_std`` ...) are reached through
``torchkeras.math``, as in TF.
"""
from __future__ import annotations

import collections

import numpy as np
import torch

from ..framework import dtypes
from ..framework.convert import to_torch, to_torch_like
from ..framework.device import tf_device_string
from ..framework.errors import InvalidArgumentError, NotFoundError
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.tensor_ops import inputs, op_error, translate_error, truediv as _truediv

__all__ = [
    "abs", "acos", "acosh", "add", "add_n", "argmax", "argmin", "asin", "asinh",
    "atan", "atan2", "atanh", "clip_by_value", "cos", "cosh", "cumsum", "divide",
    "einsum", "equal", "exp", "floor", "greater", "greater_equal", "less",
    "less_equal", "logical_and", "logical_not", "logical_or", "matmul", "maximum",
    "minimum", "multiply", "negative", "norm", "not_equal", "pow", "realdiv",
    "reduce_all", "reduce_any", "reduce_logsumexp", "reduce_max", "reduce_mean",
    "reduce_min", "reduce_prod", "reduce_sum", "round", "scalar_mul", "sigmoid",
    "sign", "sin", "sinh", "sqrt", "square", "subtract", "tan", "tanh",
    "tensordot", "truediv", "truncatediv", "truncatemod", "where",
]

_new = object.__new__

# ---------------------------------------------------------------------------
# Storage of inputs and TF's error texts
# ---------------------------------------------------------------------------

_TF_TYPE = {"float32": "float", "float64": "double", "float16": "half"}


def _storage(x):
    """The storage of any tensor-like op input (Tensor, Variable, NumPy, Python)."""
    return x._value if isinstance(x, TensorOperators) else to_torch(x)


def _dtype_of(storage):
    return dtypes.string if isinstance(storage, np.ndarray) else dtypes.from_torch(storage.dtype)


def tf_type_name(storage_or_dtype):
    """TF's C++ name of a dtype (``float``, ``double``, ``int32`` ...) as error texts print it."""
    dtype = storage_or_dtype if isinstance(storage_or_dtype, dtypes.DType) else _dtype_of(storage_or_dtype)
    return _TF_TYPE.get(dtype.name, dtype.name)


def attr_error(opname, dtype_name, attr="T", allowed=None):
    """TF's ``InvalidArgumentError`` for a dtype an op's kernel does not accept.

    ``allowed`` (TF type names, in the op's order) defaults to the op's ``T`` list.
    """
    group, text = _OPDEFS[opname]
    names = allowed if allowed is not None else _GROUPS[group].split()
    return InvalidArgumentError(None, None, "Value for attr '%s' of %s is not in the list of allowed values: %s\n\t; NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s] name: " % (
        attr, dtype_name, ", ".join(n.lower() for n in names), opname, opname, text % _DT_LISTS, opname))


def input_dtype_error(opname, index, expected, got, kernel=None):
    """TF's ``InvalidArgumentError`` for input ``#index`` of the wrong dtype (type names); ``kernel``
    is the kernel TF names when it differs from the op (``_MklMatMul``)."""
    return op_error(opname, "cannot compute %s as input #%d(zero-based) was expected to be a %s tensor but is a %s tensor"
                    % (kernel or opname, index, expected, got), wrapped=False)


_MKL_DTYPES = frozenset((torch.float32, torch.bfloat16))


def kernel_name(opname, storage):
    """The kernel TF's CPU build runs for ``opname``: oneDNN's ``_Mkl...`` for float32/bfloat16
    matrix products, as TF 2.21's error texts name it; the op itself otherwise."""
    if storage.dtype in _MKL_DTYPES and storage.device.type == "cpu":
        return "_Mkl" + opname
    return opname


def check_dtype(storage, allowed, opname):
    """Raises TF's attr error unless ``storage``'s dtype is in the torch-dtype set ``allowed``."""
    if storage.dtype not in allowed:
        raise attr_error(opname, tf_type_name(storage))


def allowed_dtypes(opname):
    """The torch dtypes op ``opname``'s kernel accepts (TF's ``T`` list)."""
    return frozenset(_TORCH[n] for n in _GROUPS[_OPDEFS[opname][0]].split() if _TORCH.get(n) is not None)


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


def _unary(fn, opname, public, doc):
    allowed = allowed_dtypes(opname)

    def op(x, name=None):
        a = x._value if type(x) is Tensor else _storage(x)
        if a.dtype not in allowed:
            raise attr_error(opname, tf_type_name(a))
        tensor = _new(Tensor)
        tensor._value = fn(a)
        return tensor
    op.__name__ = op.__qualname__ = public
    op.__doc__ = doc
    return op


def _binary(fn, opname, public, doc):
    allowed = allowed_dtypes(opname)

    def op(x, y, name=None):
        if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype:
            a, b = x._value, y._value
        else:
            a, b = strict_inputs(x, y, opname)
        if a.dtype not in allowed:
            raise attr_error(opname, tf_type_name(a))
        try:
            return wrap(fn(a, b))
        except (RuntimeError, TypeError, ValueError) as error:
            raise translate_error(error, opname, a, b) from None
    op.__name__ = op.__qualname__ = public
    op.__doc__ = doc
    return op


# ---------------------------------------------------------------------------
# TF's op definitions, for its dtype error texts: the ``T`` dtypes each kernel
# accepts (groups, in TF's order) and the op's signature as TF prints it.
# ---------------------------------------------------------------------------

_GROUPS = {
    'G0': 'BFLOAT16 HALF FLOAT DOUBLE INT8 INT16 INT32 INT64',
    'G1': 'BFLOAT16 HALF FLOAT DOUBLE INT8 INT16 INT32 INT64 COMPLEX64 COMPLEX128',
    'G2': 'BFLOAT16 HALF FLOAT DOUBLE INT8 INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64 COMPLEX64 COMPLEX128',
    'G3': 'BFLOAT16 HALF FLOAT DOUBLE COMPLEX64 COMPLEX128',
    'G4': 'BFLOAT16 HALF FLOAT DOUBLE',
    'G5': 'HALF BFLOAT16 FLOAT DOUBLE',
    'G6': 'FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64 QINT8',
    'G7': 'FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64',
    'G8': 'BFLOAT16 HALF FLOAT DOUBLE UINT8 UINT16 UINT32 UINT64 INT8 INT16 INT32 INT64 COMPLEX64 COMPLEX128',
    'G9': 'BFLOAT16 HALF FLOAT DOUBLE UINT8 INT8 UINT16 INT16 INT32 INT64 COMPLEX64 COMPLEX128 UINT32 UINT64',
    'G10': 'BFLOAT16 HALF FLOAT DOUBLE UINT8 INT8 UINT16 INT16 INT32 UINT32 UINT64 INT64 COMPLEX64 COMPLEX128',
    'G11': 'INT8 INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64 BFLOAT16 HALF FLOAT DOUBLE',
    'G12': 'BFLOAT16 FLOAT HALF DOUBLE INT8 INT16 INT32 INT64 COMPLEX64 COMPLEX128',
    'G13': 'BFLOAT16 HALF FLOAT DOUBLE INT8 UINT8 INT16 UINT16 INT32 UINT32 INT64 UINT64',
    'G14': 'BFLOAT16 HALF FLOAT DOUBLE INT32 INT64 COMPLEX64 COMPLEX128',
    'G15': 'HALF FLOAT BFLOAT16 DOUBLE COMPLEX64 COMPLEX128',
    'G16': 'HALF BFLOAT16 FLOAT DOUBLE COMPLEX64 COMPLEX128',
    'G17': 'FLOAT DOUBLE INT32 UINT8 INT16 INT8 COMPLEX64 INT64 QINT8 QUINT8 QINT32 BFLOAT16 QINT16 QUINT16 UINT16 COMPLEX128 HALF UINT32 UINT64',
    'G18': 'BFLOAT16 HALF FLOAT DOUBLE INT32 INT64 UINT8 UINT16 UINT32 UINT64 COMPLEX64 COMPLEX128',
    'G19': 'FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64 QINT8 QUINT8 QINT32 QINT16 QUINT16',
    'G20': 'FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64 QINT8 QUINT8 QINT32 QINT16 QUINT16 BOOL',
    'G21': 'FLOAT DOUBLE INT32 UINT8 INT16 INT8 COMPLEX64 INT64 QINT8 QUINT8 QINT32 BFLOAT16 QINT16 QUINT16 UINT16 COMPLEX128 HALF UINT32 UINT64 VARIANT',
    'G22': 'DOUBLE FLOAT HALF COMPLEX64 COMPLEX128',
    'G23': 'HALF FLOAT DOUBLE COMPLEX64 COMPLEX128',
    'G24': 'BFLOAT16 HALF FLOAT DOUBLE INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64 COMPLEX64 COMPLEX128',
    'G25': 'COMPLEX64 COMPLEX128',
    'G26': 'INT32 INT64 BFLOAT16 HALF FLOAT DOUBLE',
    'G27': 'INT32 INT64',
}
_OPDEFS = {
    'Abs': ('G0',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G0)s]'),
    'Sign': ('G1',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]'),
    'Square': ('G2',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G2)s]'),
    'Sqrt': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Rsqrt': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Exp': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Log': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Log1p': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Expm1': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Sin': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Cos': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Tan': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Tanh': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Sigmoid': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Neg': ('G1',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]'),
    'Round': ('G1',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]'),
    'Floor': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Ceil': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Erf': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Erfc': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Softplus': ('G5',
        'signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]'),
    'Softsign': ('G5',
        'signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]'),
    'IsNan': ('G4',
        'signature=x:T -> y:bool; attr=T:type,allowed=[%(G4)s]'),
    'IsInf': ('G4',
        'signature=x:T -> y:bool; attr=T:type,allowed=[%(G4)s]'),
    'IsFinite': ('G4',
        'signature=x:T -> y:bool; attr=T:type,allowed=[%(G4)s]'),
    'Asin': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Acos': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Atan': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Sinh': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Cosh': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Asinh': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Acosh': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Atanh': ('G3',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]'),
    'Lgamma': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Digamma': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Rint': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'Relu': ('G6',
        'signature=features:T -> activations:T; attr=T:type,allowed=[%(G6)s]'),
    'Relu6': ('G7',
        'signature=features:T -> activations:T; attr=T:type,allowed=[%(G7)s]'),
    'Elu': ('G5',
        'signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]'),
    'Selu': ('G5',
        'signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]'),
    'LeakyRelu': ('G5',
        'signature=features:T -> activations:T; attr=alpha:float,default=0.2; attr=T:type,default=DT_FLOAT,allowed=[%(G5)s]'),
    'Softmax': ('G5',
        'signature=logits:T -> softmax:T; attr=T:type,allowed=[%(G5)s]'),
    'LogSoftmax': ('G5',
        'signature=logits:T -> logsoftmax:T; attr=T:type,allowed=[%(G5)s]'),
    'AddV2': ('G8',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G8)s]; is_commutative=true; is_aggregate=true'),
    'Sub': ('G9',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G9)s]'),
    'Mul': ('G10',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]; is_commutative=true'),
    'RealDiv': ('G10',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]'),
    'FloorDiv': ('G10',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]'),
    'FloorMod': ('G11',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G11)s]'),
    'Pow': ('G12',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G12)s]'),
    'Maximum': ('G13',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G13)s]'),
    'Minimum': ('G13',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G13)s]'),
    'SquaredDifference': ('G14',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G14)s]; is_commutative=true'),
    'DivNoNan': ('G15',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G15)s]'),
    'Atan2': ('G4',
        'signature=y:T, x:T -> z:T; attr=T:type,allowed=[%(G4)s]'),
    'Xlogy': ('G16',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G16)s]'),
    'Xdivy': ('G16',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G16)s]'),
    'Less': ('G7',
        'signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]'),
    'LessEqual': ('G7',
        'signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]'),
    'Greater': ('G7',
        'signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]'),
    'GreaterEqual': ('G7',
        'signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]'),
    'Equal': (None,
        'signature=x:T, y:T -> z:bool; attr=T:type; attr=incompatible_shape_error:bool,default=true; is_commutative=true'),
    'NotEqual': (None,
        'signature=x:T, y:T -> z:bool; attr=T:type; attr=incompatible_shape_error:bool,default=true; is_commutative=true'),
    'BiasAdd': ('G17',
        'signature=value:T, bias:T -> output:T; attr=T:type,allowed=[%(G17)s]; attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW"]'),
    'MatMul': ('G18',
        'signature=a:T, b:T -> product:T; attr=transpose_a:bool,default=false; attr=transpose_b:bool,default=false; attr=T:type,allowed=[%(G18)s]; attr=grad_a:bool,default=false; attr=grad_b:bool,default=false'),
    'Cumsum': ('G17',
        'signature=x:T, axis:Tidx -> out:T; attr=exclusive:bool,default=false; attr=reverse:bool,default=false; attr=T:type,allowed=[%(G17)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'Cumprod': ('G17',
        'signature=x:T, axis:Tidx -> out:T; attr=exclusive:bool,default=false; attr=reverse:bool,default=false; attr=T:type,allowed=[%(G17)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'Sum': ('G17',
        'signature=input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'Mean': ('G17',
        'signature=input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'Max': ('G19',
        'signature=input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G19)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'Min': ('G19',
        'signature=input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G19)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'Prod': ('G17',
        'signature=input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'ArgMax': ('G20',
        'signature=input:T, dimension:Tidx -> output:output_type; attr=T:type,allowed=[%(G20)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=output_type:type,default=DT_INT64,allowed=[DT_INT16, DT_UINT16, DT_INT32, DT_INT64]'),
    'ArgMin': ('G20',
        'signature=input:T, dimension:Tidx -> output:output_type; attr=T:type,allowed=[%(G20)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; attr=output_type:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]'),
    'AddN': ('G21',
        'signature=inputs:N*T -> sum:T; attr=N:int,min=1; attr=T:type,allowed=[%(G21)s]; is_commutative=true; is_aggregate=true'),
    'TopKV2': ('G7',
        'signature=input:T, k:Tk -> values:T, indices:index_type; attr=sorted:bool,default=true; attr=T:type,allowed=[%(G7)s]; attr=Tk:type,default=DT_INT32,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=index_type:type,default=DT_INT32,allowed=[DT_INT16, DT_INT32, DT_INT64]'),
    'Reciprocal': ('G1',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]'),
    'MatrixInverse': ('G22',
        'signature=input:T -> output:T; attr=adjoint:bool,default=false; attr=T:type,allowed=[%(G22)s]'),
    'MatrixDeterminant': ('G23',
        'signature=input:T -> output:T; attr=T:type,allowed=[%(G23)s]'),
    'Cholesky': ('G22',
        'signature=input:T -> output:T; attr=T:type,allowed=[%(G22)s]'),
    'Qr': ('G22',
        'signature=input:T -> q:T, r:T; attr=full_matrices:bool,default=false; attr=T:type,allowed=[%(G22)s]'),
    'Svd': ('G22',
        'signature=input:T -> s:T, u:T, v:T; attr=compute_uv:bool,default=true; attr=full_matrices:bool,default=false; attr=T:type,allowed=[%(G22)s]'),
    'SelfAdjointEigV2': ('G22',
        'signature=input:T -> e:T, v:T; attr=compute_v:bool,default=true; attr=T:type,allowed=[%(G22)s]'),
    'MatrixSolve': ('G22',
        'signature=matrix:T, rhs:T -> output:T; attr=adjoint:bool,default=false; attr=T:type,allowed=[%(G22)s]'),
    'MatrixBandPart': (None,
        'signature=input:T, num_lower:Tindex, num_upper:Tindex -> band:T; attr=T:type; attr=Tindex:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]'),
    'MatrixDiagV3': (None,
        'signature=diagonal:T, k:int32, num_rows:int32, num_cols:int32, padding_value:T -> output:T; attr=T:type; attr=align:string,default="RIGHT_LEFT",allowed=["LEFT_RIGHT", "RIGHT_LEFT", "LEFT_LEFT", "RIGHT_RIGHT"]'),
    'MatrixDiagPartV3': (None,
        'signature=input:T, k:int32, padding_value:T -> diagonal:T; attr=T:type; attr=align:string,default="RIGHT_LEFT",allowed=["LEFT_RIGHT", "RIGHT_LEFT", "LEFT_LEFT", "RIGHT_RIGHT"]'),
    'Einsum': (None,
        'signature=inputs:N*T -> output:T; attr=equation:string; attr=N:int,min=1; attr=T:type'),
    'L2Loss': ('G5',
        'signature=t:T -> output:T; attr=T:type,allowed=[%(G5)s]'),
    'SparseSoftmaxCrossEntropyWithLogits': ('G5',
        'signature=features:T, labels:Tlabels -> loss:T, backprop:T; attr=T:type,allowed=[%(G5)s]; attr=Tlabels:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]'),
    'SoftmaxCrossEntropyWithLogits': ('G5',
        'signature=features:T, labels:T -> loss:T, backprop:T; attr=T:type,allowed=[%(G5)s]'),
    'BatchMatMulV2': ('G24',
        'signature=x:T, y:T -> output:T; attr=T:type,allowed=[%(G24)s]; attr=adj_x:bool,default=false; attr=adj_y:bool,default=false; attr=grad_x:bool,default=false; attr=grad_y:bool,default=false'),
    'ComplexAbs': ('G25',
        'signature=x:T -> y:Tout; attr=T:type,default=DT_COMPLEX64,allowed=[%(G25)s]; attr=Tout:type,default=DT_FLOAT,allowed=[DT_FLOAT, DT_DOUBLE]'),
    'Xlog1py': ('G16',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G16)s]'),
    'EuclideanNorm': ('G17',
        'signature=input:T, reduction_indices:Tidx -> output:T; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'LogMatrixDeterminant': ('G23',
        'signature=input:T -> sign:T, log_abs_determinant:T; attr=T:type,allowed=[%(G23)s]'),
    'TruncateDiv': ('G10',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]'),
    'TruncateMod': ('G26',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G26)s]'),
    'Erfinv': ('G4',
        'signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]'),
    'MulNoNan': ('G3',
        'signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G3)s]'),
    'CumulativeLogsumexp': ('G4',
        'signature=x:T, axis:Tidx -> out:T; attr=exclusive:bool,default=false; attr=reverse:bool,default=false; attr=T:type,allowed=[%(G4)s]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'SegmentSum': ('G17',
        'signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G17)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]'),
    'SegmentMean': ('G17',
        'signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G17)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]'),
    'SegmentMax': ('G7',
        'signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G7)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]'),
    'SegmentMin': ('G7',
        'signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G7)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]'),
    'SegmentProd': ('G17',
        'signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G17)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]'),
    'UnsortedSegmentSum': ('G17',
        'signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; attr=T:type,allowed=[%(G17)s]; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'UnsortedSegmentMax': ('G7',
        'signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; attr=T:type,allowed=[%(G7)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'UnsortedSegmentMin': ('G7',
        'signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; attr=T:type,allowed=[%(G7)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'UnsortedSegmentProd': ('G17',
        'signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; attr=T:type,allowed=[%(G17)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]'),
    'GatherV2': (None,
        'signature=params:Tparams, indices:Tindices, axis:Taxis -> output:Tparams; attr=batch_dims:int,default=0; attr=Tparams:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=Taxis:type,allowed=[DT_INT32, DT_INT64]'),
    'InTopKV2': ('G27',
        'signature=predictions:float, targets:T, k:T -> precision:bool; attr=T:type,default=DT_INT32,allowed=[%(G27)s]'),
}

_DT_LISTS = {group: ", ".join("DT_" + t for t in names.split()) for group, names in _GROUPS.items()}
_TORCH = {
    "BFLOAT16": torch.bfloat16, "HALF": torch.float16, "FLOAT": torch.float32, "DOUBLE": torch.float64,
    "INT8": torch.int8, "INT16": torch.int16, "INT32": torch.int32, "INT64": torch.int64,
    "UINT8": torch.uint8, "UINT16": getattr(torch, "uint16", None), "UINT32": getattr(torch, "uint32", None),
    "UINT64": getattr(torch, "uint64", None), "COMPLEX64": torch.complex64, "COMPLEX128": torch.complex128,
    "BOOL": torch.bool,
}


_ABS_ALLOWED = allowed_dtypes("Abs") | {torch.complex64, torch.complex128}
_NEG_ALLOWED = allowed_dtypes("Neg")
_SOFTPLUS_ALLOWED = allowed_dtypes("Softplus")
_ADDN_ALLOWED = allowed_dtypes("AddN")
_EUCLIDEAN_ALLOWED = allowed_dtypes("EuclideanNorm")
_MULNONAN_ALLOWED = allowed_dtypes("MulNoNan")
_INTEGER_NORM_ALLOWED = frozenset((torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8))
_DIV_ALLOWED = frozenset((torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bfloat16, torch.float16,
                          torch.float32, torch.float64, torch.complex64, torch.complex128)) | frozenset(
    t for t in (getattr(torch, "uint16", None), getattr(torch, "uint32", None), getattr(torch, "uint64", None)) if t is not None)
_ADD_ALLOWED = allowed_dtypes("AddV2")
_MINMAX_ALLOWED = allowed_dtypes("Minimum")
_SUM_ALLOWED = allowed_dtypes("Sum")
_MAX_ALLOWED = allowed_dtypes("Max")
_FLOAT_ALLOWED = allowed_dtypes("IsFinite")
_SQRT_ALLOWED = allowed_dtypes("Sqrt")
_ARG_ALLOWED = allowed_dtypes("ArgMax")
_TOPK_ALLOWED = allowed_dtypes("TopKV2")
_MATMUL_ALLOWED = allowed_dtypes("MatMul")


def kernel_error(kernel, opname, text, storage):
    """An ``InvalidArgumentError`` raised by TF kernel ``kernel`` of op ``opname`` (eager layout)."""
    device = tf_device_string(storage.device if isinstance(storage, torch.Tensor) else torch.device("cpu"))
    if kernel.startswith("_Mkl"):
        kernel = "_" + kernel  # TF prints oneDNN kernels' wrapped names with one more underscore
    return InvalidArgumentError(None, None, "{{function_node __wrapped__%s_device_%s}} %s [Op:%s] name: " % (kernel, device, text, opname))


def no_kernel(opname, storage):
    """TF's ``NotFoundError`` for a dtype the op declares but has no CPU/GPU kernel for."""
    return NotFoundError(None, None, "Could not find device for node: {{node %s}} = %s[T=DT_%s] [Op:%s] name: "
                         % (opname, opname, _dtype_of(storage).name.upper(), opname))


# ---------------------------------------------------------------------------
# Elementwise unary ops
# ---------------------------------------------------------------------------

def abs(x, name=None):  # noqa: A001 - TF's name
    """``tf.abs``: elementwise absolute value; complex inputs give their real magnitude."""
    a = x._value if type(x) is Tensor else _storage(x)
    if a.dtype not in _ABS_ALLOWED:
        raise attr_error("Abs", tf_type_name(a))
    return wrap(torch.abs(a))


def _no_gradient(fn):
    """``fn`` with its result cut from autograd: TF registers no gradient for rounding ops,
    so a tape gives ``None`` through them."""
    def op(*args):
        return fn(*args).detach()
    return op


def _sign(a):
    return torch.sgn(a) if a.is_complex() else torch.sign(a)


def reciprocal(x, name=None):
    """``tf.math.reciprocal``: ``1 / x`` for float and complex tensors (TF has no integer kernel)."""
    a = _storage(x)
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        if isinstance(a, torch.Tensor) and a.dtype in (torch.int8, torch.int16, torch.int32, torch.int64):
            raise no_kernel("Reciprocal", a)
        raise attr_error("Reciprocal", tf_type_name(a))
    return wrap(torch.reciprocal(a))


sign = _unary(_sign, "Sign", "sign", "``tf.math.sign``: -1, 0 or 1 elementwise (``x / |x|`` for complex).")
square = _unary(torch.square, "Square", "square", "``tf.math.square``: ``x * x`` elementwise (any numeric dtype).")
sqrt = _unary(torch.sqrt, "Sqrt", "sqrt", "``tf.math.sqrt``: elementwise square root (float and complex only, as TF).")
rsqrt = _unary(torch.rsqrt, "Rsqrt", "rsqrt", "``tf.math.rsqrt``: ``1 / sqrt(x)`` elementwise (float and complex).")
exp = _unary(torch.exp, "Exp", "exp", "``tf.math.exp``: elementwise ``e ** x`` (float and complex).")
log = _unary(torch.log, "Log", "log", "``tf.math.log``: elementwise natural logarithm (float and complex).")
log1p = _unary(torch.log1p, "Log1p", "log1p", "``tf.math.log1p``: ``log(1 + x)`` elementwise, accurate near 0.")
expm1 = _unary(torch.expm1, "Expm1", "expm1", "``tf.math.expm1``: ``exp(x) - 1`` elementwise, accurate near 0.")
sin = _unary(torch.sin, "Sin", "sin", "``tf.math.sin``: elementwise sine.")
cos = _unary(torch.cos, "Cos", "cos", "``tf.math.cos``: elementwise cosine.")
tan = _unary(torch.tan, "Tan", "tan", "``tf.math.tan``: elementwise tangent.")
asin = _unary(torch.asin, "Asin", "asin", "``tf.math.asin``: elementwise arcsine.")
acos = _unary(torch.acos, "Acos", "acos", "``tf.math.acos``: elementwise arccosine.")
atan = _unary(torch.atan, "Atan", "atan", "``tf.math.atan``: elementwise arctangent.")
sinh = _unary(torch.sinh, "Sinh", "sinh", "``tf.math.sinh``: elementwise hyperbolic sine.")
cosh = _unary(torch.cosh, "Cosh", "cosh", "``tf.math.cosh``: elementwise hyperbolic cosine.")
tanh = _unary(torch.tanh, "Tanh", "tanh", "``tf.math.tanh``: elementwise hyperbolic tangent (float and complex).")
asinh = _unary(torch.asinh, "Asinh", "asinh", "``tf.math.asinh``: elementwise inverse hyperbolic sine.")
acosh = _unary(torch.acosh, "Acosh", "acosh", "``tf.math.acosh``: elementwise inverse hyperbolic cosine.")
atanh = _unary(torch.atanh, "Atanh", "atanh", "``tf.math.atanh``: elementwise inverse hyperbolic tangent.")
sigmoid = _unary(torch.sigmoid, "Sigmoid", "sigmoid", "``tf.math.sigmoid``: ``1 / (1 + exp(-x))`` elementwise (float and complex).")
negative = _unary(torch.neg, "Neg", "negative", "``tf.math.negative``: ``-x`` elementwise.")
round = _unary(_no_gradient(torch.round), "Round", "round", "``tf.math.round``: rounds half to even (banker's rounding), as TF; integers unchanged.")  # noqa: A001
floor = _unary(_no_gradient(torch.floor), "Floor", "floor", "``tf.math.floor``: largest integer not above ``x`` (floats only).")
ceil = _unary(_no_gradient(torch.ceil), "Ceil", "ceil", "``tf.math.ceil``: smallest integer not below ``x`` (floats only).")
rint = _unary(_no_gradient(torch.round), "Rint", "rint", "``tf.math.rint``: nearest integer, half to even (floats only).")
erf = _unary(torch.erf, "Erf", "erf", "``tf.math.erf``: the Gauss error function (floats only).")
erfc = _unary(torch.erfc, "Erfc", "erfc", "``tf.math.erfc``: ``1 - erf(x)`` (floats only).")
lgamma = _unary(torch.lgamma, "Lgamma", "lgamma", "``tf.math.lgamma``: log of the absolute Gamma function.")
digamma = _unary(torch.digamma, "Digamma", "digamma", "``tf.math.digamma``: derivative of ``lgamma``.")
softplus = _unary(torch.nn.functional.softplus, "Softplus", "softplus", "``tf.math.softplus``: ``log(exp(x) + 1)`` (floats only).")
softsign = _unary(torch.nn.functional.softsign, "Softsign", "softsign", "``tf.math.softsign``: ``x / (|x| + 1)`` (floats only).")
is_nan = _unary(torch.isnan, "IsNan", "is_nan", "``tf.math.is_nan``: bool mask of NaN elements (floats only).")
is_inf = _unary(torch.isinf, "IsInf", "is_inf", "``tf.math.is_inf``: bool mask of +-inf elements (floats only).")
is_finite = _unary(torch.isfinite, "IsFinite", "is_finite", "``tf.math.is_finite``: bool mask of finite elements (floats only).")


def log_sigmoid(x, name=None):
    """``tf.math.log_sigmoid``: ``-softplus(-x)``, computed stably; dtype errors name the ``Neg``
    or ``Softplus`` kernel, as TF's do."""
    a = _storage(x)
    check_dtype(a, _NEG_ALLOWED, "Neg")
    check_dtype(a, _SOFTPLUS_ALLOWED, "Softplus")
    return wrap(torch.nn.functional.logsigmoid(a))


# ---------------------------------------------------------------------------
# Elementwise binary ops
# ---------------------------------------------------------------------------


def _pow(a, b):
    if not (a.dtype.is_floating_point or a.dtype.is_complex) and bool((b < 0).any()):
        raise op_error("Pow", "Integers to negative integer powers are not allowed", a)
    return torch.pow(a, b)


def _squared_difference(a, b):
    return torch.square(torch.sub(a, b))


def _xlogy(a, b):
    return torch.xlogy(a, b)


def _xdivy(a, b):
    return torch.where(a == 0, torch.zeros_like(a), a / b)


def _logical_pair(x, y, opname):
    a, b = strict_inputs(x, y, opname) if not (type(x) is Tensor and type(y) is Tensor) else (x._value, y._value)
    if a.dtype is not torch.bool:
        raise input_dtype_error(opname, 0, "bool", tf_type_name(a))
    if b.dtype is not torch.bool:
        raise input_dtype_error(opname, 1, "bool", tf_type_name(b))
    return a, b


def _add(a, b):
    if isinstance(a, np.ndarray):
        return np.add(a, b).astype(object)
    return torch.add(a, b)


def add(x, y, name=None):
    """``tf.math.add``: ``x + y`` with broadcasting (strings concatenate); ``y`` converts with
    ``x``'s dtype as hint, as TF's ``add`` does."""
    if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype:
        a, b = x._value, y._value
    else:
        a, b = hinted_inputs(x, y, "AddV2")
    if a.dtype not in _ADD_ALLOWED and not isinstance(a, np.ndarray):
        raise attr_error("AddV2", tf_type_name(a))
    try:
        return wrap(_add(a, b))
    except (RuntimeError, TypeError, ValueError) as error:
        raise translate_error(error, "AddV2", a, b) from None
subtract = _binary(torch.sub, "Sub", "subtract", "``tf.math.subtract``: ``x - y`` with broadcasting.")
multiply = _binary(torch.mul, "Mul", "multiply", "``tf.math.multiply``: ``x * y`` elementwise with broadcasting.")
floordiv = _binary(_no_gradient(torch.floor_divide), "FloorDiv", "floordiv", "``tf.math.floordiv``: ``x // y`` rounding toward -inf; integer division by 0 raises.")
floormod = _binary(torch.remainder, "FloorMod", "floormod", "``tf.math.floormod``: remainder with the divisor's sign (Python's ``%``).")
mod = floormod
pow = _binary(_pow, "Pow", "pow", "``tf.math.pow``: ``x ** y``; integers to negative integer powers raise, as TF.")  # noqa: A001
def _maximum(a, b):
    return torch.where((a >= b) | (a != a), a, b)


def _minimum(a, b):
    return torch.where((a <= b) | (a != a), a, b)


maximum = _binary(_maximum, "Maximum", "maximum", "``tf.math.maximum``: elementwise max with broadcasting (not for bool); NaN "
                  "propagates and ties send the whole gradient to ``x``, as TF.")
minimum = _binary(_minimum, "Minimum", "minimum", "``tf.math.minimum``: elementwise min with broadcasting; ties send the gradient to ``x``.")
squared_difference = _binary(_squared_difference, "SquaredDifference", "squared_difference", "``tf.math.squared_difference``: ``(x - y) ** 2``.")
atan2 = _binary(torch.atan2, "Atan2", "atan2", "``tf.math.atan2``: elementwise ``atan(y / x)`` with the quadrant (arguments ``y, x``).")
xlogy = _binary(_xlogy, "Xlogy", "xlogy", "``tf.math.xlogy``: ``x * log(y)``, 0 where ``x == 0``.")
xdivy = _binary(_xdivy, "Xdivy", "xdivy", "``tf.math.xdivy``: ``x / y``, 0 where ``x == 0``.")
realdiv = _binary(torch.div, "RealDiv", "realdiv", "``tf.realdiv``: ``x / y`` for float and complex tensors.")


_DIV_NAMES = ("tf.uint8, tf.int8, tf.uint16, tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64, tf.bfloat16, "
              "tf.float16, tf.float32, tf.float64, tf.complex64, tf.complex128")


def _same_dtype_pair(x, y, where="__truediv__"):
    """TF's ``truediv`` conversion: ``y`` takes ``x``'s dtype as hint; a mismatch is a ``TypeError``."""
    a = _storage(x)
    b = y._value if isinstance(y, TensorOperators) else to_torch_like(y, a)
    if a.dtype != b.dtype:
        raise TypeError("`x` and `y` must have the same dtype, got %r != %r." % (_dtype_of(a), _dtype_of(b)))
    if a.dtype not in _DIV_ALLOWED:
        raise TypeError("Invalid dtype %r in %s. Expected one of {%s}." % (_dtype_of(a), where, _DIV_NAMES))
    return a, b


def _divide_pair(x, y, where="__truediv__"):
    if not isinstance(x, TensorOperators) and isinstance(y, TensorOperators):
        x = wrap(converted_like(x, y._value))
    return _same_dtype_pair(x, y, where)


def truediv(x, y, name=None):
    """``tf.math.truediv``: ``x / y``; integers are divided as float64 (float32 for 8/16-bit)."""
    if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype and x._value.dtype in _DIV_ALLOWED:
        a, b = x._value, y._value
    else:
        a, b = _same_dtype_pair(x, y)
    try:
        return wrap(_truediv(a, b))
    except RuntimeError as error:
        raise translate_error(error, "RealDiv", a, b) from None


def divide(x, y, name=None):
    """``tf.math.divide``: ``x / y`` as :func:`truediv`; a non-tensor ``x`` converts to ``y``'s dtype."""
    if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype and x._value.dtype in _DIV_ALLOWED:
        a, b = x._value, y._value
    else:
        a, b = _divide_pair(x, y)
    try:
        return wrap(_truediv(a, b))
    except RuntimeError as error:
        raise translate_error(error, "RealDiv", a, b) from None


def divide_no_nan(x, y, name=None):
    """``tf.math.divide_no_nan``: ``x / y``, but 0 wherever ``y == 0`` (gradients stay finite)."""
    a, b = _divide_pair(x, y, "tf.math.divide_no_nan")
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        target = torch.float32 if a.dtype in (torch.int8, torch.int16, torch.uint8) else torch.float64
        a, b = a.to(target), b.to(target)
    zero = b == 0
    safe = torch.where(zero, torch.ones_like(b), b)
    try:
        return wrap(torch.where(zero, torch.zeros_like(a / safe), a / safe))
    except RuntimeError as error:
        raise translate_error(error, "DivNoNan", a, b) from None


def scalar_mul(scalar, x, name=None):
    """``tf.math.scalar_mul``: ``scalar * x`` (the scalar converts to ``x``'s dtype)."""
    return multiply(scalar, x)


def add_n(inputs, name=None):
    """``tf.math.add_n``: the elementwise sum of a list of same-shape, same-dtype tensors."""
    if not isinstance(inputs, (list, tuple)) or not inputs:
        raise ValueError("Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype and shape.")
    storages = [_storage(v) if isinstance(v, TensorOperators) or k == 0 else None for k, v in enumerate(inputs)]
    first = storages[0]
    for k, value in enumerate(inputs):
        if storages[k] is None:
            storages[k] = to_torch_like(value, first)
        if storages[k].dtype != first.dtype:
            raise input_dtype_error("AddN", k, tf_type_name(first), tf_type_name(storages[k]))
        if storages[k].shape != first.shape:
            raise kernel_error("AddN_N_%d" % len(inputs), "AddN", "Inputs to operation AddN of type AddN must have the same size and shape.  Input 0: %s != input %d: %s"
                               % (_dims(first.shape), k, _dims(storages[k].shape)), first)
    check_dtype(first, _ADDN_ALLOWED, "AddN")
    total = storages[0]
    for storage in storages[1:]:
        total = torch.add(total, storage)
    return wrap(total)


def _dims(shape):
    return "[%s]" % ",".join(str(d) for d in shape)


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    """``tf.clip_by_value``: ``minimum(maximum(...))`` clipping; the bounds convert to ``t``'s dtype
    (``TypeError`` when lossy) and broadcast to it."""
    a = _storage(t)
    high = converted_like(clip_value_max, a)
    low = converted_like(clip_value_min, a)
    check_dtype(a, _MINMAX_ALLOWED, "Minimum")
    try:
        capped = _minimum(a, high)
    except RuntimeError as error:
        raise translate_error(error, "Minimum", a, high) from None
    try:
        result = _maximum(capped, low)
    except RuntimeError as error:
        raise translate_error(error, "Maximum", capped, low) from None
    if result.shape != a.shape:
        raise ValueError("Shapes %s and %s are incompatible" % (tuple(a.shape), tuple(result.shape)))
    return wrap(result)


# ---------------------------------------------------------------------------
# Comparisons and logical ops
# ---------------------------------------------------------------------------


def _compare(fn, opname, public, doc):
    allowed = allowed_dtypes(opname)

    def op(x, y, name=None):
        if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype:
            a, b = x._value, y._value
        else:
            a, b = strict_inputs(x, y, opname)
        if a.dtype not in allowed:
            raise attr_error(opname, tf_type_name(a))
        try:
            return wrap(fn(a, b))
        except RuntimeError as error:
            raise translate_error(error, opname, a, b) from None
    op.__name__ = op.__qualname__ = public
    op.__doc__ = doc
    return op


less = _compare(torch.lt, "Less", "less", "``tf.math.less``: ``x < y`` elementwise, a bool tensor.")
less_equal = _compare(torch.le, "LessEqual", "less_equal", "``tf.math.less_equal``: ``x <= y`` elementwise.")
greater = _compare(torch.gt, "Greater", "greater", "``tf.math.greater``: ``x > y`` elementwise.")
greater_equal = _compare(torch.ge, "GreaterEqual", "greater_equal", "``tf.math.greater_equal``: ``x >= y`` elementwise.")


def _equality(x, y, opname, equal_):
    a, b = strict_inputs(x, y, opname)
    if isinstance(a, np.ndarray):
        if not isinstance(b, np.ndarray):
            raise input_dtype_error(opname, 1, "string", tf_type_name(b))
        try:
            result = np.equal(a, b) if equal_ else np.not_equal(a, b)
        except ValueError:
            raise op_error(opname, "Incompatible shapes: %s vs. %s" % (_dims(a.shape), _dims(b.shape)), a) from None
        return wrap(torch.from_numpy(np.asarray(result, dtype=bool)))
    try:
        return wrap(torch.eq(a, b) if equal_ else torch.ne(a, b))
    except RuntimeError as error:
        raise translate_error(error, opname, a, b) from None


def equal(x, y, name=None):
    """``tf.math.equal``: ``x == y`` elementwise (any dtype, strings too); shapes must broadcast."""
    return _equality(x, y, "Equal", True)


def not_equal(x, y, name=None):
    """``tf.math.not_equal``: ``x != y`` elementwise; shapes must broadcast."""
    return _equality(x, y, "NotEqual", False)


def logical_and(x, y, name=None):
    """``tf.math.logical_and``: elementwise AND of two bool tensors."""
    a, b = _logical_pair(x, y, "LogicalAnd")
    return wrap(torch.logical_and(a, b))


def logical_or(x, y, name=None):
    """``tf.math.logical_or``: elementwise OR of two bool tensors."""
    a, b = _logical_pair(x, y, "LogicalOr")
    return wrap(torch.logical_or(a, b))


def logical_xor(x, y, name="LogicalXor"):
    """``tf.math.logical_xor``: elementwise XOR of two bool tensors (errors name ``LogicalOr``, as TF)."""
    a, b = _logical_pair(x, y, "LogicalOr")
    return wrap(torch.logical_xor(a, b))


def logical_not(x, name=None):
    """``tf.math.logical_not``: elementwise NOT of a bool tensor."""
    a = _storage(x)
    if a.dtype is not torch.bool:
        raise input_dtype_error("LogicalNot", 0, "bool", tf_type_name(a))
    return wrap(torch.logical_not(a))


def where(condition, x=None, y=None, name=None):
    """``tf.where``: with one argument, the int64 ``[n, rank]`` coordinates of true (non-zero)
    elements; with three, ``x`` where ``condition`` else ``y`` (broadcasting, as ``SelectV2``)."""
    if (x is None) != (y is None):
        raise ValueError("x and y must both be non-None or both be None.")
    c = _storage(condition)
    if x is None:
        if isinstance(c, np.ndarray):
            return wrap(torch.from_numpy(np.argwhere(c != b"").astype(np.int64)))
        return wrap(torch.nonzero(c))
    if c.dtype is not torch.bool:
        raise input_dtype_error("SelectV2", 0, "bool", tf_type_name(c))
    if isinstance(x, TensorOperators):
        a = x._value
        b = y._value if isinstance(y, TensorOperators) else to_torch_like(y, a)
    elif isinstance(y, TensorOperators):
        b = y._value
        a = to_torch_like(x, b)
    else:
        a = to_torch(x)
        b = to_torch_like(y, a)
    if _dtype_of(a) is not _dtype_of(b):
        raise input_dtype_error("SelectV2", 2, tf_type_name(a), tf_type_name(b))
    try:
        if isinstance(a, np.ndarray):
            return wrap(np.where(c.cpu().numpy(), a, b).astype(object))
        return wrap(torch.where(c, a, b))
    except (RuntimeError, ValueError):
        raise kernel_error("SelectV2", "SelectV2", "condition %s, then %s, and else %s must be broadcastable"
                           % (_dims(c.shape), _dims(a.shape), _dims(b.shape)), c) from None


# ---------------------------------------------------------------------------
# Reductions
# ---------------------------------------------------------------------------

_FLOATS = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))


def _axis_items(axis):
    if isinstance(axis, (list, tuple)):
        return list(axis)
    if isinstance(axis, TensorOperators):
        value = axis._value
        if value.dtype not in (torch.int32, torch.int64):
            raise TypeError("Cannot convert %r to EagerTensor of dtype int32" % (axis,))
        return value.reshape(-1).tolist()
    if isinstance(axis, np.ndarray):
        return axis.reshape(-1).tolist()
    return [axis]


def reduction_dims(axis, a, opname):
    """TF's ``axis`` argument of a reduction (int, list, tuple, negative, tensor) as a tuple of
    non-negative dims, checked as TF checks it (range, duplicates)."""
    ndim = a.ndim
    if type(axis) is int:
        if not -ndim <= axis < ndim:
            raise kernel_error(opname, opname, "Invalid reduction dimension (%d for input with %d dimension(s)" % (axis, ndim), a)
        return (axis % ndim,)
    dims = []
    for item in _axis_items(axis):
        if isinstance(item, (bool, np.bool_)) or not isinstance(item, (int, np.integer)):
            raise TypeError("Cannot convert %r to EagerTensor of dtype int32" % (axis,))
        d = int(item)
        if not -ndim <= d < ndim:
            raise kernel_error(opname, opname, "Invalid reduction dimension (%d for input with %d dimension(s)" % (d, ndim), a)
        d %= ndim
        if d in dims:
            raise kernel_error(opname, opname, "Invalid reduction arguments: Axes contains duplicate dimension: %d" % d, a)
        dims.append(d)
    return tuple(dims)


def _reduce(a, axis, keepdims, opname, fn, empty=None):
    """``fn(a, dims, keepdim)`` over TF's ``axis`` (``None``: all dims); an empty axis list
    reduces nothing: ``a`` itself, or ``empty(a)`` for reductions that transform each element."""
    if axis is None:
        return fn(a, tuple(range(a.ndim)), bool(keepdims))
    dims = reduction_dims(axis, a, opname)
    if not dims:
        return a if empty is None else empty(a)
    return fn(a, dims, bool(keepdims))


def _sum(a, dims, keepdim):
    return torch.sum(a, dims, keepdim, dtype=a.dtype)


def _mean(a, dims, keepdim):
    if a.dtype in _FLOATS or a.dtype.is_complex:
        return torch.mean(a, dims, keepdim)
    total = torch.sum(a, dims, keepdim, dtype=a.dtype)
    count = a.numel() // max(total.numel(), 1) if a.numel() else 1
    return torch.div(total, count, rounding_mode="trunc")


def _extreme(fn, empty_float, empty_int):
    def reduce(a, dims, keepdim):
        if a.numel() == 0:
            shape = torch.sum(a, dims, keepdim).shape
            fill = empty_float if a.dtype in _FLOATS else empty_int(a.dtype)
            return torch.full(shape, fill, dtype=a.dtype, device=a.device)
        return fn(a, dims, keepdim)
    return reduce


_max = _extreme(torch.amax, -float("inf"), lambda t: torch.iinfo(t).min)
_min = _extreme(torch.amin, float("inf"), lambda t: torch.iinfo(t).max)


def _prod(a, dims, keepdim):
    result = a
    for d in sorted(dims, reverse=True):
        result = torch.prod(result, d, keepdim, dtype=a.dtype)
    return result


def _all(a, dims, keepdim):
    return torch.all(a, dims, keepdim) if dims else a


def _any(a, dims, keepdim):
    return torch.any(a, dims, keepdim) if dims else a


def _logsumexp(a, dims, keepdim):
    return torch.logsumexp(a, dims, keepdim) if dims else a


def _zeros_real(a):
    return torch.zeros_like(a.real if a.is_complex() else a)


def _variance(a, dims, keepdim):
    centered = a - torch.mean(a, dims, keepdim=True)
    squared = torch.square(torch.abs(centered)) if a.is_complex() else torch.square(centered)
    return torch.mean(squared, dims, keepdim)


def _std(a, dims, keepdim):
    return torch.sqrt(_variance(a, dims, keepdim))


def reduce_sum(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_sum``: sum over ``axis`` (None: all; int, list, tuple or tensor; negatives
    count from the end); integer sums keep their dtype; bool is an error, as TF."""
    a = input_tensor._value if type(input_tensor) is Tensor else _storage(input_tensor)
    if a.dtype not in _SUM_ALLOWED:
        raise attr_error("Sum", tf_type_name(a))
    return wrap(_reduce(a, axis, keepdims, "Sum", _sum))


def reduce_mean(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_mean``: mean over ``axis``; integer means divide as integers (truncating), as TF."""
    a = input_tensor._value if type(input_tensor) is Tensor else _storage(input_tensor)
    if axis is None and not keepdims and a.dtype in _FLOATS:
        tensor = _new(Tensor)
        tensor._value = torch.mean(a)
        return tensor
    if a.dtype not in _SUM_ALLOWED:
        raise attr_error("Mean", tf_type_name(a))
    return wrap(_reduce(a, axis, keepdims, "Mean", _mean))


def reduce_max(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_max``: maximum over ``axis`` (NaN propagates; an empty axis gives -inf / the dtype's min)."""
    a = _storage(input_tensor)
    check_dtype(a, _MAX_ALLOWED, "Max")
    return wrap(_reduce(a, axis, keepdims, "Max", _max))


def reduce_min(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_min``: minimum over ``axis`` (an empty axis gives +inf / the dtype's max)."""
    a = _storage(input_tensor)
    check_dtype(a, _MAX_ALLOWED, "Min")
    return wrap(_reduce(a, axis, keepdims, "Min", _min))


def reduce_prod(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_prod``: product over ``axis`` (integers keep their dtype)."""
    a = _storage(input_tensor)
    check_dtype(a, _SUM_ALLOWED, "Prod")
    return wrap(_reduce(a, axis, keepdims, "Prod", _prod))


def reduce_all(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_all``: logical AND over ``axis`` of a bool tensor."""
    a = _storage(input_tensor)
    if a.dtype is not torch.bool:
        raise input_dtype_error("All", 0, "bool", tf_type_name(a))
    return wrap(_reduce(a, axis, keepdims, "All", _all))


def reduce_any(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_any``: logical OR over ``axis`` of a bool tensor."""
    a = _storage(input_tensor)
    if a.dtype is not torch.bool:
        raise input_dtype_error("Any", 0, "bool", tf_type_name(a))
    return wrap(_reduce(a, axis, keepdims, "Any", _any))


def reduce_logsumexp(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_logsumexp``: ``log(sum(exp(x)))`` over ``axis``, computed stably (floats only)."""
    a = _storage(input_tensor)
    check_dtype(a, _MAX_ALLOWED, "Max")
    check_dtype(a, _FLOAT_ALLOWED, "IsFinite")
    return wrap(_reduce(a, axis, keepdims, "Max", _logsumexp))


def _moments_input(input_tensor):
    a = _storage(input_tensor)
    if a.dtype in _SUM_ALLOWED and not (a.dtype in _FLOATS or a.dtype.is_complex):
        raise TypeError("Input must be either real or complex. Received integer type %s." % _dtype_of(a))
    check_dtype(a, _SUM_ALLOWED, "Mean")
    return a


def reduce_variance(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_variance``: population variance (``ddof=0``) over ``axis``; float or complex
    input only (integers raise ``TypeError``, as TF); complex input gives a real result."""
    a = _moments_input(input_tensor)
    return wrap(_reduce(a, axis, keepdims, "Mean", _variance, _zeros_real))


def reduce_std(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_std``: population standard deviation (``ddof=0``) over ``axis``."""
    a = _moments_input(input_tensor)
    return wrap(_reduce(a, axis, keepdims, "Mean", _std, _zeros_real))


def _euclidean(a, dims, keepdim):
    if a.dtype in _FLOATS:
        return torch.linalg.vector_norm(a, 2, dims, keepdim)
    if a.is_complex():
        return torch.linalg.vector_norm(a, 2, dims, keepdim).to(a.dtype)
    total = torch.sum(a * a, dims, keepdim, dtype=a.dtype)
    return torch.sqrt(total.to(torch.float64)).to(a.dtype)


def reduce_euclidean_norm(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_euclidean_norm``: ``sqrt(sum(|x| ** 2))`` over ``axis``; the result keeps
    the input's dtype (integers square and sum in their own dtype, then truncate, as TF)."""
    a = _storage(input_tensor)
    check_dtype(a, _EUCLIDEAN_ALLOWED, "EuclideanNorm")
    return wrap(_reduce(a, axis, keepdims, "EuclideanNorm", _euclidean, torch.abs if not a.is_complex() else lambda v: torch.abs(v).to(v.dtype)))


def count_nonzero(input, axis=None, keepdims=None, dtype=dtypes.int64, name=None):  # noqa: A002 - TF's name
    """``tf.math.count_nonzero``: the number of non-zero elements over ``axis`` (int64 by default)."""
    a = _storage(input)
    if isinstance(a, np.ndarray):
        mask = torch.from_numpy(np.asarray(a != b"", dtype=bool))
    else:
        mask = (a != 0) if a.dtype is not torch.bool else a
    counts = _reduce(mask.to(torch.int64), axis, keepdims, "Sum", _sum)
    return wrap(counts.to(dtypes.as_dtype(dtype).torch_dtype))


# ---------------------------------------------------------------------------
# argmax / argmin, scans, top_k
# ---------------------------------------------------------------------------

_INDEX_TYPES = {"ArgMax": ("INT16", "UINT16", "INT32", "INT64"), "ArgMin": ("INT32", "INT64")}


def single_axis(axis):
    """TF's scalar ``axis`` argument (int or integer scalar tensor) as an int."""
    if isinstance(axis, (int, np.integer)) and not isinstance(axis, (bool, np.bool_)):
        return int(axis)
    if isinstance(axis, TensorOperators) and axis._value.dtype in (torch.int32, torch.int64) and axis._value.ndim == 0:
        return int(axis._value)
    raise TypeError("axis must be int or Tensor with integer datatype")


def _arg_reduce(fn, opname, input, axis, output_type):
    a = _storage(input)
    check_dtype(a, _ARG_ALLOWED, opname)
    out = dtypes.as_dtype(output_type)
    if out.name.upper() not in _INDEX_TYPES[opname]:
        raise attr_error(opname, tf_type_name(out), attr="output_type", allowed=_INDEX_TYPES[opname])
    if opname == "ArgMin" and isinstance(axis, (list, tuple)):
        raise kernel_error(opname, opname, "dim must be a scalar, but received tensor of shape: [%d]" % len(axis), a)
    dim = 0 if axis is None else single_axis(axis)
    ndim = a.ndim
    if not -ndim <= dim < ndim:
        raise kernel_error(opname, opname, "Expected dimension in the range [%d, %d), but got %d" % (-ndim, ndim, dim), a)
    if a.shape[dim] == 0:
        raise kernel_error(opname, opname, "Reduction axis %d is empty in shape %s" % (dim % ndim, _dims(a.shape)), a)
    if a.dtype is torch.bool:
        a = a.to(torch.uint8)
    result = fn(a, dim)
    return wrap(result if out is dtypes.int64 else result.to(out.torch_dtype))


def argmax(input, axis=None, output_type=dtypes.int64, name=None):  # noqa: A002
    """``tf.math.argmax``: index of the largest value along ``axis`` (default 0), int64 unless
    ``output_type`` says otherwise; ties give the first index."""
    return _arg_reduce(torch.argmax, "ArgMax", input, axis, output_type)


def argmin(input, axis=None, output_type=dtypes.int64, name=None):  # noqa: A002
    """``tf.math.argmin``: index of the smallest value along ``axis`` (default 0), int64 by default."""
    return _arg_reduce(torch.argmin, "ArgMin", input, axis, output_type)


def _scan(fn, opname, x, axis, exclusive, reverse, identity):
    a = _storage(x)
    check_dtype(a, _SUM_ALLOWED, opname)
    dim = single_axis(axis)
    ndim = a.ndim
    if not -ndim <= dim < ndim:
        raise kernel_error(opname, opname, "ScanOp: Expected scan axis in the range [%d, %d), but got %d" % (-ndim, ndim, dim), a)
    if reverse:
        a = a.flip(dim)
    result = fn(a, dim, dtype=a.dtype)
    size = a.shape[dim]
    if exclusive and size:
        first = torch.full_like(result.narrow(dim, 0, 1), identity)
        result = torch.cat([first, result.narrow(dim, 0, size - 1)], dim)
    if reverse:
        result = result.flip(dim)
    return wrap(result)


def cumsum(x, axis=0, exclusive=False, reverse=False, name=None):
    """``tf.math.cumsum``: running sum along ``axis``; ``exclusive`` starts from 0, ``reverse`` runs backwards."""
    return _scan(torch.cumsum, "Cumsum", x, axis, exclusive, reverse, 0)


def cumprod(x, axis=0, exclusive=False, reverse=False, name=None):
    """``tf.math.cumprod``: running product along ``axis``; ``exclusive`` starts from 1."""
    return _scan(torch.cumprod, "Cumprod", x, axis, exclusive, reverse, 1)


TopKV2 = collections.namedtuple("TopKV2", ["values", "indices"])
TopKV2.__doc__ = "The ``(values, indices)`` result of :func:`top_k`, named as TF names it."


def top_k(input, k=1, sorted=True, index_type=dtypes.int32, name=None):  # noqa: A002
    """``tf.math.top_k``: the ``k`` largest entries along the last axis and their int32 indices;
    equal values keep their index order.  Results are always sorted (TF's unsorted order is unspecified)."""
    a = _storage(input)
    check_dtype(a, _TOPK_ALLOWED, "TopKV2")
    k = int(k)
    if a.ndim == 0:
        raise kernel_error("TopKV2", "TopKV2", "input must be >= 1-D, got shape []", a)
    if k < 0:
        raise kernel_error("TopKV2", "TopKV2", "Need k >= 0, got %d" % k, a)
    if k > a.shape[-1]:
        raise kernel_error("TopKV2", "TopKV2", "input must have at least k columns. Had %d, needed %d" % (a.shape[-1], k), a)
    values, indices = torch.sort(a, dim=-1, descending=True, stable=True)
    return TopKV2(wrap(values[..., :k]), wrap(indices[..., :k].to(dtypes.as_dtype(index_type).torch_dtype)))


# ---------------------------------------------------------------------------
# matmul, tensordot, einsum, norm
# ---------------------------------------------------------------------------


def _torch_matmul(x, y):
    try:
        return torch.matmul(x, y)
    except RuntimeError:
        if x.dtype.is_floating_point or x.dtype.is_complex:
            raise
        return (x.unsqueeze(-1) * y.unsqueeze(-3)).sum(-2, dtype=x.dtype)


def _batch_matmul(x, y, shapes, adjoints):
    kernel = kernel_name("BatchMatMulV2", x)
    if x.shape[-1] != y.shape[-2]:
        raise kernel_error(kernel, "BatchMatMulV2", "Matrix size-incompatible: In[0]: %s, In[1]: %s %d %d" % (shapes + adjoints), x)
    try:
        torch.broadcast_shapes(x.shape[:-2], y.shape[:-2])
    except RuntimeError:
        raise kernel_error(kernel, "BatchMatMulV2", "In[0] and In[1] must have compatible batch dimensions: %s vs. %s"
                           % shapes, x) from None
    return _torch_matmul(x, y)


def _transposed(x, transpose, adjoint):
    if adjoint:
        return x.mH
    return x.mT if transpose else x


def _matmul_inputs(a, b):
    """``tf.matmul``'s conversion: ``a`` converts on its own, ``b`` with ``a``'s dtype as hint."""
    x = _storage(a)
    y = b._value if isinstance(b, TensorOperators) else to_torch_like(b, x)
    if x.dtype != y.dtype:
        opname = "BatchMatMulV2" if x.ndim > 2 or y.ndim > 2 else "MatMul"
        raise input_dtype_error(opname, 1, tf_type_name(x), tf_type_name(y), kernel_name(opname, x))
    return x, y


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False,
           a_is_sparse=False, b_is_sparse=False, output_type=None, grad_a=False, grad_b=False, name=None):
    """``tf.linalg.matmul``: ``a @ b`` for rank >= 2 tensors (leading dims are broadcast batch
    dims), with ``transpose_*``/``adjoint_*``; rank and size errors are TF's.  ``output_type``
    (int8/int16 inputs only, as TF) accumulates in the wider integer type."""
    if isinstance(a, TensorOperators) and isinstance(b, TensorOperators) and not (transpose_a or transpose_b or adjoint_a or adjoint_b or output_type):
        x = a._value
        y = b._value
        if x.dtype is y.dtype and x.ndim == 2 and y.ndim == 2 and x.dtype in _MATMUL_ALLOWED:
            try:
                product = torch.mm(x, y)
            except RuntimeError:  # sizes, or no integer kernel on this device: the checked path says why
                pass
            else:
                tensor = _new(Tensor)
                tensor._value = product
                return tensor
    if transpose_a and adjoint_a:
        raise ValueError("Only one of `transpose_a` and `adjoint_a` can be True. Received `transpose_a`=%r, `adjoint_a`=%r." % (transpose_a, adjoint_a))
    if transpose_b and adjoint_b:
        raise ValueError("Only one of `transpose_b` and `adjoint_b` can be True. Received `transpose_b`=%r, `adjoint_b`=%r." % (transpose_b, adjoint_b))
    x, y = _matmul_inputs(a, b)
    if output_type is not None and dtypes.as_dtype(output_type).torch_dtype is not x.dtype:
        out = dtypes.as_dtype(output_type)
        if x.dtype not in (torch.int8, torch.int16, torch.uint8) or out.name not in ("int16", "int32", "int64"):
            raise no_kernel("BatchMatMulV3", x)
        x, y = x.to(out.torch_dtype), y.to(out.torch_dtype)
    check_dtype(x, _MATMUL_ALLOWED, "MatMul")
    kernel = kernel_name("MatMul", x)
    for index, operand in enumerate((x, y)):
        if operand.ndim < 2:
            raise kernel_error(kernel, "MatMul", "In[%d] ndims must be >= 2" % index, x)
    shapes = (_dims(x.shape), _dims(y.shape))
    x = _transposed(x, transpose_a, adjoint_a)
    y = _transposed(y, transpose_b, adjoint_b)
    if x.ndim == 2 and y.ndim == 2:
        if x.shape[1] != y.shape[0]:
            raise kernel_error(kernel, "MatMul", "Matrix size-incompatible: In[0]: %s, In[1]: %s" % shapes, x)
        return wrap(_torch_matmul(x, y))
    return wrap(_batch_matmul(x, y, shapes, (int(bool(adjoint_a or transpose_a)), int(bool(adjoint_b or transpose_b)))))


def _tensordot_axes(axes, x, y):
    if isinstance(axes, TensorOperators):
        axes = axes._value.tolist()
    if isinstance(axes, (int, np.integer)):
        axes = int(axes)
        for t in (x, y):
            if axes > t.ndim:
                raise ValueError("`axes` must not be larger than the number of dimensions of tensor %s.  Received %d, vs tensor dimensions %d."
                                 % (np.asarray(wrap(t)), axes, t.ndim))
        if axes < 0:
            raise ValueError("`axes` must be at least 0. Received: %d." % axes)
        return list(range(x.ndim - axes, x.ndim)), list(range(axes))
    if not isinstance(axes, (list, tuple)) or len(axes) != 2:
        raise ValueError("`axes` must be an integer or have length 2. Received %r." % (axes,))
    a_axes, b_axes = axes
    a_axes = [int(a_axes)] if isinstance(a_axes, (int, np.integer)) else [int(v) for v in a_axes]
    b_axes = [int(b_axes)] if isinstance(b_axes, (int, np.integer)) else [int(v) for v in b_axes]
    if len(a_axes) != len(b_axes):
        raise ValueError("Different number of contraction axes `a` and `b`, %d != %d." % (len(a_axes), len(b_axes)))
    return a_axes, b_axes


def tensordot(a, b, axes, name=None):
    """``tf.tensordot``: contracts ``a``'s axes with ``b``'s (``axes``: an int N for the last N of
    ``a`` with the first N of ``b``, or a pair of axis lists)."""
    x, y = inputs(a, b, "MatMul")
    check_dtype(x, _MATMUL_ALLOWED, "MatMul")
    dims = _tensordot_axes(axes, x, y)
    try:
        return wrap(torch.tensordot(x, y, dims))
    except RuntimeError as error:
        raise translate_error(error, "MatMul", x, y) from None


def einsum(equation, *inputs, **kwargs):
    """``tf.einsum``: Einstein summation over ``inputs`` (NumPy's notation, implicit output and
    ``...`` included); all inputs share one dtype; rank mismatches raise TF's error."""
    storages = [_storage(v) for v in inputs]
    first = storages[0]
    for k, s in enumerate(storages[1:], 1):
        if s.dtype != first.dtype:
            raise input_dtype_error("Einsum", k, tf_type_name(first), tf_type_name(s), kernel_name("Einsum", first))
    check_dtype(first, _MATMUL_ALLOWED, "MatMul")
    einsum_kernel = "%s_N_%d" % (kernel_name("Einsum", first), len(storages))
    terms = equation.replace(" ", "").split("->")[0].split(",")
    if len(terms) != len(storages):
        raise kernel_error(einsum_kernel, "Einsum", "Expected %d inputs but got: %d" % (len(terms), len(storages)), first)
    sizes = {}
    for k, (term, s) in enumerate(zip(terms, storages)):
        if "..." in term:
            continue
        if len(term) != s.ndim:
            raise kernel_error(einsum_kernel, "Einsum", "Expected input %d to have rank %d but got: %d" % (k, len(term), s.ndim), first)
        for position, label in enumerate(term):
            size = sizes.setdefault(label, s.shape[position])
            if size != s.shape[position]:
                raise kernel_error(einsum_kernel, "Einsum", "Expected dimension %d at axis %d of the input shaped %s but got dimension %d"
                                   % (size, position, _dims(s.shape), s.shape[position]), first)
    try:
        return wrap(torch.einsum(equation, *storages))
    except RuntimeError as error:
        raise kernel_error(einsum_kernel, "Einsum", str(error).split("\n")[0], first) from None


_MATRIX_NORMS = ("euclidean", "fro", 1, 2, np.inf)


def _norm_axis(axis):
    if axis is None or isinstance(axis, (int, np.integer)) and not isinstance(axis, bool):
        return axis
    if isinstance(axis, (list, tuple)) and len(axis) == 2 and all(isinstance(v, (int, np.integer)) for v in axis) and axis[0] != axis[1]:
        return tuple(int(v) for v in axis)
    shown = np.asarray(axis) if isinstance(axis, TensorOperators) else axis
    raise ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, got %s" % (shown,))


def _integer_norm(a, ord, dims, keepdim, matrix):
    """TF's norms of integer tensors: only the sums and maxima of ``|x|`` (ord 1 and inf) have kernels."""
    magnitude = torch.abs(a)
    if not matrix:
        return torch.sum(magnitude, dims, keepdim, dtype=a.dtype) if ord == 1 else torch.amax(magnitude, dims, keepdim)
    inner, outer = (dims[0], dims[1]) if ord == 1 else (dims[1], dims[0])
    result = torch.amax(torch.sum(magnitude, inner, True, dtype=a.dtype), outer, True)
    return result if keepdim else result.squeeze(dims)


def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None):  # noqa: A002 - TF's name
    """``tf.norm``: vector norm (``axis`` None or an int; ``ord`` 'euclidean' or a positive p,
    including ``np.inf``) or matrix norm (``axis`` a pair; ``ord`` 'fro'/'euclidean', 1, 2,
    ``np.inf``).  Float and complex input; the result has the input's dtype, as in TF."""
    a = _storage(tensor)
    axis = _norm_axis(axis)
    keepdim = bool(keepdims)
    if isinstance(axis, tuple):
        if isinstance(ord, bool) or ord not in _MATRIX_NORMS:
            raise ValueError("'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got %s" % (ord,))
        dims = reduction_dims(list(axis), a, "Sum")
        if a.dtype in _INTEGER_NORM_ALLOWED and ord in (1, np.inf):
            return wrap(_integer_norm(a, ord, dims, keepdim, True))
        check_dtype(a, _SQRT_ALLOWED, "Svd" if ord == 2 else "Sqrt")
        return wrap(_same_kind(torch.linalg.matrix_norm(a, "fro" if ord in ("euclidean", "fro") else ord, dims, keepdim), a))
    if not (ord == "euclidean" or isinstance(ord, (int, float, np.number)) and not isinstance(ord, bool) and ord > 0):
        raise ValueError("'ord' must be a supported vector norm, got %s" % (ord,))
    dims = tuple(range(a.ndim)) if axis is None else reduction_dims(axis, a, "Sum")
    if a.dtype in _INTEGER_NORM_ALLOWED and ord in (1, np.inf):
        return wrap(_integer_norm(a, ord, dims, keepdim, False))
    if a.dtype in _INTEGER_NORM_ALLOWED and ord != "euclidean" and ord != 2:
        raise cannot_convert(1.0 / ord, a)
    check_dtype(a, _SQRT_ALLOWED, "Sqrt")
    p = 2 if ord == "euclidean" else float(ord)
    return wrap(_same_kind(torch.linalg.vector_norm(a, p, dims, keepdim), a))


def _same_kind(result, a):
    """TF's norms of complex tensors keep the complex dtype (with a zero imaginary part)."""
    return result.to(a.dtype) if a.is_complex() else result


def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    """``tf.math.l2_normalize``: ``x / sqrt(max(sum(x ** 2, axis), epsilon))`` over ``axis``
    (all axes when None; ``dim`` is its deprecated alias); ``epsilon`` converts to ``x``'s dtype."""
    a = _storage(x)
    axis = dim if axis is None else axis
    floor_ = converted_like(epsilon, a)
    check_dtype(a, _SQRT_ALLOWED, "Rsqrt")
    magnitude = torch.square(torch.abs(a)) if a.is_complex() else torch.square(a)
    total = _reduce(magnitude, axis, True, "Sum", _sum)
    return wrap(a * torch.rsqrt(torch.maximum(total, floor_.to(total.dtype))))


# ---------------------------------------------------------------------------
# Less common elementwise ops
# ---------------------------------------------------------------------------


def _truncatediv(a, b):
    if a.dtype.is_floating_point:
        return torch.trunc(a / b)
    return torch.div(a, b, rounding_mode="trunc")


def _xlog1py(a, b):
    return torch.where(a == 0, torch.zeros_like(a), a * torch.log1p(b))


truncatediv = _binary(_no_gradient(_truncatediv), "TruncateDiv", "truncatediv",
                      "``tf.truncatediv``: division rounding toward zero (C's ``/`` for integers).")
truncatemod = _binary(torch.fmod, "TruncateMod", "truncatemod", "``tf.truncatemod``: remainder with the dividend's sign (C's ``%``).")
xlog1py = _binary(_xlog1py, "Xlog1py", "xlog1py", "``tf.math.xlog1py``: ``x * log1p(y)``, 0 where ``x == 0``.")
erfinv = _unary(torch.erfinv, "Erfinv", "erfinv", "``tf.math.erfinv``: inverse of ``erf`` (floats only).")


def multiply_no_nan(x, y, name=None):
    """``tf.math.multiply_no_nan``: ``x * y``, but 0 wherever ``y == 0`` (even if ``x`` is inf/NaN)."""
    a, b = strict_inputs(x, y, "MulNoNan")
    check_dtype(a, _MULNONAN_ALLOWED, "MulNoNan")
    zero = b == 0
    finite = torch.where(zero & ~torch.isfinite(a), torch.zeros_like(a), a)
    return wrap(torch.where(zero, finite * b, a * b))


def reciprocal_no_nan(x, name=None):
    """``tf.math.reciprocal_no_nan``: ``1 / x``, 0 where ``x == 0`` (float and complex)."""
    a = _storage(x)
    check_dtype(a, _SQRT_ALLOWED, "DivNoNan")
    zero = a == 0
    return wrap(torch.where(zero, torch.zeros_like(a), 1 / torch.where(zero, torch.ones_like(a), a)))


def real(input, name=None):  # noqa: A002 - TF's name
    """``tf.math.real``: real part (the input itself for real tensors)."""
    a = _storage(input)
    return wrap(torch.real(a) if a.is_complex() else a)


def imag(input, name=None):  # noqa: A002
    """``tf.math.imag``: imaginary part (zeros of the input's dtype for real tensors)."""
    a = _storage(input)
    return wrap(torch.imag(a) if a.is_complex() else torch.zeros_like(a))


def conj(x, name=None):
    """``tf.math.conj``: complex conjugate (the input itself for real tensors)."""
    a = _storage(x)
    return wrap(torch.conj_physical(a) if a.is_complex() else a)


def angle(input, name=None):  # noqa: A002
    """``tf.math.angle``: the argument of each element (``pi`` for negative reals, else 0)."""
    a = _storage(input)
    return wrap(torch.angle(a))


def zero_fraction(value, name=None):
    """``tf.math.zero_fraction``: the fraction of zero elements, as float32."""
    a = _storage(value)
    return wrap(torch.mean((a == 0).to(torch.float32)))


def cumulative_logsumexp(x, axis=0, exclusive=False, reverse=False, name=None):
    """``tf.math.cumulative_logsumexp``: running ``log(sum(exp(x)))`` along ``axis`` (floats);
    ``exclusive`` starts from ``-inf``."""
    a = _storage(x)
    check_dtype(a, _FLOAT_ALLOWED, "CumulativeLogsumexp")
    return _scan(lambda v, d, dtype: torch.logcumsumexp(v, d), "CumulativeLogsumexp", x, axis, exclusive, reverse, -float("inf"))


def _monotone(x, strict):
    a = _storage(x).reshape(-1)
    if a.numel() < 2:
        return wrap(torch.tensor(True, device=a.device))
    step = a[1:] > a[:-1] if strict else a[1:] >= a[:-1]
    return wrap(torch.all(step))


def is_non_decreasing(x, name=None):
    """``tf.math.is_non_decreasing``: whether the flattened ``x`` never decreases."""
    return _monotone(x, False)


def is_strictly_increasing(x, name=None):
    """``tf.math.is_strictly_increasing``: whether the flattened ``x`` always increases."""
    return _monotone(x, True)


# ---------------------------------------------------------------------------
# Segment reductions
# ---------------------------------------------------------------------------


def _segment_reduce(opname, data, segment_ids, num_segments, kind):
    """``kind`` ('sum', 'mean', 'amax', 'amin', 'prod', 'sqrt_n') of ``data``'s rows grouped by
    ``segment_ids``; ``num_segments`` None means TF's sorted ``segment_*`` ops."""
    a = _storage(data)
    ids = _storage(segment_ids)
    if ids.dtype not in (torch.int32, torch.int64):
        raise attr_error(opname, tf_type_name(ids), attr="Tindices", allowed=["INT32", "INT64"])
    if num_segments is None and (ids.ndim != 1 or a.ndim == 0 or ids.shape[0] != a.shape[0]):
        raise kernel_error(opname, opname, "segment_ids should be the same size as dimension 0 of input.", a)
    if kind == "sqrt_n":
        check_dtype(a, _SQRT_ALLOWED, "Sqrt")
    if tuple(a.shape[:ids.ndim]) != tuple(ids.shape):
        raise kernel_error(opname, opname, "data.shape = %s does not start with segment_ids.shape = %s" % (_dims(a.shape), _dims(ids.shape)), a)
    rows = a.reshape((-1,) + tuple(a.shape[ids.ndim:]))
    ids = ids.reshape(-1).long()
    on_cpu = ids.device.type == "cpu"
    if num_segments is None:
        if on_cpu and ids.numel() > 1 and bool((ids[1:] < ids[:-1]).any()):
            raise kernel_error(opname, opname, "segment ids are not increasing", a)
        count = int(ids[-1]) + 1 if ids.numel() else 0
    else:
        count = int(num_segments._value if isinstance(num_segments, TensorOperators) else num_segments)
        if on_cpu:
            bad = torch.nonzero(ids >= count)
            if bad.numel():
                k = int(bad[0, 0])
                raise kernel_error(opname, opname, "segment_ids[%d] = %d is out of range [0, %d)" % (k, int(ids[k]), count), a)
    ids = torch.where((ids < 0) | (ids >= count), torch.full_like(ids, count), ids)
    shape = (count + 1,) + tuple(rows.shape[1:])
    index = ids.reshape((-1,) + (1,) * (rows.ndim - 1)).expand(rows.shape)
    sizes = torch.zeros(count + 1, dtype=torch.int64, device=a.device).index_add(0, ids, torch.ones_like(ids))
    sizes = sizes.reshape((-1,) + (1,) * (rows.ndim - 1))
    if kind in ("sum", "mean", "sqrt_n"):
        result = torch.zeros(shape, dtype=a.dtype, device=a.device).index_add(0, ids, rows)
        if kind == "mean" and num_segments is None and not (a.dtype in _FLOATS or a.is_complex()):
            result = torch.div(result, sizes.clamp(min=1), rounding_mode="trunc").to(a.dtype)
        elif kind == "mean":
            result = _truediv(result, sizes.clamp(min=1).to(result.dtype))
        elif kind == "sqrt_n":
            result = result / torch.sqrt(sizes.clamp(min=1).to(a.dtype))
    else:
        if kind == "prod":
            start = 1
        elif a.dtype in _FLOATS:
            start = torch.finfo(a.dtype).min if kind == "amax" else torch.finfo(a.dtype).max
        else:
            start = torch.iinfo(a.dtype).min if kind == "amax" else torch.iinfo(a.dtype).max
        result = torch.full(shape, start, dtype=a.dtype, device=a.device).scatter_reduce(0, index, rows, kind, include_self=True)
        if num_segments is None and kind != "prod":
            result = torch.where(sizes == 0, torch.zeros_like(result), result)
    return wrap(result[:count])


def segment_sum(data, segment_ids, name=None):
    """``tf.math.segment_sum``: sums of ``data``'s rows per (sorted) segment id; gaps give 0."""
    return _segment_reduce("SegmentSum", data, segment_ids, None, "sum")


def segment_mean(data, segment_ids, name=None):
    """``tf.math.segment_mean``: means per sorted segment (integers divide as integers)."""
    return _segment_reduce("SegmentMean", data, segment_ids, None, "mean")


def segment_max(data, segment_ids, name=None):
    """``tf.math.segment_max``: maxima per sorted segment; empty segments give 0."""
    return _segment_reduce("SegmentMax", data, segment_ids, None, "amax")


def segment_min(data, segment_ids, name=None):
    """``tf.math.segment_min``: minima per sorted segment; empty segments give 0."""
    return _segment_reduce("SegmentMin", data, segment_ids, None, "amin")


def segment_prod(data, segment_ids, name=None):
    """``tf.math.segment_prod``: products per sorted segment; empty segments give 1."""
    return _segment_reduce("SegmentProd", data, segment_ids, None, "prod")


def unsorted_segment_sum(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_sum``: sums per segment id in ``[0, num_segments)``
    (negative ids are dropped; empty segments give 0)."""
    return _segment_reduce("UnsortedSegmentSum", data, segment_ids, num_segments, "sum")


def unsorted_segment_mean(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_mean``: means per segment (integers divide as ``truediv``, giving
    floats, as TF); empty segments give 0."""
    return _segment_reduce("UnsortedSegmentSum", data, segment_ids, num_segments, "mean")


def unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_sqrt_n``: sums divided by ``sqrt(count)`` per segment."""
    return _segment_reduce("UnsortedSegmentSum", data, segment_ids, num_segments, "sqrt_n")


def unsorted_segment_max(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_max``: maxima per segment; empty segments give the dtype's lowest value."""
    return _segment_reduce("UnsortedSegmentMax", data, segment_ids, num_segments, "amax")


def unsorted_segment_min(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_min``: minima per segment; empty segments give the dtype's highest value."""
    return _segment_reduce("UnsortedSegmentMin", data, segment_ids, num_segments, "amin")


def unsorted_segment_prod(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_prod``: products per segment; empty segments give 1."""
    return _segment_reduce("UnsortedSegmentProd", data, segment_ids, num_segments, "prod")
