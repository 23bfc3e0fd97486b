"""TF's op error layer: the eager error texts every op raises.

One place for what TF's messages are made of: the ``InvalidArgumentError`` layout of an
eager op (``op_error``), TF's C++ dtype names (``type_name``), shapes as TF prints them
(``dims_text``), TF's op signatures quoted in dtype errors (``SIGNATURES``, ``attr_error``,
``input_dtype_error``, ``no_kernel``, ``allowed_dtypes``) and the translation of torch's
errors to TF's (``translate_error``).

It lives in ``framework/`` rather than ``ops/`` because the tensor operators
(``tensor_ops``), ``Variable`` and its scatter updates raise these errors too, and
``framework`` never imports ``ops`` (``ops`` is built on ``framework``).
"""

from __future__ import annotations

import re

import numpy as np
import torch

from . import device as _device
from . import dtypes, global_state
from .device import tf_device_string
from .errors import InvalidArgumentError, NotFoundError

__all__ = [
    "broadcast_shapes",
    "TYPE_NAMES",
    "SIGNATURES",
    "dtype_of",
    "type_name",
    "device_of",
    "dims_text",
    "index_text",
    "cannot_convert",
    "op_error",
    "input_dtype_error",
    "attr_error",
    "check_dtype",
    "allowed_dtypes",
    "kernel_name",
    "no_kernel",
    "translate_error",
]

# TF's C++ names of the dtypes whose Python names differ, as its error texts print them.
TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}


def dtype_of(storage):
    """The ``DType`` of a storage (a torch tensor, or a NumPy object array of strings)."""
    return dtypes.string if isinstance(storage, np.ndarray) else dtypes.from_torch(storage.dtype)


def type_name(value):
    """TF's C++ name of a dtype (``float``, ``double``, ``int32`` ...) as error texts print it;
    ``value`` is a storage, a ``DType`` or already such a name."""
    if isinstance(value, str):
        return value
    dtype = value if isinstance(value, dtypes.DType) else dtype_of(value)
    return TYPE_NAMES.get(dtype.name, dtype.name)


def device_of(storage):
    """The torch device of a storage (string storages live on the CPU)."""
    return storage.device if isinstance(storage, torch.Tensor) else torch.device("cpu")


def dims_text(shape):
    """A shape as TF's error texts print it: ``[2,3]``."""
    return "[%s]" % ",".join(str(d) for d in shape)


def index_text(flat_position, shape):
    """The coordinates of ``flat_position`` in ``shape`` as TF prints them (``[1,0]``)."""
    if not shape:
        return ""
    coords = np.unravel_index(flat_position, shape)
    return "[%s]" % ",".join(str(int(c)) for c in coords)


def cannot_convert(value, like):
    """TF's ``TypeError`` for a value that does not convert to ``like``'s dtype (a storage, a
    ``DType`` or a type name)."""
    return TypeError("Cannot convert %r to EagerTensor of dtype %s" % (value, type_name(like)))


def op_error(opname, text, storage=None, name="", kernel=None, wrapped=True):
    """TF's eager ``InvalidArgumentError`` of op ``opname``.

    ``wrapped``: a kernel failure, prefixed ``{{function_node __wrapped__<kernel>_device_<d>}}``
    (``kernel`` defaults to the op; oneDNN's ``_Mkl...`` kernels print with one more
    underscore) with the device of ``storage`` (the current device without one).  ``name`` is
    the text after `` name:``; ``None`` where TF prints no name part.
    """
    if wrapped:
        device = tf_device_string(device_of(storage) if storage is not None else _device.current())
        kernel = kernel or opname
        if kernel.startswith("_Mkl"):
            kernel = "_" + kernel
        text = "{{function_node __wrapped__%s_device_%s}} %s" % (kernel, device, text)
    suffix = "" if name is None else " name: " + name
    return InvalidArgumentError(None, None, "%s [Op:%s]%s" % (text, opname, suffix))


def eager_name(*inputs):
    """The ``name`` argument of ``op_error`` for an op called on ``inputs``: TF's eager fast
    path prints `` name: `` when every input already is a Tensor; Python values (lists,
    bytes) take the slow path, whose errors print no name part."""
    from .tensor import TensorOperators  # tensor.py imports this module

    return "" if all(isinstance(x, TensorOperators) for x in inputs) else None


def broadcast_shapes(opname, shape_a, shape_b, storage=None, name=""):
    """The broadcast of two shapes; where they do not broadcast, op ``opname``'s error
    ``Incompatible shapes: [..] vs. [..]`` (``storage`` and ``name`` as ``op_error``'s)."""
    try:
        return torch.broadcast_shapes(shape_a, shape_b)
    except RuntimeError:
        raise op_error(
            opname,
            "Incompatible shapes: %s vs. %s" % (dims_text(shape_a), dims_text(shape_b)),
            storage,
            name,
        ) from None


def _graph_dtype_error(opname, index, expected, got):
    """In a function TF builds as a graph (a traced ``tf.function``, a dataset function), TF's
    op-builder ``TypeError`` for input ``index`` whose dtype differs from an earlier input of
    the same type attr in the op's signature; ``None`` eagerly or when no such input exists."""
    state = global_state.PER_THREAD
    signature = SIGNATURES.get(opname)
    if (state.function_trace is None and not state.dataset_functions) or signature is None:
        return None
    inputs = signature.split("=", 1)[1].split(" -> ")[0].split(", ")
    names = [entry.split(":")[0] for entry in inputs]
    attrs = [entry.split(":")[-1] for entry in inputs]
    first = attrs.index(attrs[index]) if index < len(names) else index
    if first == index:
        return None
    return TypeError(
        "Input '%s' of '%s' Op has type %s that does not match type %s of argument '%s'."
        % (names[index], opname, _python_name(got), _python_name(expected), names[first])
    )


def _python_name(value):
    """A dtype's Python name from a storage, a ``DType`` or a C++ type name (``float``)."""
    if isinstance(value, str):
        return _PYTHON_NAMES.get(value, value)
    return (value if isinstance(value, dtypes.DType) else dtype_of(value)).name


_PYTHON_NAMES = {cpp: python for python, cpp in TYPE_NAMES.items()}


def input_dtype_error(opname, index, expected, got, kernel=None, name=""):
    """TF's error for input ``#index`` of the wrong dtype (``expected``/``got``: storages,
    ``DType``s or type names); ``kernel`` is the kernel TF names when it differs from the op
    (``_MklMatMul``).  In a traced ``tf.function`` a binary op's second input fails TF's
    graph builder instead (a ``TypeError``)."""
    graph = _graph_dtype_error(opname, index, expected, got)
    if graph is not None:
        return graph
    return op_error(
        opname,
        "cannot compute %s as input #%d(zero-based) was expected to be a %s "
        "tensor but is a %s tensor"
        % (kernel or opname, index, type_name(expected), type_name(got)),
        name=name,
        wrapped=False,
    )


def _allowed_list(opname, attr):
    return re.search(
        r"attr=%s:type,(?:default=\w+,)?allowed=\[([^\]]*)\]" % attr, SIGNATURES[opname]
    )


def _declares(opname, attr):
    """Whether op ``opname``'s signature gives type attr ``attr`` a list of allowed types."""
    return _allowed_list(opname, attr) is not None


def _allowed(opname, attr):
    return [n.strip()[3:] for n in _allowed_list(opname, attr).group(1).split(",")]


def attr_error(opname, dtype, attr="T", allowed=None, name=""):
    """TF's ``InvalidArgumentError`` for a dtype (storage, ``DType`` or type name) that attr
    ``attr`` of op ``opname`` does not accept, quoting TF's op signature; ``allowed`` (TF type
    names, in the op's order) defaults to the attr's list in the signature."""
    suffix = "" if name is None else " name: " + name
    if opname not in SIGNATURES or (allowed is None and not _declares(opname, attr)):
        return InvalidArgumentError(
            None,
            None,
            "Value for attr '%s' of %s is not in the list of "
            "allowed values: int32, int64 [Op:%s]%s" % (attr, type_name(dtype), opname, suffix),
        )
    names = _allowed(opname, attr) if allowed is None else allowed
    return InvalidArgumentError(
        None,
        None,
        "Value for attr '%s' of %s is not in the list of "
        "allowed values: %s\n\t; NodeDef: {{node %s}}; Op<name=%s; %s> "
        "[Op:%s]%s"
        % (
            attr,
            type_name(dtype),
            ", ".join(n.lower() for n in names),
            opname,
            opname,
            SIGNATURES[opname],
            opname,
            suffix,
        ),
    )


def _declares_dtype(opname, storage):
    """Whether op ``opname``'s signature lists ``storage``'s dtype (a failure to run it then
    means TF has no kernel for it either)."""
    if opname not in SIGNATURES or not _declares(opname, "T"):
        return False
    return storage.dtype in allowed_dtypes(opname)


def check_dtype(storage, allowed, opname):
    """Raises TF's attr error unless ``storage``'s dtype is in the torch-dtype set ``allowed``."""
    if storage.dtype not in allowed:
        raise attr_error(opname, storage)


def allowed_dtypes(opname, attr="T"):
    """The torch dtypes op ``opname``'s kernel accepts for ``attr`` (TF's ``T`` list)."""
    return frozenset(_TORCH[n] for n in _allowed(opname, attr) if _TORCH.get(n) is not None)


_MKL_DTYPES = frozenset((torch.float32, torch.bfloat16))


def kernel_name(opname, storage):
    """The kernel TF's CPU build runs for ``opname``: oneDNN's ``_Mkl...`` for float32/bfloat16
    matrix products, as TF 2.21's error texts name it; the op itself otherwise."""
    if storage.dtype in _MKL_DTYPES and storage.device.type == "cpu":
        return "_Mkl" + opname
    return opname


def matmul_input_error(x, y):
    """TF's error for the operands of a rank <= 2 ``MatMul`` (``tf.matmul``, ``@``), or None:
    a dtype outside its list, a declared dtype without a kernel (unsigned), then ranks below 2
    as its kernel words them (oneDNN's for float32/bfloat16 on the CPU, Eigen's otherwise;
    ``BatchMatMulV2``'s beside an operand of rank > 2)."""
    if isinstance(x, np.ndarray) or x.dtype not in _MATMUL_DTYPES:
        return attr_error("MatMul", dtypes.string if isinstance(x, np.ndarray) else x)
    if x.dtype in _MATMUL_NO_KERNEL:
        return no_kernel("MatMul", x)
    if x.ndim >= 2 and y.ndim >= 2:
        return None
    index = 0 if x.ndim < 2 else 1
    if x.ndim > 2 or y.ndim > 2:  # tf.matmul runs BatchMatMulV2, which names the rank
        text = "In[%d] ndims must be >= 2: %d" % (index, (x, y)[index].ndim)
        return op_error("BatchMatMulV2", text, x, kernel=kernel_name("BatchMatMulV2", x))
    kernel = kernel_name("MatMul", x)
    if kernel != "MatMul":
        return op_error("MatMul", "In[%d] ndims must be >= 2" % index, x, kernel=kernel)
    if x.ndim != y.ndim:
        return op_error(
            "MatMul",
            "In[0] and In[1] has different ndims: %s vs. %s"
            % (dims_text(x.shape), dims_text(y.shape)),
            x,
        )
    return op_error("MatMul", "In[0] and In[1] ndims must be == 2: %d" % x.ndim, x)


def no_kernel(opname, storage):
    """TF's ``NotFoundError`` for a dtype the op declares but has no CPU/GPU kernel for."""
    return NotFoundError(
        None,
        None,
        "Could not find device for node: {{node %s}} = %s[T=DT_%s] "
        "[Op:%s] name: " % (opname, opname, type_name(dtype_of(storage)).upper(), opname),
    )


def translate_error(error, opname, a, b=None):
    """TF's error for a torch failure TF reports cleanly (shapes, devices, integer division
    by zero, unsupported dtypes); ``error`` itself otherwise."""
    text = str(error)
    if "must match the size" in text or "broadcast" in text or "size mismatch" in text:
        if b is not None:
            return op_error(
                opname,
                "Incompatible shapes: %s vs. %s" % (dims_text(a.shape), dims_text(b.shape)),
                a,
            )
    if "same device" in text:
        return op_error(
            opname,
            "Tensors of op %s live on different devices (%s and %s); move one "
            "with tf.identity under tf.device"
            % (opname, tf_device_string(device_of(a)), tf_device_string(device_of(b))),
            a,
            wrapped=False,
        )
    if "negative integer powers" in text:
        return op_error(opname, "Integers to negative integer powers are not allowed", a)
    if "ZeroDivisionError" in text:
        return op_error(opname, "Integer division by zero", a)
    if "not implemented for" in text or "not supported" in text:
        if isinstance(a, torch.Tensor) and _declares_dtype(opname, a):
            return no_kernel(opname, a)
        return op_error(
            opname,
            "Value for attr 'T' of %s is not in the list of allowed values "
            "for %s" % (type_name(a), opname),
            a,
            wrapped=False,
        )
    return error


# TF's op definitions, for its dtype error texts: each op's signature as TF prints it, with
# the ``T`` dtype lists its kernels accept written once per group (in TF's order).
_GROUPS = {
    "G0": "BFLOAT16 HALF FLOAT DOUBLE INT8 INT16 INT32 INT64",
    "G1": "BFLOAT16 HALF FLOAT DOUBLE INT8 INT16 INT32 INT64 COMPLEX64 COMPLEX128",
    "G2": "BFLOAT16 HALF FLOAT DOUBLE INT8 INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64 COMPLEX64 "
    "COMPLEX128",
    "G3": "BFLOAT16 HALF FLOAT DOUBLE COMPLEX64 COMPLEX128",
    "G4": "BFLOAT16 HALF FLOAT DOUBLE",
    "G5": "HALF BFLOAT16 FLOAT DOUBLE",
    "G6": "FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64 QINT8",
    "G7": "FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64",
    "G8": "BFLOAT16 HALF FLOAT DOUBLE UINT8 UINT16 UINT32 UINT64 INT8 INT16 INT32 INT64 COMPLEX64 "
    "COMPLEX128",
    "G9": "BFLOAT16 HALF FLOAT DOUBLE UINT8 INT8 UINT16 INT16 INT32 INT64 COMPLEX64 COMPLEX128 "
    "UINT32 UINT64",
    "G10": "BFLOAT16 HALF FLOAT DOUBLE UINT8 INT8 UINT16 INT16 INT32 UINT32 UINT64 INT64 COMPLEX64 "
    "COMPLEX128",
    "G11": "INT8 INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64 BFLOAT16 HALF FLOAT DOUBLE",
    "G12": "BFLOAT16 FLOAT HALF DOUBLE INT8 INT16 INT32 INT64 COMPLEX64 COMPLEX128",
    "G13": "BFLOAT16 HALF FLOAT DOUBLE INT8 UINT8 INT16 UINT16 INT32 UINT32 INT64 UINT64",
    "G14": "BFLOAT16 HALF FLOAT DOUBLE INT32 INT64 COMPLEX64 COMPLEX128",
    "G15": "HALF FLOAT BFLOAT16 DOUBLE COMPLEX64 COMPLEX128",
    "G16": "HALF BFLOAT16 FLOAT DOUBLE COMPLEX64 COMPLEX128",
    "G17": "FLOAT DOUBLE INT32 UINT8 INT16 INT8 COMPLEX64 INT64 QINT8 QUINT8 QINT32 BFLOAT16 "
    "QINT16 "
    "QUINT16 UINT16 COMPLEX128 HALF UINT32 UINT64",
    "G18": "BFLOAT16 HALF FLOAT DOUBLE INT32 INT64 UINT8 UINT16 UINT32 UINT64 COMPLEX64 COMPLEX128",
    "G19": "FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64 QINT8 "
    "QUINT8 "
    "QINT32 QINT16 QUINT16",
    "G20": "FLOAT DOUBLE INT32 UINT8 INT16 INT8 INT64 BFLOAT16 UINT16 HALF UINT32 UINT64 QINT8 "
    "QUINT8 "
    "QINT32 QINT16 QUINT16 BOOL",
    "G21": "FLOAT DOUBLE INT32 UINT8 INT16 INT8 COMPLEX64 INT64 QINT8 QUINT8 QINT32 BFLOAT16 "
    "QINT16 "
    "QUINT16 UINT16 COMPLEX128 HALF UINT32 UINT64 VARIANT",
    "G22": "DOUBLE FLOAT HALF COMPLEX64 COMPLEX128",
    "G23": "HALF FLOAT DOUBLE COMPLEX64 COMPLEX128",
    "G24": "BFLOAT16 HALF FLOAT DOUBLE INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64 COMPLEX64 "
    "COMPLEX128",
    "G25": "COMPLEX64 COMPLEX128",
    "G26": "INT32 INT64 BFLOAT16 HALF FLOAT DOUBLE",
    "G27": "INT32 INT64",
    "G28": "INT8 INT16 INT32 INT64 UINT8 UINT16 UINT32 UINT64",
    "G29": "INT32 INT64 FLOAT DOUBLE",
    "G31": "DOUBLE FLOAT HALF COMPLEX64 COMPLEX128",
    "G32": "HALF FLOAT DOUBLE INT32 INT64",
    "G33": "HALF FLOAT DOUBLE",
    "G34": "INT32 UINT32 INT64 UINT64",
    "G30": "BFLOAT16 HALF FLOAT DOUBLE INT64 INT32 UINT8 UINT16 UINT32 UINT64 INT8 INT16 COMPLEX64 "
    "COMPLEX128 QINT8 QUINT8 QINT16 QUINT16 QINT32",
}
_DT_LISTS = {group: ", ".join("DT_" + t for t in names.split()) for group, names in _GROUPS.items()}
_TCOMPLEX = "attr=Tcomplex:type,default=DT_COMPLEX64,allowed=[DT_COMPLEX64, DT_COMPLEX128]"
_TREAL = "attr=Treal:type,default=DT_FLOAT,allowed=[DT_FLOAT, DT_DOUBLE]"
_FFT = "signature=input:Tcomplex -> output:Tcomplex; " + _TCOMPLEX
_FFTND = "signature=input:Tcomplex, fft_length:int32, axes:int32 -> output:Tcomplex; " + _TCOMPLEX
_ND_REAL = (
    "signature=input:%s, fft_length:int32, axes:int32 -> output:%s; " + _TREAL + "; " + _TCOMPLEX
)
_SPARSE_REDUCE = (
    "signature=input_indices:int64, input_values:T, input_shape:int64, "
    "reduction_axes:int32 -> %s; attr=keep_dims:bool,default=false; attr=T:type,allowed=[%s]"
)
_SPARSE_OUT = "output_indices:int64, output_values:T, output_shape:int64"
_DIAG_TYPES = ", ".join(
    "DT_" + t for t in "BFLOAT16 HALF FLOAT DOUBLE INT32 INT64 COMPLEX64 COMPLEX128".split()
)
SIGNATURES = {
    op: text % _DT_LISTS
    for op, text in {
        "Abs": "signature=x:T -> y:T; attr=T:type,allowed=[%(G0)s]",
        "FFT": _FFT,
        "IFFT": _FFT,
        "FFT2D": _FFT,
        "IFFT2D": _FFT,
        "FFT3D": _FFT,
        "IFFT3D": _FFT,
        "FFTND": _FFTND,
        "IFFTND": _FFTND,
        "RFFTND": _ND_REAL % ("Treal", "Tcomplex"),
        "IRFFTND": _ND_REAL % ("Tcomplex", "Treal"),
        "BitwiseAnd": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G28)s]; "
        "is_commutative=true",
        "BitwiseOr": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G28)s]; "
        "is_commutative=true",
        "BitwiseXor": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G28)s]; "
        "is_commutative=true",
        "LeftShift": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G28)s]",
        "RightShift": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G28)s]",
        "Invert": "signature=x:T -> y:T; attr=T:type,allowed=[%(G28)s]",
        "RandomIndexShuffle": "signature=index:dtype, seed:Tseed, max_index:dtype -> output:dtype; "
        "attr=rounds:int,default=4; attr=dtype:type,allowed=[%(G34)s]; "
        "attr=Tseed:type,allowed=[%(G34)s]",
        "RandomGamma": "signature=shape:S, alpha:T -> output:T; attr=seed:int,default=0; "
        "attr=seed2:int,default=0; attr=S:type,allowed=[%(G27)s]; attr=T:type,allowed=[%(G33)s]; "
        "is_stateful=true",
        "RandomPoissonV2": "signature=shape:S, rate:R -> output:dtype; attr=seed:int,default=0; "
        "attr=seed2:int,default=0; attr=S:type,allowed=[%(G27)s]; "
        "attr=R:type,default=DT_DOUBLE,allowed=[%(G32)s]; "
        "attr=dtype:type,default=DT_INT64,allowed=[%(G32)s]; is_stateful=true",
        "StatelessRandomPoisson": "signature=shape:T, seed:Tseed, lam:Rtype -> output:dtype; "
        "attr=Rtype:type,allowed=[%(G32)s]; attr=dtype:type,allowed=[%(G32)s]; "
        "attr=T:type,allowed=[%(G27)s]; attr=Tseed:type,default=DT_INT64,allowed=[%(G27)s]",
        "StatelessRandomBinomial": "signature=shape:S, seed:Tseed, counts:T, probs:T -> "
        "output:dtype; attr=S:type,allowed=[%(G27)s]; "
        "attr=Tseed:type,default=DT_INT64,allowed=[%(G27)s]; "
        "attr=T:type,default=DT_DOUBLE,allowed=[%(G32)s]; "
        "attr=dtype:type,default=DT_INT64,allowed=[%(G32)s]",
        "StatelessRandomGammaV3": "signature=shape:shape_dtype, key:uint64, counter:uint64, "
        "alg:int32, alpha:dtype -> output:dtype; attr=dtype:type,allowed=[%(G33)s]; "
        "attr=shape_dtype:type,default=DT_INT32,allowed=[%(G27)s]",
        "StatelessParameterizedTruncatedNormal": "signature=shape:S, seed:Tseed, means:dtype, "
        "stddevs:dtype, minvals:dtype, maxvals:dtype -> output:dtype; "
        "attr=S:type,allowed=[%(G27)s]; attr=Tseed:type,default=DT_INT64,allowed=[%(G27)s]; "
        "attr=dtype:type,allowed=[%(G33)s]",
        "Lu": "signature=input:T -> lu:T, p:output_idx_type; attr=T:type,allowed=[%(G31)s]; "
        "attr=output_idx_type:type,default=DT_INT32,allowed=[%(G27)s]",
        "Bitcast": "signature=input:T -> output:type; attr=T:type,allowed=[%(G30)s]; "
        "attr=type:type,allowed=[%(G30)s]",
        "BesselI0": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselI0e": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselI1": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselI1e": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselJ0": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselJ1": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselK0": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselK0e": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselK1": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselK1e": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselY0": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "BesselY1": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Dawsn": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Expint": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "FresnelCos": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "FresnelSin": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Spence": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "DenseBincount": "signature=input:Tidx, size:Tidx, weights:T -> output:T; "
        "attr=Tidx:type,allowed=[%(G27)s]; attr=T:type,allowed=[%(G29)s]; "
        "attr=binary_output:bool,default=false",
        "HistogramFixedWidth": "signature=values:T, value_range:T, nbins:int32 -> out:dtype; "
        "attr=T:type,allowed=[%(G29)s]; attr=dtype:type,default=DT_INT32,allowed=[%(G27)s]",
        "Sign": "signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]",
        "Square": "signature=x:T -> y:T; attr=T:type,allowed=[%(G2)s]",
        "Sqrt": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Rsqrt": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Exp": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Log": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Log1p": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Expm1": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Sin": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Cos": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Tan": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Tanh": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Sigmoid": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Neg": "signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]",
        "Round": "signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]",
        "Floor": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Ceil": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Erf": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Erfc": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Softplus": "signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]",
        "Softsign": "signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]",
        "IsNan": "signature=x:T -> y:bool; attr=T:type,allowed=[%(G4)s]",
        "IsInf": "signature=x:T -> y:bool; attr=T:type,allowed=[%(G4)s]",
        "IsFinite": "signature=x:T -> y:bool; attr=T:type,allowed=[%(G4)s]",
        "Asin": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Acos": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Atan": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Sinh": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Cosh": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Asinh": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Acosh": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Atanh": "signature=x:T -> y:T; attr=T:type,allowed=[%(G3)s]",
        "Lgamma": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Digamma": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Rint": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "Relu": "signature=features:T -> activations:T; attr=T:type,allowed=[%(G6)s]",
        "Relu6": "signature=features:T -> activations:T; attr=T:type,allowed=[%(G7)s]",
        "Elu": "signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]",
        "Selu": "signature=features:T -> activations:T; attr=T:type,allowed=[%(G5)s]",
        "LeakyRelu": "signature=features:T -> activations:T; attr=alpha:float,default=0.2; "
        "attr=T:type,default=DT_FLOAT,allowed=[%(G5)s]",
        "Softmax": "signature=logits:T -> softmax:T; attr=T:type,allowed=[%(G5)s]",
        "LogSoftmax": "signature=logits:T -> logsoftmax:T; attr=T:type,allowed=[%(G5)s]",
        "AddV2": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G8)s]; is_commutative=true; "
        "is_aggregate=true",
        "Sub": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G9)s]",
        "Mul": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]; is_commutative=true",
        "RealDiv": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]",
        "FloorDiv": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]",
        "FloorMod": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G11)s]",
        "Pow": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G12)s]",
        "Maximum": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G13)s]",
        "Minimum": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G13)s]",
        "SquaredDifference": (
            "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G14)s]; is_commutative=true"
        ),
        "DivNoNan": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G15)s]",
        "Atan2": "signature=y:T, x:T -> z:T; attr=T:type,allowed=[%(G4)s]",
        "Xlogy": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G16)s]",
        "Xdivy": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G16)s]",
        "Less": "signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]",
        "LessEqual": "signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]",
        "Greater": "signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]",
        "GreaterEqual": "signature=x:T, y:T -> z:bool; attr=T:type,allowed=[%(G7)s]",
        "Equal": "signature=x:T, y:T -> z:bool; attr=T:type; "
        "attr=incompatible_shape_error:bool,default=true; is_commutative=true",
        "NotEqual": "signature=x:T, y:T -> z:bool; attr=T:type; "
        "attr=incompatible_shape_error:bool,default=true; is_commutative=true",
        "DecodeRaw": "signature=bytes:string -> output:out_type; attr=out_type:type,allowed=["
        "DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT32, DT_UINT16, DT_UINT8, DT_INT16, DT_INT8, "
        "DT_INT64, DT_COMPLEX64, DT_COMPLEX128, DT_BOOL, DT_BFLOAT16]; "
        "attr=little_endian:bool,default=true",
        "DecodePaddedRaw": "signature=input_bytes:string, fixed_length:int32 -> output:out_type; "
        "attr=out_type:type,allowed=[DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT32, DT_UINT16, "
        "DT_UINT8, DT_INT16, DT_INT8, DT_INT64, DT_BFLOAT16]; attr=little_endian:bool,default=true",
        "ParseExampleV2": "signature=serialized:string, names:string, sparse_keys:string, "
        "dense_keys:string, ragged_keys:string, dense_defaults: -> "
        "sparse_indices:num_sparse*int64, sparse_values:, sparse_shapes:num_sparse*int64, "
        "dense_values:, ragged_values:, ragged_row_splits:; "
        "attr=Tdense:list(type),min=0,allowed=[DT_FLOAT, DT_INT64, DT_STRING]; "
        "attr=num_sparse:int,min=0; "
        "attr=sparse_types:list(type),min=0,allowed=[DT_FLOAT, DT_INT64, DT_STRING]; "
        "attr=ragged_value_types:list(type),min=0,allowed=[DT_FLOAT, DT_INT64, DT_STRING]; "
        "attr=ragged_split_types:list(type),min=0,allowed=[DT_INT32, DT_INT64]; "
        "attr=dense_shapes:list(shape),min=0",
        "DecodeCSV": "signature=records:string, record_defaults: -> output:; "
        "attr=OUT_TYPE:list(type),min=1,allowed=[DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64, "
        'DT_STRING]; attr=field_delim:string,default=","; '
        "attr=use_quote_delim:bool,default=true; "
        'attr=na_value:string,default=""; attr=select_cols:list(int),default=[]',
        "CSVDatasetV2": "signature=filenames:string, compression_type:string, "
        "buffer_size:int64, header:bool, field_delim:string, use_quote_delim:bool, "
        "na_value:string, select_cols:int64, record_defaults:, exclude_cols:int64 -> "
        "handle:variant; attr=output_types:list(type),min=1,allowed=[DT_FLOAT, DT_DOUBLE, "
        "DT_INT32, DT_INT64, DT_STRING]; attr=output_shapes:list(shape),min=1; is_stateful=true",
        "BiasAdd": "signature=value:T, bias:T -> output:T; attr=T:type,allowed=[%(G17)s]; "
        'attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW"]',
        "RGBToHSV": "signature=images:T -> output:T; attr=T:type,default=DT_FLOAT,"
        "allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT, DT_DOUBLE]",
        "HSVToRGB": "signature=images:T -> output:T; attr=T:type,default=DT_FLOAT,"
        "allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT, DT_DOUBLE]",
        "MatMul": "signature=a:T, b:T -> product:T; attr=transpose_a:bool,default=false; "
        "attr=transpose_b:bool,default=false; attr=T:type,allowed=[%(G18)s]; "
        "attr=grad_a:bool,default=false; attr=grad_b:bool,default=false",
        "Cumsum": "signature=x:T, axis:Tidx -> out:T; attr=exclusive:bool,default=false; "
        "attr=reverse:bool,default=false; attr=T:type,allowed=[%(G17)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Cumprod": "signature=x:T, axis:Tidx -> out:T; attr=exclusive:bool,default=false; "
        "attr=reverse:bool,default=false; attr=T:type,allowed=[%(G17)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "SparseReduceSum": _SPARSE_REDUCE % ("output:T", "%(G17)s"),
        "SparseReduceMax": _SPARSE_REDUCE % ("output:T", "%(G7)s"),
        "SparseReduceSumSparse": _SPARSE_REDUCE % (_SPARSE_OUT, "%(G17)s"),
        "SparseReduceMaxSparse": _SPARSE_REDUCE % (_SPARSE_OUT, "%(G7)s"),
        "Sum": "signature=input:T, reduction_indices:Tidx -> output:T; "
        "attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Mean": "signature=input:T, reduction_indices:Tidx -> output:T; "
        "attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Max": "signature=input:T, reduction_indices:Tidx -> output:T; "
        "attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G19)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Min": "signature=input:T, reduction_indices:Tidx -> output:T; "
        "attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G19)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Prod": "signature=input:T, reduction_indices:Tidx -> output:T; "
        "attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "ArgMax": "signature=input:T, dimension:Tidx -> output:output_type; "
        "attr=T:type,allowed=[%(G20)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
        "attr=output_type:type,default=DT_INT64,allowed=[DT_INT16, DT_UINT16, DT_INT32, DT_INT64]",
        "ArgMin": "signature=input:T, dimension:Tidx -> output:output_type; "
        "attr=T:type,allowed=[%(G20)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; "
        "attr=output_type:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]",
        "AddN": "signature=inputs:N*T -> sum:T; attr=N:int,min=1; attr=T:type,allowed=[%(G21)s]; "
        "is_commutative=true; is_aggregate=true",
        "TopKV2": "signature=input:T, k:Tk -> values:T, indices:index_type; "
        "attr=sorted:bool,default=true; "
        "attr=T:type,allowed=[%(G7)s]; "
        "attr=Tk:type,default=DT_INT32,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
        "attr=index_type:type,default=DT_INT32,allowed=[DT_INT16, DT_INT32, DT_INT64]",
        "Reciprocal": "signature=x:T -> y:T; attr=T:type,allowed=[%(G1)s]",
        "MatrixInverse": "signature=input:T -> output:T; attr=adjoint:bool,default=false; "
        "attr=T:type,allowed=[%(G22)s]",
        "MatrixDeterminant": "signature=input:T -> output:T; attr=T:type,allowed=[%(G23)s]",
        "Cholesky": "signature=input:T -> output:T; attr=T:type,allowed=[%(G22)s]",
        "Qr": "signature=input:T -> q:T, r:T; attr=full_matrices:bool,default=false; "
        "attr=T:type,allowed=[%(G22)s]",
        "Diag": "signature=diagonal:T -> output:T; attr=T:type,allowed=[%s]" % _DIAG_TYPES,
        "DiagPart": "signature=input:T -> diagonal:T; attr=T:type,allowed=[%s]" % _DIAG_TYPES,
        "Svd": "signature=input:T -> s:T, u:T, v:T; attr=compute_uv:bool,default=true; "
        "attr=full_matrices:bool,default=false; attr=T:type,allowed=[%(G22)s]",
        "SelfAdjointEigV2": "signature=input:T -> e:T, v:T; attr=compute_v:bool,default=true; "
        "attr=T:type,allowed=[%(G22)s]",
        "MatrixSolve": "signature=matrix:T, rhs:T -> output:T; attr=adjoint:bool,default=false; "
        "attr=T:type,allowed=[%(G22)s]",
        "MatrixTriangularSolve": "signature=matrix:T, rhs:T -> output:T; "
        "attr=lower:bool,default=true; attr=adjoint:bool,default=false; "
        "attr=T:type,allowed=[DT_BFLOAT16, DT_DOUBLE, DT_FLOAT, DT_HALF, DT_COMPLEX64, "
        "DT_COMPLEX128]",
        "XlaDynamicUpdateSlice": "signature=input:T, update:T, indices:Tindices -> output:T; "
        "attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]",
        "MatrixBandPart": (
            "signature=input:T, num_lower:Tindex, num_upper:Tindex -> band:T; attr=T:type; "
            "attr=Tindex:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]"
        ),
        "MatrixDiagV3": "signature=diagonal:T, k:int32, num_rows:int32, num_cols:int32, "
        "padding_value:T -> output:T; "
        "attr=T:type; "
        'attr=align:string,default="RIGHT_LEFT",allowed=["LEFT_RIGHT", "RIGHT_LEFT", '
        '"LEFT_LEFT", "RIGHT_RIGHT"]',
        "MatrixDiagPartV3": (
            "signature=input:T, k:int32, padding_value:T -> diagonal:T; attr=T:type; "
            'attr=align:string,default="RIGHT_LEFT",allowed=["LEFT_RIGHT", "RIGHT_LEFT", '
            '"LEFT_LEFT", "RIGHT_RIGHT"]'
        ),
        "Einsum": "signature=inputs:N*T -> output:T; attr=equation:string; attr=N:int,min=1; "
        "attr=T:type",
        "L2Loss": "signature=t:T -> output:T; attr=T:type,allowed=[%(G5)s]",
        "SparseSoftmaxCrossEntropyWithLogits": (
            "signature=features:T, labels:Tlabels -> loss:T, backprop:T; "
            "attr=T:type,allowed=[%(G5)s]; "
            "attr=Tlabels:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]"
        ),
        "SoftmaxCrossEntropyWithLogits": (
            "signature=features:T, labels:T -> loss:T, backprop:T; attr=T:type,allowed=[%(G5)s]"
        ),
        "BatchMatMulV2": "signature=x:T, y:T -> output:T; attr=T:type,allowed=[%(G24)s]; "
        "attr=adj_x:bool,default=false; attr=adj_y:bool,default=false; "
        "attr=grad_x:bool,default=false; attr=grad_y:bool,default=false",
        "ComplexAbs": (
            "signature=x:T -> y:Tout; attr=T:type,default=DT_COMPLEX64,allowed=[%(G25)s]; "
            "attr=Tout:type,default=DT_FLOAT,allowed=[DT_FLOAT, DT_DOUBLE]"
        ),
        "Xlog1py": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G16)s]",
        "EuclideanNorm": "signature=input:T, reduction_indices:Tidx -> output:T; "
        "attr=keep_dims:bool,default=false; attr=T:type,allowed=[%(G17)s]; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "LogMatrixDeterminant": (
            "signature=input:T -> sign:T, log_abs_determinant:T; attr=T:type,allowed=[%(G23)s]"
        ),
        "TruncateDiv": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G10)s]",
        "TruncateMod": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G26)s]",
        "Erfinv": "signature=x:T -> y:T; attr=T:type,allowed=[%(G4)s]",
        "MulNoNan": "signature=x:T, y:T -> z:T; attr=T:type,allowed=[%(G3)s]",
        "CumulativeLogsumexp": (
            "signature=x:T, axis:Tidx -> out:T; attr=exclusive:bool,default=false; "
            "attr=reverse:bool,default=false; attr=T:type,allowed=[%(G4)s]; "
            "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]"
        ),
        "SegmentSum": (
            "signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G17)s]; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]"
        ),
        "SegmentMean": (
            "signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G17)s]; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]"
        ),
        "SegmentMax": (
            "signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G7)s]; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]"
        ),
        "SegmentMin": (
            "signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G7)s]; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]"
        ),
        "SegmentProd": (
            "signature=data:T, segment_ids:Tindices -> output:T; attr=T:type,allowed=[%(G17)s]; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]"
        ),
        "UnsortedSegmentSum": (
            "signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; "
            "attr=T:type,allowed=[%(G17)s]; "
            "attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
            "attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]"
        ),
        "UnsortedSegmentMax": (
            "signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; "
            "attr=T:type,allowed=[%(G7)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            "attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]"
        ),
        "UnsortedSegmentMin": (
            "signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; "
            "attr=T:type,allowed=[%(G7)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            "attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]"
        ),
        "UnsortedSegmentProd": (
            "signature=data:T, segment_ids:Tindices, num_segments:Tnumsegments -> output:T; "
            "attr=T:type,allowed=[%(G17)s]; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            "attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]"
        ),
        "GatherV2": "signature=params:Tparams, indices:Tindices, axis:Taxis -> output:Tparams; "
        "attr=batch_dims:int,default=0; attr=Tparams:type; "
        "attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
        "attr=Taxis:type,allowed=[DT_INT32, DT_INT64]",
        "InTopKV2": "signature=predictions:float, targets:T, k:T -> precision:bool; "
        "attr=T:type,default=DT_INT32,allowed=[%(G27)s]",
        "Reshape": "signature=tensor:T, shape:Tshape -> output:T; attr=T:type; "
        "attr=Tshape:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Transpose": "signature=x:T, perm:Tperm -> y:T; attr=T:type; "
        "attr=Tperm:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Tile": "signature=input:T, multiples:Tmultiples -> output:T; attr=T:type; "
        "attr=Tmultiples:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "BroadcastTo": "signature=input:T, shape:Tidx -> output:T; attr=T:type; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "ReverseV2": "signature=tensor:T, axis:Tidx -> output:T; "
        "attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; "
        "attr=T:type,allowed=[DT_UINT8, DT_INT8, DT_UINT16, DT_INT16, DT_INT32, DT_UINT32, "
        "DT_INT64, DT_UINT64, DT_BOOL, DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_COMPLEX64, "
        "DT_COMPLEX128, DT_STRING]",
        "GatherNd": (
            "signature=params:Tparams, indices:Tindices -> output:Tparams; attr=Tparams:type; "
            "attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "OneHot": "signature=indices:TI, depth:int32, on_value:T, off_value:T -> output:T; "
        "attr=axis:int,default=-1; attr=T:type; "
        "attr=TI:type,default=DT_INT64,allowed=[DT_UINT8, DT_INT8, DT_INT32, DT_INT64]",
        "Shape": "signature=input:T -> output:out_type; attr=T:type; "
        "attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "ShapeN": "signature=input:N*T -> output:N*out_type; attr=N:int,min=1; attr=T:type; "
        "attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "TensorScatterUpdate": (
            "signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; "
            "attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64, DT_UINT16]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "TensorScatterAdd": (
            "signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "TensorScatterSub": (
            "signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "TensorScatterMax": (
            "signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "TensorScatterMin": (
            "signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; "
            "attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "ScatterNd": (
            "signature=indices:Tindices, updates:T, shape:Tindices -> output:T; attr=T:type; "
            "attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
            'attr=bad_indices_policy:string,default=""'
        ),
        "Pad": "signature=input:T, paddings:Tpaddings -> output:T; attr=T:type; "
        "attr=Tpaddings:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "MirrorPad": "signature=input:T, paddings:Tpaddings -> output:T; attr=T:type; "
        "attr=Tpaddings:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; "
        'attr=mode:string,allowed=["REFLECT", "SYMMETRIC"]',
        "Roll": "signature=input:T, shift:Tshift, axis:Taxis -> output:T; attr=T:type; "
        "attr=Tshift:type,allowed=[DT_INT32, DT_INT64]; "
        "attr=Taxis:type,allowed=[DT_INT32, DT_INT64]",
        "Slice": "signature=input:T, begin:Index, size:Index -> output:T; attr=T:type; "
        "attr=Index:type,allowed=[DT_INT32, DT_INT64]",
        "LowerBound": "signature=sorted_inputs:T, values:T -> output:out_type; attr=T:type; "
        "attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "UpperBound": "signature=sorted_inputs:T, values:T -> output:out_type; attr=T:type; "
        "attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "OnesLike": "signature=x:T -> y:T; "
        "attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_UINT8, "
        "DT_INT16, DT_UINT16, DT_INT32, DT_UINT32, DT_INT64, DT_UINT64, DT_COMPLEX64, "
        "DT_COMPLEX128, DT_BOOL]",
        "Split": "signature=split_dim:int32, value:T -> output:num_split*T; "
        "attr=num_split:int,min=1; "
        "attr=T:type",
        "ExpandDims": "signature=input:T, dim:Tdim -> output:T; attr=T:type; "
        "attr=Tdim:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Fill": "signature=dims:index_type, value:T -> output:T; attr=T:type; "
        "attr=index_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "ConcatV2": "signature=values:N*T, axis:Tidx -> output:T; attr=N:int,min=2; "
        "attr=T:type; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "Unique": "signature=x:T -> y:T, idx:out_idx; attr=T:type; "
        "attr=out_idx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]",
        "SplitV": "signature=value:T, size_splits:Tlen, split_dim:int32 -> output:num_split*T; "
        "attr=num_split:int,min=1; attr=T:type; "
        "attr=Tlen:type,default=DT_INT64,allowed=[DT_INT8, DT_INT32, DT_INT64]",
        "StridedSlice": (
            "signature=input:T, begin:Index, end:Index, strides:Index -> output:T; attr=T:type; "
            "attr=Index:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; "
            "attr=begin_mask:int,default=0; "
            "attr=end_mask:int,default=0; attr=ellipsis_mask:int,default=0; "
            "attr=new_axis_mask:int,default=0; attr=shrink_axis_mask:int,default=0"
        ),
        "CheckNumerics": (
            "signature=tensor:T -> output:T; attr=T:type,allowed=[%(G4)s]; attr=message:string; "
            "is_stateful=true"
        ),
    }.items()
}
_TORCH = {
    "BFLOAT16": torch.bfloat16,
    "HALF": torch.float16,
    "FLOAT": torch.float32,
    "DOUBLE": torch.float64,
    "INT8": torch.int8,
    "INT16": torch.int16,
    "INT32": torch.int32,
    "INT64": torch.int64,
    "UINT8": torch.uint8,
    "UINT16": getattr(torch, "uint16", None),
    "UINT32": getattr(torch, "uint32", None),
    "UINT64": getattr(torch, "uint64", None),
    "COMPLEX64": torch.complex64,
    "COMPLEX128": torch.complex128,
    "BOOL": torch.bool,
}
_MATMUL_DTYPES = allowed_dtypes("MatMul")
_MATMUL_NO_KERNEL = frozenset(
    d
    for d in (torch.uint8, getattr(torch, "uint16", None), getattr(torch, "uint32", None))
    + (getattr(torch, "uint64", None),)
    if d is not None
)
