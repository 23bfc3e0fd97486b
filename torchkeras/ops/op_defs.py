"""TF's op definitions and the dtype/kernel error texts built on them.

``_OPDEFS`` holds, for each TF op these modules raise errors for, the group of
``T`` dtypes its kernel accepts (``_GROUPS``, in TF's order) and the op's
signature as TF prints it; ``attr_error``, ``input_dtype_error``,
``kernel_error`` and ``no_kernel`` build TF's ``InvalidArgumentError`` /
``NotFoundError`` texts from it, and ``allowed_dtypes`` gives the torch dtypes an
op accepts.
"""
from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework.device import tf_device_string
from ..framework.errors import InvalidArgumentError, NotFoundError
from ..framework.tensor_ops import op_error

_TF_TYPE = {"float32": "float", "float64": "double", "float16": "half"}


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


# TF's op definitions, for its dtype error texts: the ``T`` dtypes each kernel
# accepts (groups, in TF's order) and the op's signature as TF prints it.
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


def _dims(shape):
    return "[%s]" % ",".join(str(d) for d in shape)
