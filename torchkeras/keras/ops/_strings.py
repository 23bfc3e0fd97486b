"""``keras.ops`` on string tensors, as Keras' TensorFlow backend treats them.  The first step of
the op's Keras TF backend that touches the string tensor decides, and each table below names
the ops whose first step is of one kind: a TF op with a string kernel (layout ops, comparisons,
``zeros_like``; run through the tf core, which stores strings) or a Python early return
(``nan_to_num`` of a non-numeric dtype) works; Keras' type promotion raises its ``ValueError``;
a ``tf.cast`` to a number raises TF's ``UnimplementedError``; a Python constant converted to
the input's dtype raises TF's ``TypeError``; the rest reach a TF kernel whose dtype list
refuses strings (its ``InvalidArgumentError``).

The numeric ``keras.ops`` read torch storage, which cannot hold strings: their storage read
raises :class:`StringInputError`, and the op wrapper (``torch_errors.translating``) answers it here,
off the hot path.
"""

import sys

import numpy as np

from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import attr_error, cannot_convert, no_kernel
from ...ops import cast_ops, comparison_ops, creation_ops, elementwise_ops, shape_ops
from ...ops import shape_query_ops

__all__ = ["StringInputError", "features_error", "outcome", "layer_input_error", "string_tensor"]


class StringInputError(TypeError):
    """A string tensor (``value``) reached a ``keras.ops`` function that computes on torch
    storage."""

    def __init__(self, value):
        super().__init__("keras.ops does not support string tensors. Received: %r" % (value,))
        self.value = value


def features_error(dtype):
    """Keras' error for a non-floating ``dtype`` (a ``DType``) given to ``gelu``."""
    return ValueError(
        "`features.dtype` must be a floating point tensor.Received:features.dtype=%r" % (dtype,)
    )


_KERNELS = {
    "abs": "Abs",
    "absolute": "Abs",
    "fabs": "Abs",
    "amax": "Max",
    "max": "Max",
    "nanmax": "Max",
    "logsumexp": "Max",
    "ptp": "Max",
    "amin": "Min",
    "min": "Min",
    "nanmin": "Min",
    "argmax": "ArgMax",
    "nanargmax": "ArgMax",
    "argmin": "ArgMin",
    "nanargmin": "ArgMin",
    "sort": "Neg",
    "top_k": "TopKV2",
    "categorical_crossentropy": "Mul",
    "trace": "Sum",
    "moments": "Mean",
    "argsort": "Neg",
    "negative": "Neg",
    "log_sigmoid": "Neg",
    "cumprod": "Cumprod",
    "nancumprod": "Cumprod",
    "cumsum": "Cumsum",
    "nancumsum": "Cumsum",
    "prod": "Prod",
    "nanprod": "Prod",
    "sum": "Sum",
    "std": "Mean",
    "elu": "Elu",
    "selu": "Selu",
    "erf": "Erf",
    "erfinv": "Erfinv",
    "exp": "Exp",
    "expm1": "Expm1",
    "sigmoid": "Sigmoid",
    "glu": "Sigmoid",
    "leaky_relu": "LeakyRelu",
    "relu": "Relu",
    "relu6": "Relu6",
    "softmax": "Softmax",
    "log_softmax": "LogSoftmax",
    "softplus": "Softplus",
    "softsign": "Softsign",
    "tanh_shrink": "Tanh",
    "hard_shrink": "Abs",
    "reciprocal": "Reciprocal",
    "round": "Round",
    "rsqrt": "Rsqrt",
    "sign": "Sign",
    "square": "Square",
    "normalize": "Square",
    "subtract": "Sub",
    "multiply": "Mul",
    "outer": "Mul",
    "kron": "Mul",
    "floor_divide": "FloorDiv",
    "mod": "FloorMod",
    "power": "Pow",
    "maximum": "Maximum",
    "fmax": "Maximum",
    "minimum": "Minimum",
    "fmin": "Minimum",
    "greater": "Greater",
    "greater_equal": "GreaterEqual",
    "less": "Less",
    "less_equal": "LessEqual",
    "digitize": "Bucketize",
    "cross": "Cross",
    "bitwise_and": "BitwiseAnd",
    "bitwise_or": "BitwiseOr",
    "bitwise_xor": "BitwiseXor",
    "bitwise_invert": "Invert",
    "bitwise_not": "Invert",
    "bitwise_left_shift": "LeftShift",
    "left_shift": "LeftShift",
    "bitwise_right_shift": "RightShift",
    "right_shift": "RightShift",
}
"""Keras op -> the TF kernel whose dtype list refuses the string tensor (Keras 3.15's TF
backend; ``sort`` negates before ``top_k``)."""

_PROMOTING = frozenset(
    "arccos arccosh arcsin arcsinh arctan arctan2 arctanh average ceil cos cosh divide "
    "divide_no_nan dot floor inner log log10 log1p log2 logaddexp logaddexp2 matmul mean median "
    "norm quantile sin sinc sinh sqrt tan tanh tensordot true_divide var vdot".split()
)
"""Keras ops that ask ``keras.backend.result_type`` first, which refuses strings."""

_LINALG_KERNELS = {"logdet": "Cholesky", "slogdet": "LogMatrixDeterminant", "qr": "Qr"}
"""Keras linalg ops whose TF kernel is the first to see a string input."""

_MIXED_PROMOTING = frozenset(
    "add allclose append arctan2 cross equal floor_divide fmod greater greater_equal heaviside "
    "hypot isclose kron less less_equal maximum minimum mod multiply not_equal outer power "
    "subtract".split()
)
"""Binary Keras ops that ask ``result_type`` of both operands first: a string operand beside a
numeric one is refused there (two strings may still work, see ``_STRING_OPS``)."""

_CONSTANTS = {
    "deg2rad": 3.141592653589793,
    "exp2": 2.0,
    "celu": 0.0,
    "hard_sigmoid": 3.0,
    "hard_silu": 3.0,
    "hard_swish": 3.0,
    "hard_tanh": 1.0,
    "binary_crossentropy": 0.9999999,
    "diag": 0,
    "diagflat": 0,
    "rad2deg": 3.141592653589793,
    "squareplus": 4,
    "trunc": 0,
}
"""Keras ops whose TF backend first converts a Python constant to the input's dtype (which
fails for strings), with that constant."""

_CASTS_FIRST = {
    "cbrt": dtypes.float32,
    "signbit": dtypes.float32,
    "bincount": dtypes.int32,
    "nanmean": dtypes.float32,
    "nansum": dtypes.float32,
    "one_hot": dtypes.int64,
    "sparse_categorical_crossentropy": dtypes.int64,
    "where": dtypes.bool,
    "switch": dtypes.int32,
}
"""Keras ops whose TF backend casts their first argument first (TF refuses string casts)."""

_CASTS_TO_INPUT = {"silu": 1.0, "swish": 1.0}
"""Keras ops whose TF backend casts a Python constant to the input's dtype first (TF refuses
casting numbers to strings), with that constant."""

_SQUARE = {
    "det": "MatrixDeterminant",
    "inv": "MatrixInverse",
    "cholesky": "Cholesky",
    "svd": "Svd",
    "solve": "MatrixSolve",
    "solve_triangular": "MatrixTriangularSolve",
}
"""Keras linalg ops checking the rank (>= 2) before their kernel refuses strings."""

_WRAPPED = {"cholesky": "Cholesky decomposition failed: "}
"""Keras ops that re-raise their kernel's error as a ``ValueError`` with this prefix."""

_UNPACKS_MATRIX = {"eig": None, "eigh": "SelfAdjointEigV2"}
"""Keras linalg ops unpacking the last two dimensions first (Python's ``ValueError`` below rank
2), then reaching this kernel (``None``: Keras' ``eig`` fails on its own for strings)."""

_NO_STRING_KERNEL = frozenset(["tril", "triu"])
"""Keras ops whose TF kernel (``MatrixBandPart``) declares strings but registers no kernel for
them (TF's ``NotFoundError``)."""

_NUMPY_DTYPE_FIRST = frozenset(["dtype", "moments", "rms_normalization", "saturate_cast"])
"""Keras ops standardizing the dtype of a NumPy input first: Keras refuses NumPy's string
dtypes (``str32``, ``bytes8``) by name."""

_CONSTANT_ARG = {"binary_crossentropy": 1}
"""Keras ops whose constant (``_CONSTANTS``) is converted to this argument, not the first: a
string in another reaches TF's ``Mul`` kernel instead."""

_NUMPY_COMPARES = {"soft_shrink": "greater", "sparse_plus": "less_equal", "threshold": "greater"}
"""Keras ops comparing a NumPy input with a number first, in NumPy (this ufunc), which has no
loop for strings (NumPy's ``UFuncTypeError``)."""

_BY_POSITION = frozenset(
    "array_split broadcast_to dstack expand_dims hsplit moveaxis repeat reshape roll rot90 "
    "split swapaxes take take_along_axis tile unstack vsplit".split()
)
"""Layout ops with a string kernel in TF: they run on the strings' positions (TF's errors for
the other arguments come from that run), and their result picks the strings."""

_ARGUMENTS_FIRST = frozenset(
    "cast conv_transpose depthwise_conv dot_product_attention lstsq max_pool saturate_cast "
    "separable_conv trace".split()
)
"""Keras ops checking shapes, ranks or their other arguments before anything sees the input's
dtype: a numeric input of the string input's shape gets their errors first."""

_TO_BOOL = frozenset("all any logical_and logical_not logical_or logical_xor nonzero".split())
"""Keras ops that cast their inputs to bool first (TF refuses the string cast)."""


def _transpose(x, axes=None):
    return shape_ops.transpose(x, axes)


def _squeeze(x, axis=None):
    return shape_ops.squeeze(x, axis)


def _ravel(x):
    return shape_ops.reshape(x, [-1])


def _same(x, *args, **kwargs):
    return creation_ops.identity(x)


def _convert(x, dtype=None, sparse=None, ragged=None):
    if dtype is None:
        return creation_ops.identity(x)
    dtype = dtypes.as_dtype(dtype)
    if hasattr(x, "_value"):
        return cast_ops.cast(x, dtype)
    return convert_to_tensor(x, dtype=dtype)


def string_tensor(x):
    """Keras' ``convert_to_tensor(x, "string")``: tensors cast, other values converted (TF's
    errors for numbers)."""
    return _convert(x, dtypes.string)


def _isnan(x):
    return creation_ops.zeros_like(x, dtypes.bool)


def _isfinite(x):
    return creation_ops.ones_like(x, dtypes.bool)


def _shape(x):
    return tuple(np.shape(x))


def _size(x):
    return shape_query_ops.size(x)


def _expand_dims(x, axis):
    return shape_ops.expand_dims(x, axis)


def _reversed(axis):
    def run(x):
        if len(np.shape(x)) == 0:
            return convert_to_tensor(x)
        return shape_ops.reverse(x, [axis])

    return run


def _cast(x, dtype):
    return cast_ops.cast(convert_to_tensor(x), dtypes.as_dtype(dtype))


def _array(x, dtype=None):
    return convert_to_tensor(x) if dtype is None else _cast(x, dtype)


def _count_nonzero(x, axis=None):
    text = convert_to_tensor(x)._value
    found = (text != b"").sum(axis=None if axis is None else tuple(np.atleast_1d(axis)))
    return convert_to_tensor(np.asarray(found, np.int32))


def _empty_like(x, dtype=None):
    return creation_ops.zeros_like(x, None if dtype is None else dtypes.as_dtype(dtype))


def _flip(x, axis=None):
    rank = len(np.shape(x))
    axes = list(range(rank)) if axis is None else axis
    return shape_ops.reverse(x, [axes] if isinstance(axes, int) else list(axes))


_STRING_OPS = {
    "transpose": _transpose,
    "squeeze": _squeeze,
    "ravel": _ravel,
    "convert_to_tensor": _convert,
    "stop_gradient": _same,
    "copy": _same,
    "isnan": _isnan,
    "isinf": _isnan,
    "isfinite": _isfinite,
    "isneginf": _isnan,
    "isposinf": _isnan,
    "fliplr": _reversed(1),
    "flipud": _reversed(0),
    "cast": _cast,
    "array": _array,
    "count_nonzero": _count_nonzero,
    "empty_like": _empty_like,
    "shape": _shape,
    "ndim": lambda x: len(_shape(x)),
    "size": _size,
    "expand_dims": _expand_dims,
    "flip": _flip,
    "add": elementwise_ops.add,
    "equal": comparison_ops.equal,
    "not_equal": comparison_ops.not_equal,
    "nan_to_num": _same,
    "zeros_like": creation_ops.zeros_like,
    "ones_like": creation_ops.ones_like,
}
"""Keras ops that work on strings in Keras' TF backend (or whose TF op raises its own error for
them: ``ones_like``), as the tf core runs them."""


_CASTS = {"cast_int32": dtypes.int32, "cast_float32": dtypes.float32}
"""Pseudo-ops for layers whose Keras call casts its input first (TF refuses string casts)."""


def outcome(error, name, args, kwargs):
    """What Keras op ``name`` called with ``args``/``kwargs`` does where a string tensor made
    its storage read raise ``error`` (a :class:`StringInputError`): its result, or TF's error."""
    if name in _BY_POSITION and args and _holds_strings(args[0]):
        return _by_position(name, args, kwargs)
    if name in _ARGUMENTS_FIRST:
        _keras_op(name)(*_stand_ins(args, np.float32), **_stand_ins(kwargs, np.float32))
    if name in _NUMPY_DTYPE_FIRST and args and isinstance(args[0], np.ndarray):
        if args[0].dtype.kind in "SU":
            raise ValueError("Invalid dtype: %s" % args[0].dtype.name) from None
    if name in _NUMPY_COMPARES and args and isinstance(args[0], np.ndarray):
        getattr(np, _NUMPY_COMPARES[name])(args[0], np.float32(0.5))
    if name in _MIXED_PROMOTING and len(args) >= 2 and _is_string(args[0]) != _is_string(args[1]):
        raise ValueError("dtype='string' is not a valid dtype for Keras type promotion.") from None
    if name in _CONSTANT_ARG and len(args) > _CONSTANT_ARG[name]:
        if not _is_string(args[_CONSTANT_ARG[name]]):
            raise attr_error("Mul", dtypes.string) from None
    run = _STRING_OPS.get(name)
    if run is not None:
        return run(*args, **kwargs)
    if name in _KERNELS:
        raise attr_error(_KERNELS[name], dtypes.string) from None
    if name in _LINALG_KERNELS:
        raise attr_error(_LINALG_KERNELS[name], dtypes.string) from None
    if name in ("pinv", "matrix_rank"):  # tfp-style checks in Keras' TF backend
        raise TypeError("Input `a` must have `float`-like `dtype` (saw string).") from None
    if name in _PROMOTING:
        raise ValueError("dtype='string' is not a valid dtype for Keras type promotion.") from None
    if name == "dtype":
        return "string"
    if name in _TO_BOOL:
        cast_ops.cast(error.value, dtypes.bool)
    if name in _CASTS:
        cast_ops.cast(error.value, _CASTS[name])
    if name == "gelu":
        raise features_error(dtypes.string) from None
    if name in _CONSTANTS:
        raise cannot_convert(_CONSTANTS[name], dtypes.string) from None
    if name in _CASTS_FIRST and args and _is_string(args[0]):
        cast_ops.cast(convert_to_tensor(args[0]), _CASTS_FIRST[name])
    if name in _CASTS_TO_INPUT:
        cast_ops.cast(convert_to_tensor(_CASTS_TO_INPUT[name]), dtypes.string)
    if name in _NO_STRING_KERNEL:
        raise no_kernel("MatrixBandPart", np.asarray(["s"], object)) from None
    if name in _UNPACKS_MATRIX and args:
        rank = len(np.shape(args[0]))
        if rank < 2:
            raise ValueError("not enough values to unpack (expected 2, got %d)" % rank) from None
        if _UNPACKS_MATRIX[name] is not None:
            raise attr_error(_UNPACKS_MATRIX[name], dtypes.string) from None
    if name in _SQUARE and args:
        shape = tuple(np.shape(args[0]))
        if len(shape) < 2:
            raise ValueError(
                "Expected input to have rank >= 2. Received input with shape %s." % (shape,)
            ) from None
        kernel_error = attr_error(_SQUARE[name], dtypes.string)
        if name in _WRAPPED:
            raise ValueError(_WRAPPED[name] + str(kernel_error)) from None
        raise kernel_error from None
    raise error


def _keras_op(name):
    """``keras.ops.<name>``, as users call it (the package imports this module first)."""
    return getattr(sys.modules[__package__], name)


def _holds_strings(tree):
    """Whether ``tree`` (an argument, or a list of them) holds a string array."""
    if isinstance(tree, (list, tuple)):
        return any(_holds_strings(value) for value in tree)
    return _strings_of(tree) is not None


def _strings_of(value):
    """``value``'s strings as a NumPy array of bytes, or None where it holds none."""
    if not _is_string(value) or isinstance(value, (str, bytes)):
        return None
    return np.asarray(convert_to_tensor(value)._value)


def _stand_ins(tree, dtype, found=None):
    """``tree`` (arguments, lists, dicts) with each string array replaced by an array of
    ``dtype`` of its shape: its strings' positions in ``found`` (a list collecting the
    strings), or zeros where ``found`` is None."""
    if isinstance(tree, dict):
        return {key: _stand_ins(value, dtype, found) for key, value in tree.items()}
    if isinstance(tree, (list, tuple)):
        return type(tree)(_stand_ins(value, dtype, found) for value in tree)
    text = _strings_of(tree)
    if text is None:
        return tree
    if found is None:
        return np.zeros(text.shape, dtype)
    start = sum(part.size for part in found)
    found.append(text.reshape(-1))
    return np.arange(start, start + text.size, dtype=dtype).reshape(text.shape)


def _by_position(name, args, kwargs):
    """Layout op ``name`` on its string first argument: run on its positions, then pick."""
    found = []
    result = _keras_op(name)(_stand_ins(args[0], np.int32, found), *args[1:], **kwargs)
    strings = np.concatenate(found)

    def pick(value):
        if isinstance(value, (list, tuple)):
            return type(value)(pick(part) for part in value)
        return convert_to_tensor(strings[np.asarray(value)])

    return pick(result)


def _is_string(value):
    """Whether ``value`` is a string operand (a Python string, a NumPy or tf string array)."""
    if isinstance(value, (str, bytes)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "OSU"
    return isinstance(getattr(value, "_value", None), np.ndarray)


def layer_input_error(layer, inputs):
    """The error Keras' TF backend raises in ``layer``'s call for a string input, where the
    layer names the Keras op its call starts with (``layer._input_op``, e.g. ``"matmul"`` for
    Dense, ``"cast_int32"`` for Embedding), or for a ``None`` input, where its call converts
    the input first (``layer._converts_input``); None otherwise."""
    if inputs is None and getattr(layer, "_converts_input", False):
        return ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    name = getattr(layer, "_input_op", None)
    if isinstance(inputs, np.ndarray) and inputs.dtype.kind in "SU":
        inputs = convert_to_tensor(inputs)  # a layer that converts its NumPy input in call
    if name is None or not isinstance(getattr(inputs, "_value", None), np.ndarray):
        return None
    try:
        outcome(StringInputError(inputs), name, (inputs,), {})
    except Exception as error:  # noqa: BLE001 - the outcome is the error to report
        return error
    return None
